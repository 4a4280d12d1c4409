/**
 * Shared test calendars. Instants in tests are written as ISO strings with an explicit offset
 * (`t('2025-10-01T14:00+03:30')`) so expectations do not depend on the code under test.
 *
 * Date facts used across the tests (jalaali-js conversions done by hand, weekdays from the
 * Gregorian calendar):
 *   1403-12-28 = 2025-03-18 Tue     1403-12-29 = 2025-03-19 Wed (oil nationalisation)
 *   1403-12-30 = 2025-03-20 Thu     1404-01-01 = 2025-03-21 Fri (Nowruz)
 *   1404-01-05 = 2025-03-25 Tue     1404-01-11 = 2025-03-31 Mon
 *   1404-01-12 = 2025-04-01 Tue     1404-01-16 = 2025-04-05 Sat
 *   1404-07-09 = 2025-10-01 Wed     1404-07-10 = 2025-10-02 Thu
 *   1404-07-12 = 2025-10-04 Sat     1404-07-13 = 2025-10-05 Sun     1404-07-14 = 2025-10-06 Mon
 *   1404-08-01 = 2025-10-23 Thu     1400-06-30 = 2021-09-21 Tue (last day of +04:30)
 *   Asia/Tehran: +03:30 since 2023; before that +04:30 from ~1 Farvardin to 30 Shahrivar.
 */
import { defineBusinessCalendar, type BusinessCalendarInput } from '../../src/calendar';

export const t = (iso: string): Date => {
  const d = new Date(iso.length === 22 ? iso.replace(/(\d\d:\d\d)([+-])/, '$1:00$2') : iso);
  if (Number.isNaN(d.getTime())) throw new Error(`bad test instant ${iso}`);
  return d;
};

/** Lunar holidays "loaded" but empty, so solar rules alone decide and no warnings are expected. */
export const LOADED_YEARS = { '1400': [], '1401': [], '1402': [], '1403': [], '1404': [], '1405': [] };

/** Saturday–Wednesday 08:00–12:00 and 13:00–16:00 (7 working hours), Thursday off. */
export const OFFICE_INPUT = {
  id: 'test-office',
  version: '1',
  schedules: [{ hours: ['08:00-12:00', '13:00-16:00'] }],
  holidays: LOADED_YEARS,
} satisfies BusinessCalendarInput;

export const office = defineBusinessCalendar(OFFICE_INPUT);

/** The same office with a Thursday half day 08:00–12:00. */
export const officeWithThursday = defineBusinessCalendar({
  ...OFFICE_INPUT,
  id: 'test-office-thursday',
  schedules: [{ hours: ['08:00-12:00', '13:00-16:00'], byWeekday: { thursday: ['08:00-12:00'] } }],
});
