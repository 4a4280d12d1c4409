// The information unit's own working time. Every working-day deadline (quote validity, payment
// window, SLA targets) is computed on it, in Asia/Tehran.
import { defineBusinessCalendar } from '@statdesk/core';

export const calendar = defineBusinessCalendar({
  id: 'sci-information-unit',
  version: '1404.1',                          // bump on every edit; running cases keep theirs
  // Saturday–Wednesday (the default days) with a lunch break, and a half-day Thursday.
  schedules: [{ hours: ['07:30-12:00', '12:30-14:30'], byWeekday: { thursday: ['08:00-12:00'] } }],
  solarHolidays: true,                        // the ten solar holidays, every year
  holidays: {
    // Lunar holidays move and are fixed by moon sighting: enter them per year as data.
    '1404': [{ date: '1404-01-11', gregorian: '2025-03-31', name: { fa: 'عید سعید فطر', en: 'Eid al-Fitr' }, confirmed: true }],
  },
  closures: [{ date: '1404-09-10', reason: { fa: 'آلودگی هوا', en: 'air pollution' } }],
});
