/**
 * SLA clocks as a pure function of history, calendar and now. Nothing is stored: a deadline is
 * recomputed from the recorded transitions, so a new calendar or policy can be replayed (and
 * previewed) without losing paused time.
 */
import type { BusinessCalendar } from '../calendar/calendar.schema';
import type { CalendarWarning } from '../calendar/warnings';
import { DefinitionError } from '../errors';
import type { SlaHistoryEntry } from './conditions';
import { ClockMeter } from './measure';
import type { SlaPolicy, SlaTarget } from './policy.schema';
import { replayClock, type ClockReplay, type ClockSpan, type SlaPhase } from './replay';
import type { SlaOverrun } from './sla-events';

/** Where a target stands: not started, running, paused, met (stopped in time), breached, or cancelled. */
export type SlaState = 'notStarted' | 'running' | 'paused' | 'met' | 'breached' | 'cancelled';

/** A warning threshold of a target and when it is (or was) reached. */
export interface SlaWarningStatus {
  /** The fraction of the budget, e.g. 0.75. */
  threshold: number;
  /** When the clock reaches (or reached) this fraction; null if it stopped or paused first. */
  dueAt: Date | null;
  /** When the warning was recorded in history; null if not (yet). */
  firedAt: Date | null;
}

/** A target's breach. */
export interface SlaBreach {
  /** The deadline: the first instant the budget was used up. */
  at: Date;
  /** When the breach event was recorded in history; null if not (yet, or under a previewed calendar). */
  recordedAt: Date | null;
  /** Running time past the deadline, up to the stop (final) or now (still growing). */
  overrun: SlaOverrun;
  /** True once the clock stopped (the overrun no longer grows). */
  final: boolean;
}

/** A stretch of time; `end` is null while it lasts. */
export interface SlaSpan {
  /** Start (UTC). */
  start: Date;
  /** End (UTC), or null while it lasts. */
  end: Date | null;
}

/** The status of one SLA target of an instance, replayed from its history at `now`. */
export interface SlaStatus {
  /** Policy id. */
  policy: string;
  /** Policy version. */
  policyVersion: string;
  /** Target name. */
  target: string;
  /** The target's title in Persian and English. */
  title?: { fa: string; en: string };
  /** Business time over the calendar, or wall-clock time. */
  clock: 'business' | 'wall';
  /** True for a best-effort target (a miss is recorded, not escalated). */
  bestEffort: boolean;
  /**
   * `breached` once the budget is used up (the deadline instant itself counts as breached,
   * matching the breach timer that fires at it), whether or not the clock has stopped since;
   * `met` when it stopped in time; `cancelled` when a cancel condition ended it.
   */
  state: SlaState;
  /** The clock's phase. */
  phase: SlaPhase;
  /** Which run of the clock (0 first; +1 per reset restart). */
  cycle: number;
  /** When the clock started in this cycle. */
  startedAt: Date | null;
  /** When it was paused, while paused. */
  pausedAt: Date | null;
  /** When it stopped. */
  stoppedAt: Date | null;
  /** In the clock's measure (business or wall). Null before a working-days budget is anchored at start. */
  budgetMs: number | null;
  /** Time spent, in the clock's measure. */
  elapsedMs: number;
  /** Budget left, in the clock's measure; null without a budget. */
  remainingMs: number | null;
  /** Business time spent; null without a calendar. */
  elapsedBusinessMs: number | null;
  /** Wall time spent. */
  elapsedWallMs: number;
  /** Wall-clock time spent paused in this cycle. */
  pausedWallMs: number;
  /** When the budget runs out given the pauses so far: null while paused or once stopped in time. */
  deadline: Date | null;
  /** Wall time from now to the deadline while running. */
  remainingWallMs: number | null;
  /** Each warning threshold. */
  warnings: SlaWarningStatus[];
  /** The breach, if the deadline passed. */
  breach: SlaBreach | null;
  /** Stretches the clock ran. */
  running: SlaSpan[];
  /** Stretches it was paused. */
  paused: SlaSpan[];
  /** What the calendar could not vouch for. */
  calendarWarnings: readonly CalendarWarning[];
}

