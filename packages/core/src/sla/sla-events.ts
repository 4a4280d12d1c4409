/**
 * The events an SLA clock sends into its workflow as durable timers. They are always written to
 * history (the workflow's `recordedEvents`), whether or not the machine reacts to them.
 */
import type { SlaTarget } from './policy.schema';

/** Default event type of an SLA warning. */
export const DEFAULT_WARNING_EVENT = 'sla.warning';
/** Default event type of an SLA breach. */
export const DEFAULT_BREACH_EVENT = 'sla.breach';
/** A best-effort target's breach: recorded, not escalated (machines do not react to it). */
export const DEFAULT_MISSED_EVENT = 'sla.missed';
/** Default event type of the final overrun of a late target. */
export const DEFAULT_OVERRUN_EVENT = 'sla.overrun';

/** The kinds of SLA event. */
export type SlaEventKind = 'warning' | 'breach' | 'overrun';

/** Business and wall-clock time a clock ran past its deadline (paused stretches do not count). */
export interface SlaOverrun {
  /** Null when no calendar was given (wall-clock targets without one). */
  businessMs: number | null;
  /** Wall-clock time past the deadline. */
  wallMs: number;
}

/** What every SLA event carries (dates as ISO strings so history stays plain JSON). */
export interface SlaEventPayload {
  /** Policy id. */
  policy: string;
  /** Policy version. */
  policyVersion: string;
  /** Target name. */
  target: string;
  /** 0 for the first run of the clock; +1 for each `restart: 'reset'`. */
  cycle: number;
  /** Which kind of event. */
  kind: SlaEventKind;
  /** The fraction crossed: the warning's threshold, 1 for breach and overrun. */
  threshold: number;
  /** The instant the threshold was crossed (the timer's due instant). */
  dueAt: string;
  /** The budget, in the clock's measure. */
  budgetMs: number;
  /** Business or wall clock. */
  clock: 'business' | 'wall';
  /** True for a best-effort target. */
  bestEffort: boolean;
  /**
   * Breach: the overrun when the breach was planned (zero when it fires on time; more when it is
   * discovered late, e.g. after a calendar change). Overrun event: the final overrun at the stop.
   */
  overrun?: SlaOverrun;
}

/** The event type a target uses for a kind (its own name if set, else the default). */
export function slaEventType(target: SlaTarget, kind: SlaEventKind): string {
  switch (kind) {
    case 'warning':
      return target.events.warning ?? DEFAULT_WARNING_EVENT;
    case 'breach':
      return target.events.breach ?? (target.bestEffort ? DEFAULT_MISSED_EVENT : DEFAULT_BREACH_EVENT);
    case 'overrun':
      return target.events.overrun ?? DEFAULT_OVERRUN_EVENT;
  }
}

/** The payload of a history row if it is this policy's SLA event for `target`, else null. */
export function slaEventOf(policyId: string, target: SlaTarget, row: { eventType: string; payload: unknown }): SlaEventPayload | null {
  const p = row.payload as Partial<SlaEventPayload> | null;
  if (!p || typeof p !== 'object' || p.policy !== policyId || p.target !== target.name || typeof p.kind !== 'string') return null;
  if (row.eventType !== slaEventType(target, p.kind)) return null;
  return p as SlaEventPayload;
}
