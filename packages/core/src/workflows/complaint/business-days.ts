/** Deadline arithmetic on ISO instants through the business calendar. */
import { addBusinessTime, businessTimeBetween } from '../../calendar/business-time';
import type { BusinessCalendar } from '../../calendar/calendar.schema';

/** A deadline and the instant it was armed from (the timer's delay is the difference). */
export interface Deadline {
  /** When the deadline was armed (ISO instant). */
  from: string;
  /** When it falls due (ISO instant). */
  due: string;
}

/** The deadline `days` working days after `from` on the calendar. */
export function workingDaysAfter(calendar: BusinessCalendar, from: string, days: number): Deadline {
  return { from, due: addBusinessTime(calendar, new Date(from), { days }).instant.toISOString() };
}

/** `ms` of business time after `from`; none left means due now. */
export function businessTimeAfter(calendar: BusinessCalendar, from: string, ms: number): Deadline {
  if (ms <= 0) return { from, due: from };
  return { from, due: addBusinessTime(calendar, new Date(from), { minutes: ms / 60_000 }).instant.toISOString() };
}

/** Business time left from `at` until `due` (zero when already past). */
export function businessTimeLeft(calendar: BusinessCalendar, at: string, due: string): number {
  return Math.max(0, businessTimeBetween(calendar, new Date(at), new Date(due)).milliseconds);
}

/** The timer delay of a deadline in milliseconds (0 when none or already due). */
export function delayOf(deadline: Deadline | null | undefined): number {
  if (!deadline) return 0;
  return Math.max(0, Date.parse(deadline.due) - Date.parse(deadline.from));
}
