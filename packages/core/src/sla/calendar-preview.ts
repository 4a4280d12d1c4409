/**
 * What a calendar change would do to running cases, before it is applied. Because SLA status is
 * a pure function of history and calendar, the preview replays each case under both calendars
 * and compares; pauses are part of history, so they are kept.
 */
import type { BusinessCalendar } from '../calendar/calendar.schema';
import type { CalendarWarning } from '../calendar/warnings';
import type { SlaHistoryEntry } from './conditions';
import { computeSlaStatus, type SlaComputeOptions, type SlaState, type SlaStatus } from './compute-status';
import type { SlaPolicy } from './policy.schema';

/** One instance to preview: its id and history. */
export interface SlaCase {
  /** The instance id. */
  instanceId: string;
  /** Its history, oldest first. */
  history: readonly SlaHistoryEntry[];
}

/** How one target of one instance changes under a new calendar. */
export interface SlaDeadlineChange {
  /** The instance id. */
  instanceId: string;
  /** The SLA target. */
  target: string;
  /** State and deadline under the current calendar. */
  before: { state: SlaState; deadline: Date | null };
  /** State and deadline under the new calendar. */
  after: { state: SlaState; deadline: Date | null };
  /** `after − before` in wall milliseconds when both have a deadline. */
  shiftMs: number | null;
  /** True when the deadline differs. */
  deadlineMoved: boolean;
  /** True when the new calendar makes it breached. */
  breachAppears: boolean;
  /** True when the new calendar makes a breach go away. */
  breachDisappears: boolean;
}

/** What a calendar change would do to open SLA deadlines. */
export interface CalendarChangePreview {
  /** Targets whose state or deadline would change. */
  changes: SlaDeadlineChange[];
  /** Targets looked at whose state and deadline stay the same. */
  unchanged: number;
  /** Warnings of the new calendar (e.g. lunar holidays not loaded for a year the cases reach). */
  calendarWarnings: readonly CalendarWarning[];
}

/**
 * Recomputes the SLA status of the given cases under the current and a new calendar, so staff see which
 * deadlines move and which breaches appear or vanish before they publish a calendar change.
 */
export function previewCalendarChange(
  policy: SlaPolicy,
  cases: readonly SlaCase[],
  calendars: { from: BusinessCalendar; to: BusinessCalendar },
  now: Date,
  options: SlaComputeOptions = {},
): CalendarChangePreview {
  const changes: SlaDeadlineChange[] = [];
  const warnings = new Map<string, CalendarWarning>();
  let unchanged = 0;
  for (const c of cases) {
    const before = computeSlaStatus(policy, c.history, calendars.from, now, options);
    const after = computeSlaStatus(policy, c.history, calendars.to, now, options);
    after.forEach((a, i) => {
      for (const w of a.calendarWarnings) warnings.set(JSON.stringify(w), w);
      const b = before[i]!;
      const change = compare(c.instanceId, b, a);
      if (change) changes.push(change);
      else unchanged++;
    });
  }
  return { changes, unchanged, calendarWarnings: [...warnings.values()] };
}

function compare(instanceId: string, b: SlaStatus, a: SlaStatus): SlaDeadlineChange | null {
  const bd = deadlineOf(b);
  const ad = deadlineOf(a);
  const deadlineMoved = (bd?.getTime() ?? null) !== (ad?.getTime() ?? null);
  const breachAppears = !b.breach && a.breach !== null;
  const breachDisappears = b.breach !== null && !a.breach;
  if (!deadlineMoved && !breachAppears && !breachDisappears && a.state === b.state) return null;
  return {
    instanceId,
    target: a.target,
    before: { state: b.state, deadline: bd },
    after: { state: a.state, deadline: ad },
    shiftMs: bd && ad ? ad.getTime() - bd.getTime() : null,
    deadlineMoved,
    breachAppears,
    breachDisappears,
  };
}

/** The instant the budget runs (or ran) out, if known. */
function deadlineOf(s: SlaStatus): Date | null {
  return s.breach?.at ?? s.deadline;
}