/** Options of `computeSlaStatus` and the SLA planners. */
export interface SlaComputeOptions {
  /** Province whose holidays and hours apply (see the calendar). */
  province?: string;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Every target's status, in policy order (several policies: concatenated). */
export function computeSlaStatus(
  policies: SlaPolicy | readonly SlaPolicy[],
  history: readonly SlaHistoryEntry[],
  calendar: BusinessCalendar | undefined,
  now: Date,
  options: SlaComputeOptions = {},
): SlaStatus[] {
  const list: readonly SlaPolicy[] = isPolicyList(policies) ? policies : [policies];
  return list.flatMap((policy) => policy.targets.map((target) => targetStatus(policy, target, history, calendar, now, options)));
}

export function targetStatus(
  policy: SlaPolicy,
  target: SlaTarget,
  history: readonly SlaHistoryEntry[],
  calendar: BusinessCalendar | undefined,
  now: Date,
  options: SlaComputeOptions = {},
): SlaStatus {
  if (target.clock === 'business' && !calendar) {
    throw new DefinitionError(`SLA target "${target.name}" of policy "${policy.id}" runs on business time and needs a calendar`);
  }
  const replay = replayClock(policy.id, target, history);
  const meter = new ClockMeter(calendar, options.province === undefined ? {} : { province: options.province });
  return statusFromReplay(policy, target, replay, meter, now.getTime());
}

export function statusFromReplay(policy: SlaPolicy, target: SlaTarget, replay: ClockReplay, meter: ClockMeter, nowMs: number): SlaStatus {
  const kind = target.clock;
  const until = replay.stoppedAt ?? nowMs;
  const budgetMs = budgetOf(target, replay.startedAt, meter);
  const elapsedMs = meter.spent(kind, replay.running, until);
  const crossing = budgetMs === null ? null : meter.instantAt(kind, replay.running, budgetMs);
  const breached = crossing !== null && crossing <= until;
  const stopped = replay.phase === 'stopped' || replay.phase === 'cancelled';
  const state: SlaState = replay.phase === 'cancelled' ? 'cancelled' : breached ? 'breached' : replay.phase === 'stopped' ? 'met' : replay.phase;

  const warnings: SlaWarningStatus[] =
    budgetMs === null
      ? []
      : [...target.warnings]
          .sort((a, b) => a - b)
          .map((threshold) => {
            const due = meter.instantAt(kind, replay.running, Math.round(threshold * budgetMs));
            const fired = replay.fired.warnings.get(threshold);
            return { threshold, dueAt: due === null || (stopped && due > until) ? null : new Date(due), firedAt: fired ? fired.at : null };
          });

  const deadline = crossing === null || (stopped && !breached) ? null : new Date(crossing);
  return {
    policy: policy.id,
    policyVersion: policy.version,
    target: target.name,
    ...(target.title ? { title: target.title } : {}),
    clock: kind,
    bestEffort: target.bestEffort,
    state,
    phase: replay.phase,
    cycle: replay.cycle,
    startedAt: dateOrNull(replay.startedAt),
    pausedAt: dateOrNull(replay.pausedAt),
    stoppedAt: dateOrNull(replay.stoppedAt),
    budgetMs,
    elapsedMs,
    remainingMs: budgetMs === null ? null : Math.max(0, budgetMs - elapsedMs),
    elapsedBusinessMs: kind === 'business' ? elapsedMs : meter.calendar ? meter.spent('business', replay.running, until) : null,
    elapsedWallMs: kind === 'wall' ? elapsedMs : meter.spent('wall', replay.running, until),
    pausedWallMs: meter.spent('wall', replay.paused, until),
    deadline,
    remainingWallMs: replay.phase === 'running' && crossing !== null ? Math.max(0, crossing - nowMs) : null,
    warnings,
    breach:
      breached && crossing !== null
        ? {
            at: new Date(crossing),
            recordedAt: replay.fired.breach?.at ?? null,
            overrun: meter.after(replay.running, crossing, until),
            final: stopped,
          }
        : null,
    running: replay.running.map(toSpan),
    paused: replay.paused.map(toSpan),
    calendarWarnings: meter.calendarWarnings(),
  };
}

/** The budget in the clock's measure; working days are converted from the cycle's start. */
export function budgetOf(target: SlaTarget, startedAt: number | null, meter: ClockMeter): number | null {
  const b = target.budget;
  if (b.minutes !== undefined) return Math.round(b.minutes * MINUTE);
  if (b.hours !== undefined) return Math.round(b.hours * HOUR);
  const days = b.days!;
  if (target.clock === 'wall') return days * DAY;
  return startedAt === null ? null : meter.workingDays(startedAt, days, target.workingDays);
}

function isPolicyList(value: SlaPolicy | readonly SlaPolicy[]): value is readonly SlaPolicy[] {
  return Array.isArray(value);
}

function dateOrNull(ms: number | null): Date | null {
  return ms === null ? null : new Date(ms);
}

function toSpan(span: ClockSpan): SlaSpan {
  return { start: new Date(span.start), end: dateOrNull(span.end) };
}
