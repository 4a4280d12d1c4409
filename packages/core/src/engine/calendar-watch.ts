/**
 * Watches the desk's business calendars for a Solar Hijri year without holidays: at the worker's
 * start and on each cycle, any year from today to 60 days ahead that has no holidays entered is
 * logged once (`holidays-not-loaded`), while there is still time to enter its lunar holidays.
 */
import { resolveDay } from '../calendar/calendar';
import type { BusinessCalendar } from '../calendar/calendar.schema';
import type { Logger } from './desk';

/** How far ahead a year without holidays is reported. */
export const HOLIDAY_LOOKAHEAD_DAYS = 60;
const DAY_MS = 86_400_000;

/** Logs each calendar's missing holiday years once per process, through the desk's logger. */
export class CalendarWatch {
  private readonly logged = new Set<string>();
  private checkedDay = -1;

  constructor(
    private readonly calendars: readonly BusinessCalendar[],
    private readonly logger: Logger,
  ) {}

  /** Checks today and the day 60 days ahead (a window shorter than a year spans at most two years). */
  check(now: Date): void {
    const day = Math.floor(now.getTime() / DAY_MS);
    if (day === this.checkedDay) return;
    this.checkedDay = day;
    for (const calendar of this.calendars) {
      for (const at of [now, new Date(now.getTime() + HOLIDAY_LOOKAHEAD_DAYS * DAY_MS)]) {
        for (const warning of resolveDay(calendar, at).warnings) {
          if (warning.kind !== 'holidays-not-loaded') continue;
          const key = `${calendar.id}@${calendar.version}:${warning.year}`;
          if (this.logged.has(key)) continue;
          this.logged.add(key);
          this.logger.warn('statdesk: calendar warning', { kind: warning.kind, calendar: `${calendar.id}@${calendar.version}`, year: warning.year, message: warning.message });
        }
      }
    }
  }
}

/** The calendars given to the desk and those bound to its workflows' SLA, each once. */
export function deskCalendars(given: readonly BusinessCalendar[] | undefined, workflows: readonly object[]): BusinessCalendar[] {
  const found = new Map<string, BusinessCalendar>();
  const bound = workflows.map((w) => (w as { sla?: { calendar?: BusinessCalendar } }).sla?.calendar);
  for (const calendar of [...(given ?? []), ...bound]) if (calendar) found.set(`${calendar.id}@${calendar.version}`, calendar);
  return [...found.values()];
}
