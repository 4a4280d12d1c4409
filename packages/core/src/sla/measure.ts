/**
 * Measuring a clock's running stretches in business time (through the calendar) or wall time,
 * and finding the instant a given amount of clock time is reached.
 */
import { addBusinessTime, businessTimeBetween, type BusinessTimeOptions } from '../calendar/business-time';
import type { BusinessCalendar } from '../calendar/calendar.schema';
import type { CalendarWarning } from '../calendar/warnings';
import { WarningCollector } from '../calendar/warnings';
import type { ClockSpan } from './replay';

const MINUTE = 60_000;

export class ClockMeter {
  readonly warnings = new WarningCollector();

  constructor(
    readonly calendar: BusinessCalendar | undefined,
    private readonly options: BusinessTimeOptions,
  ) {}

  /** Business time in [a, b); requires a calendar. */
  business(a: number, b: number): number {
    if (b <= a) return 0;
    const span = businessTimeBetween(this.required(), new Date(a), new Date(b), this.options);
    this.warnings.addAll(span.warnings);
    return span.milliseconds;
  }

  /** Business time, or null without a calendar. */
  businessOrNull(a: number, b: number): number | null {
    return this.calendar ? this.business(a, b) : null;
  }

  /** The earliest instant at which `ms` of business time after `from` is used up. */
  addBusiness(from: number, ms: number): number {
    const result = addBusinessTime(this.required(), new Date(from), { minutes: ms / MINUTE }, this.options);
    this.warnings.addAll(result.warnings);
    return result.instant.getTime();
  }

  /** Business time from `from` to n working days later (the working-day rule of the calendar). */
  workingDays(from: number, days: number, mode: 'same-position' | 'end-of-day'): number {
    const calendar = this.required();
    const result = addBusinessTime(calendar, new Date(from), { days }, { ...this.options, workingDays: mode });
    this.warnings.addAll(result.warnings);
    return this.business(from, result.instant.getTime());
  }

  /** Length of [a, b) in the clock's measure. */
  length(kind: 'business' | 'wall', a: number, b: number): number {
    return kind === 'wall' ? Math.max(0, b - a) : this.business(a, b);
  }

  /** Clock time spent in `spans` up to `until` (open spans end there). */
  spent(kind: 'business' | 'wall', spans: readonly ClockSpan[], until: number): number {
    let total = 0;
    for (const s of spans) total += this.length(kind, s.start, Math.min(s.end ?? until, until));
    return total;
  }

  /**
   * The instant at which the clock has spent `amount` across `spans`; an open last span runs on
   * without end. Null when the spans end (clock paused or stopped) before reaching it.
   */
  instantAt(kind: 'business' | 'wall', spans: readonly ClockSpan[], amount: number): number | null {
    let left = amount;
    for (const s of spans) {
      if (s.end !== null) {
        const length = this.length(kind, s.start, s.end);
        if (length < left) {
          left -= length;
          continue;
        }
      }
      return kind === 'wall' ? s.start + left : this.addBusiness(s.start, left);
    }
    return null;
  }

  /** Running time after `from` up to `until` in wall and business measure (an overrun). */
  after(spans: readonly ClockSpan[], from: number, until: number): { wallMs: number; businessMs: number | null } {
    let wallMs = 0;
    let businessMs: number | null = this.calendar ? 0 : null;
    for (const s of spans) {
      const a = Math.max(s.start, from);
      const b = Math.min(s.end ?? until, until);
      if (b <= a) continue;
      wallMs += b - a;
      if (businessMs !== null) businessMs += this.business(a, b);
    }
    return { wallMs, businessMs };
  }

  calendarWarnings(): readonly CalendarWarning[] {
    return this.warnings.list();
  }

  private required(): BusinessCalendar {
    if (!this.calendar) throw new TypeError('a business-time SLA target needs a calendar');
    return this.calendar;
  }
}
