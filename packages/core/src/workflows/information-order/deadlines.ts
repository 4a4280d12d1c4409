import { addBusinessTime } from '../../calendar/business-time';
import type { BusinessCalendar } from '../../calendar/calendar.schema';

/** The end of the n-th working day after `from` (Asia/Tehran business calendar). */
export function endOfWorkingDays(calendar: BusinessCalendar, from: Date, days: number): Date {
  if (days === 0) return from;
  return addBusinessTime(calendar, from, { days }, { workingDays: 'end-of-day' }).instant;
}

export const DAY_MS = 24 * 60 * 60 * 1000;
