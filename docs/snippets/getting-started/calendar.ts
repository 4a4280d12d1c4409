// The information unit's own working time. Every working-day deadline (quote validity, payment
// window, SLA targets) is computed on it, in Asia/Tehran.
import { defineBusinessCalendar, iranGovernmentCalendar, solarDateOf } from '@statdesk/core';

// Lunar holidays move and are fixed by moon sighting, so they are data, entered per Solar Hijri
// year. Load this year's and next year's: here the ones statdesk ships (replace them with the
// Calendar Council's published list, confirmed). A year with no entry is reported by the desk's
// worker as `holidays-not-loaded`, at start and once that year is less than 60 days away.
const thisYear = Number(solarDateOf(iranGovernmentCalendar, new Date()).slice(0, 4));
const published = iranGovernmentCalendar.holidays;
const holidays = Object.fromEntries([thisYear, thisYear + 1].flatMap((year) => (published[year] ? [[String(year), [...published[year]]]] : [])));

export const calendar = defineBusinessCalendar({
  id: 'sci-information-unit',
  version: '1405.1',                          // bump on every edit; running cases keep theirs
  // Saturday–Wednesday (the default days) with a lunch break, and a half-day Thursday.
  schedules: [{ hours: ['07:30-12:00', '12:30-14:30'], byWeekday: { thursday: ['08:00-12:00'] } }],
  solarHolidays: true,                        // the ten solar holidays, every year
  holidays,
  closures: [{ date: '1404-09-10', reason: { fa: 'آلودگی هوا', en: 'air pollution' } }],
});
