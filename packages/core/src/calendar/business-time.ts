/**
 * Business-time arithmetic over a calendar. Everything reduces to walking working periods day
 * by day (never minute by minute): each civil day is planned once (cached) and its periods,
 * minus any paused segments, are consumed whole.
 *
 * Conventions (see docs/sla-and-calendar.md):
 * - Periods are half-open [start, end).
 * - A computation starts at the next working instant at or after the given instant, so work
 *   arriving after hours counts from the next working period.
 * - Adding returns the earliest instant at which the budget is used up; when that is exactly the
 *   end of a period the result is that end (e.g. 16:00), not the next morning.
 */
import type { BusinessCalendar } from './calendar.schema';
import { calendarIndex, checkedInstant, dayNumberAt, planDay, type CalendarIndex, type CalendarOptions, type DayPlan, type WorkingPeriod } from './calendar';
import { BusinessTimeError } from './errors';
import { WarningCollector, type CalendarWarning } from './warnings';

/** Exactly one of minutes, hours (business time) or working days. */
export type BusinessDuration = { readonly minutes: number } | { readonly hours: number } | { readonly days: number };

/** A stretch of time [start, end) that does not count, e.g. a paused SLA segment. */
export interface ExcludedSegment {
  /** First excluded instant (UTC). */
  readonly start: Date;
  /** First instant that counts again (UTC). */
  readonly end: Date;
}

export interface BusinessTimeOptions extends CalendarOptions {
  /** Segments that do not count as business time even inside working hours (paused clocks). */
  readonly exclude?: readonly ExcludedSegment[];
}

/**
 * How `{ days: n }` is counted:
 * - `'same-position'` (default): n working days later at the same business-time position
 *   within the day (clamped to the end of a shorter day);
 * - `'end-of-day'`: the end of that working day.
 */
export type WorkingDayMode = 'same-position' | 'end-of-day';

export interface AddBusinessTimeOptions extends BusinessTimeOptions {
  /**
   * How whole working days are added: keep the time of day (`same-position`, default) or end at the close of
   * the last day (`end-of-day`).
   */
  readonly workingDays?: WorkingDayMode;
}

/** An instant computed over the calendar, with what the calendar could not vouch for. */
export interface BusinessInstantResult {
  /** The computed instant (UTC). */
  readonly instant: Date;
  /**
   * Years without lunar holidays or unconfirmed holidays the computation crossed; store them with the
   * deadline.
   */
  readonly warnings: readonly CalendarWarning[];
}

/** What `addBusinessTime` returns: the deadline, and where the clock really started. */
export interface AddBusinessTimeResult extends BusinessInstantResult {
  /** Where the clock actually started: the next working instant at or after the input. */
  readonly start: Date;
}

/** Business time between two instants (`businessTimeBetween`). */
export interface BusinessTimeSpan {
  /** Business time; negative when `b` is before `a`. */
  readonly milliseconds: number;
  /** The same span in whole business minutes (truncated towards zero). */
  readonly minutes: number;
  /** The same span in whole business hours (truncated towards zero). */
  readonly hours: number;
  /** What the calendar could not vouch for on the way. */
  readonly warnings: readonly CalendarWarning[];
}

/** What `workingDaysBetween` returns. */
export interface WorkingDaysResult {
  /** Whole working days: the largest n with addBusinessTime(a, {days: n}) <= b (negated when b < a). */
  readonly days: number;
  /** What the calendar could not vouch for on the way. */
  readonly warnings: readonly CalendarWarning[];
}

/** What `workingPeriods` returns: the working periods within a range. */
export interface WorkingPeriodsResult {
  /** The working periods, in order, clipped to the range. */
  readonly periods: readonly WorkingPeriod[];
  /** What the calendar could not vouch for in the range. */
  readonly warnings: readonly CalendarWarning[];
}

/**
 * How many consecutive days without any working period a search tolerates before deciding the
 * calendar has no working time ahead (longer than any realistic closure).
 */
export const MAX_DAYS_WITHOUT_WORK = 1100;

const MS_PER_MINUTE = 60_000;

interface Span {
  readonly start: number;
  readonly end: number;
}

