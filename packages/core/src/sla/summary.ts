/**
 * One line per instance for staff work queues: how urgent its SLA is and its nearest deadline.
 */
import type { WorkItemSlaCondition } from '../ports/work-items';
import type { SlaStatus } from './compute-status';

/**
 * - `breached`: a target is past its deadline and its clock still runs or is paused;
 * - `at-risk`: a running target has passed a warning threshold;
 * - `on-track`: targets run within their warning thresholds;
 * - `paused`: clocks started but all paused (awaiting the applicant, say);
 * - `done`: every started clock stopped or was cancelled (see `breached` for late ones);
 * - `not-started`: no clock has started.
 */
export type SlaUrgency = 'breached' | 'at-risk' | 'on-track' | 'paused' | 'done' | 'not-started';

/** One line of SLA urgency per instance, for staff work queues. */
export interface SlaSummary {
  /** How urgent the instance is. */
  urgency: SlaUrgency;
  /** The running target whose deadline comes first. */
  nextDeadline: { target: string; at: Date; remainingWallMs: number; bestEffort: boolean } | null;
  /** Targets breached in the current cycle (still open or already stopped late). */
  breached: string[];
  /** The earliest breach instant among targets still open. */
  oldestOpenBreach: Date | null;
  /** Targets whose clock is paused. */
  paused: string[];
  /** The highest warning threshold a running target has passed, or null. */
  highestWarning: number | null;
  /** Every target's status. */
  targets: SlaStatus[];
}

/** Best-effort targets never make an instance `breached` or `at-risk`: they are objectives. */
export function slaSummary(statuses: readonly SlaStatus[], now: Date): SlaSummary {
  const nowMs = now.getTime();
  const open = (s: SlaStatus) => s.phase === 'running' || s.phase === 'paused';
  const committed = statuses.filter((s) => !s.bestEffort);
  const openBreaches = committed.filter((s) => open(s) && s.breach);
  let nextDeadline: SlaSummary['nextDeadline'] = null;
  for (const s of statuses) {
    if (s.phase !== 'running' || s.state === 'breached' || !s.deadline) continue;
    if (!nextDeadline || s.deadline < nextDeadline.at) {
      nextDeadline = { target: s.target, at: s.deadline, remainingWallMs: Math.max(0, s.deadline.getTime() - nowMs), bestEffort: s.bestEffort };
    }
  }
  const passed = committed
    .filter((s) => s.phase === 'running')
    .flatMap((s) => s.warnings.filter((w) => w.dueAt !== null && w.dueAt.getTime() <= nowMs).map((w) => w.threshold));
  const highestWarning = passed.length ? Math.max(...passed) : null;
  const urgency: SlaUrgency = openBreaches.length
    ? 'breached'
    : highestWarning !== null
      ? 'at-risk'
      : statuses.some((s) => s.phase === 'running')
        ? 'on-track'
        : statuses.some((s) => s.phase === 'paused')
          ? 'paused'
          : statuses.some((s) => s.phase !== 'notStarted')
            ? 'done'
            : 'not-started';
  const breachTimes = openBreaches.map((s) => s.breach!.at.getTime());
  return {
    urgency,
    nextDeadline,
    breached: statuses.filter((s) => s.breach).map((s) => s.target),
    oldestOpenBreach: breachTimes.length ? new Date(Math.min(...breachTimes)) : null,
    paused: statuses.filter((s) => s.phase === 'paused').map((s) => s.target),
    highestWarning,
    targets: [...statuses],
  };
}

const RANK: Record<SlaUrgency, number> = { breached: 0, 'at-risk': 1, 'on-track': 2, paused: 3, 'not-started': 4, done: 5 };

/**
 * Orders a work queue most urgent first: open breaches (oldest first), then by nearest
 * deadline, then paused, not started and done work.
 */
export function compareSlaUrgency(a: SlaSummary, b: SlaSummary): number {
  const rank = RANK[a.urgency] - RANK[b.urgency];
  if (rank !== 0) return rank;
  if (a.urgency === 'breached') return (a.oldestOpenBreach?.getTime() ?? 0) - (b.oldestOpenBreach?.getTime() ?? 0);
  const ad = a.nextDeadline?.at.getTime() ?? Number.POSITIVE_INFINITY;
  const bd = b.nextDeadline?.at.getTime() ?? Number.POSITIVE_INFINITY;
  return ad === bd ? 0 : ad < bd ? -1 : 1;
}

/**
 * A summary as a work queue stores it: breached work is due at its oldest open breach, running
 * work at its nearest deadline; paused work and work without a running clock have no deadline.
 */
export function workItemSla(summary: SlaSummary): { condition: WorkItemSlaCondition; dueAt: Date | null } {
  switch (summary.urgency) {
    case 'breached':
      return { condition: 'breached', dueAt: summary.oldestOpenBreach };
    case 'at-risk':
      return { condition: 'warning', dueAt: summary.nextDeadline?.at ?? null };
    case 'on-track':
      return { condition: 'on-time', dueAt: summary.nextDeadline?.at ?? null };
    case 'paused':
      return { condition: 'paused', dueAt: null };
    default:
      return { condition: 'none', dueAt: null };
  }
}