interface Piece extends Span {
  readonly plan: DayPlan;
}

function normaliseExclusions(exclude: readonly ExcludedSegment[] | undefined): Span[] {
  const spans = (exclude ?? [])
    .map((s) => ({ start: checkedInstant(s.start), end: checkedInstant(s.end) }))
    .filter((s) => s.end > s.start)
    .sort((x, y) => x.start - y.start);
  const merged: Span[] = [];
  for (const s of spans) {
    const last = merged[merged.length - 1];
    if (last && s.start <= last.end) merged[merged.length - 1] = { start: last.start, end: Math.max(last.end, s.end) };
    else merged.push(s);
  }
  return merged;
}

function withoutExclusions(span: Span, exclusions: readonly Span[]): Span[] {
  let pieces: Span[] = [span];
  for (const x of exclusions) {
    if (x.start >= span.end) break;
    if (x.end <= span.start) continue;
    pieces = pieces.flatMap((p) => {
      if (x.end <= p.start || x.start >= p.end) return [p];
      const out: Span[] = [];
      if (x.start > p.start) out.push({ start: p.start, end: x.start });
      if (x.end < p.end) out.push({ start: x.end, end: p.end });
      return out;
    });
  }
  return pieces;
}

/** Working pieces from `fromMs` on, for as long as the caller pulls; warnings for every day planned. */
function* piecesFrom(index: CalendarIndex, fromMs: number, exclusions: readonly Span[], warnings: WarningCollector): Generator<Piece> {
  let idleDays = 0;
  for (let dn = dayNumberAt(index, fromMs); ; dn++) {
    const plan = planDay(index, dn);
    warnings.addAll(plan.warnings);
    if (plan.periods.length === 0) {
      if (++idleDays > MAX_DAYS_WITHOUT_WORK) {
        throw new BusinessTimeError(
          'no-working-time',
          `calendar ${index.calendar.id}@${index.calendar.version} has no working time in the ${MAX_DAYS_WITHOUT_WORK} days up to ${plan.date}`,
        );
      }
      continue;
    }
    idleDays = 0;
    for (const p of plan.periods) {
      if (p.end <= fromMs) continue;
      const start = Math.max(p.start, fromMs);
      // Most walks exclude nothing (running clocks): no need to split the period.
      if (exclusions.length === 0) yield { start, end: p.end, plan };
      else for (const piece of withoutExclusions({ start, end: p.end }, exclusions)) yield { start: piece.start, end: piece.end, plan };
    }
  }
}

/** Working pieces inside [fromMs, toMs); plans only the days that range touches. */
function piecesBetween(index: CalendarIndex, fromMs: number, toMs: number, exclusions: readonly Span[], warnings: WarningCollector): Span[] {
  const out: Span[] = [];
  if (toMs <= fromMs) return out;
  const lastDay = dayNumberAt(index, toMs - 1);
  for (let dn = dayNumberAt(index, fromMs); dn <= lastDay; dn++) {
    const plan = planDay(index, dn);
    warnings.addAll(plan.warnings);
    for (const p of plan.periods) {
      const start = Math.max(p.start, fromMs);
      const end = Math.min(p.end, toMs);
      if (end <= start) continue;
      if (exclusions.length === 0) out.push({ start, end });
      else out.push(...withoutExclusions({ start, end }, exclusions));
    }
  }
  return out;
}

function firstPiece(pieces: Generator<Piece>): Piece {
  const first = pieces.next();
  // piecesFrom never ends: it yields or throws.
  if (first.done) throw new BusinessTimeError('no-working-time', 'no working time ahead');
  return first.value;
}

function durationToParts(duration: BusinessDuration): { ms: number } | { days: number } {
  const keys = Object.keys(duration);
  const value = (duration as Record<string, unknown>)[keys[0] ?? ''];
  if (keys.length !== 1 || typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new BusinessTimeError('invalid-duration', `expected exactly one of {minutes}, {hours} or {days} with a finite, non-negative number; got ${JSON.stringify(duration)}`);
  }
  if ('days' in duration) {
    if (!Number.isInteger(duration.days)) throw new BusinessTimeError('invalid-duration', `working days must be a whole number; got ${duration.days}`);
    return { days: duration.days };
  }
  const minutes = 'minutes' in duration ? duration.minutes : duration.hours * 60;
  return { ms: Math.round(minutes * MS_PER_MINUTE) };
}

/** Business time elapsed in the working day `plan` before `instantMs`. */
function positionInDay(plan: DayPlan, instantMs: number): number {
  let elapsed = 0;
  for (const p of plan.periods) if (p.start < instantMs) elapsed += Math.min(p.end, instantMs) - p.start;
  return elapsed;
}

/** Earliest instant of `plan` with `position` business time elapsed, clamped to the day's end. */
function instantAtPosition(plan: DayPlan, position: number): number {
  let left = position;
  for (const p of plan.periods) {
    if (left <= p.end - p.start) return p.start + left;
    left -= p.end - p.start;
  }
  return endOfDay(plan);
}

function endOfDay(plan: DayPlan): number {
  return plan.periods[plan.periods.length - 1]!.end;
}

/** The working days after `plan`, in order (guarded against calendars without work ahead). */
function* workingDaysAfter(index: CalendarIndex, plan: DayPlan, warnings: WarningCollector): Generator<DayPlan> {
  let idleDays = 0;
  for (let dn = plan.dayNumber + 1; ; dn++) {
    const next = planDay(index, dn);
    warnings.addAll(next.warnings);
    if (next.periods.length > 0) {
      idleDays = 0;
      yield next;
    } else if (++idleDays > MAX_DAYS_WITHOUT_WORK) {
      throw new BusinessTimeError('no-working-time', `calendar ${index.calendar.id}@${index.calendar.version} has no working time in the ${MAX_DAYS_WITHOUT_WORK} days up to ${next.date}`);
    }
  }
}

function addWorkingDays(index: CalendarIndex, start: Piece, days: number, mode: WorkingDayMode, warnings: WarningCollector): number {
  if (days === 0) return mode === 'end-of-day' ? endOfDay(start.plan) : start.start;
  const position = positionInDay(start.plan, start.start);
  // At position 0 the day has not begun: n days end with the (n-1)th day after it, not the nth morning.
  const daysToWalk = position === 0 ? days - 1 : days;
  let day = start.plan;
  if (daysToWalk > 0) {
    let walked = 0;
    for (const next of workingDaysAfter(index, start.plan, warnings)) {
      day = next;
      if (++walked === daysToWalk) break;
    }
  }
  if (mode === 'end-of-day' || position === 0) return endOfDay(day);
  return instantAtPosition(day, position);
}

/**
 * Adds business time to `instant`. Minutes and hours consume working time (minus `exclude`);
 * `{days: n}` moves n working days (see `WorkingDayMode`). Result and `start` are always
 * working instants or period ends.
 */
export function addBusinessTime(calendar: BusinessCalendar, instant: Date, duration: BusinessDuration, options?: AddBusinessTimeOptions): AddBusinessTimeResult {
  const index = calendarIndex(calendar, options);
  const fromMs = checkedInstant(instant);
  const parts = durationToParts(duration);
  const exclusions = normaliseExclusions(options?.exclude);
  const warnings = new WarningCollector();
  const pieces = piecesFrom(index, fromMs, exclusions, warnings);
  const first = firstPiece(pieces);
  const result = (instantMs: number): AddBusinessTimeResult =>
    Object.freeze({ instant: new Date(instantMs), start: new Date(first.start), warnings: warnings.list() });

  if ('days' in parts) {
    if (exclusions.length > 0) {
      throw new BusinessTimeError('unsupported', 'excluded (paused) segments apply to minutes and hours, not working days; convert the remaining budget to minutes');
    }
    return result(addWorkingDays(index, first, parts.days, options?.workingDays ?? 'same-position', warnings));
  }

  let left = parts.ms;
  for (let piece: Piece = first; ; ) {
    const length = piece.end - piece.start;
    if (left <= length) return result(piece.start + left);
    left -= length;
    const next = pieces.next();
    if (next.done) throw new BusinessTimeError('no-working-time', 'no working time ahead');
    piece = next.value;
  }
}

/** Business time between `a` and `b` (minus `exclude`); negative when `b` is before `a`. */
export function businessTimeBetween(calendar: BusinessCalendar, a: Date, b: Date, options?: BusinessTimeOptions): BusinessTimeSpan {
  const index = calendarIndex(calendar, options);
  const aMs = checkedInstant(a);
  const bMs = checkedInstant(b);
  const warnings = new WarningCollector();
  const sign = bMs < aMs ? -1 : 1;
  const pieces = piecesBetween(index, Math.min(aMs, bMs), Math.max(aMs, bMs), normaliseExclusions(options?.exclude), warnings);
  const milliseconds = sign * pieces.reduce((sum, p) => sum + (p.end - p.start), 0);
  return Object.freeze({
    milliseconds: milliseconds === 0 ? 0 : milliseconds,
    minutes: milliseconds / MS_PER_MINUTE || 0,
    hours: milliseconds / (60 * MS_PER_MINUTE) || 0,
    warnings: warnings.list(),
  });
}

/** Whole working days from `a` to `b`: the inverse of `addBusinessTime(a, {days})` (same-position). */
export function workingDaysBetween(calendar: BusinessCalendar, a: Date, b: Date, options?: CalendarOptions): WorkingDaysResult {
  const aMs = checkedInstant(a);
  const bMs = checkedInstant(b);
  if (bMs < aMs) {
    const reverse = workingDaysBetween(calendar, b, a, options);
    return Object.freeze({ days: reverse.days === 0 ? 0 : -reverse.days, warnings: reverse.warnings });
  }
  const index = calendarIndex(calendar, options);
  const warnings = new WarningCollector();
  const start = firstPiece(piecesFrom(index, aMs, [], warnings));
  let days = 0;
  if (start.start <= bMs) {
    const position = positionInDay(start.plan, start.start);
    const lastDay = dayNumberAt(index, bMs);
    // At position 0, n days are reached at the end of day n-1 (counting the start day as 0).
    if (position === 0 && endOfDay(start.plan) <= bMs) days = 1;
    if (position > 0 || days === 1) {
      for (let dn = start.plan.dayNumber + 1; dn <= lastDay; dn++) {
        const plan = planDay(index, dn);
        warnings.addAll(plan.warnings);
        if (plan.periods.length === 0) continue;
        const reached = position === 0 ? endOfDay(plan) : instantAtPosition(plan, position);
        if (reached > bMs) break;
        days++;
      }
    }
  }
  return Object.freeze({ days, warnings: warnings.list() });
}

/** The working periods inside [from, to), clipped to it and minus `exclude`. */
export function workingPeriods(calendar: BusinessCalendar, from: Date, to: Date, options?: BusinessTimeOptions): WorkingPeriodsResult {
  const index = calendarIndex(calendar, options);
  const warnings = new WarningCollector();
  const spans = piecesBetween(index, checkedInstant(from), checkedInstant(to), normaliseExclusions(options?.exclude), warnings);
  // Pieces of one period split only by exclusions stay separate; adjacent periods never touch.
  return Object.freeze({
    periods: Object.freeze(spans.map((s) => Object.freeze({ start: new Date(s.start), end: new Date(s.end) }))),
    warnings: warnings.list(),
  });
}

/** The first working instant at or after `instant` (itself if it is working, else the next period's start). */
export function nextWorkingInstant(calendar: BusinessCalendar, instant: Date, options?: BusinessTimeOptions): BusinessInstantResult {
  const index = calendarIndex(calendar, options);
  const warnings = new WarningCollector();
  const first = firstPiece(piecesFrom(index, checkedInstant(instant), normaliseExclusions(options?.exclude), warnings));
  return Object.freeze({ instant: new Date(first.start), warnings: warnings.list() });
}

/** Whether `instant` lies inside a working period (holidays, closures and hours applied). */
export function isWorkingInstant(calendar: BusinessCalendar, instant: Date, options?: CalendarOptions): boolean {
  const index = calendarIndex(calendar, options);
  const ms = checkedInstant(instant);
  return planDay(index, dayNumberAt(index, ms)).periods.some((p) => p.start <= ms && ms < p.end);
}
