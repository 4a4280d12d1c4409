import { describe, expect, it } from 'vitest';
import {
  addBusinessTime,
  businessTimeBetween,
  defineBusinessCalendar,
  isWorkingInstant,
  iranGovernmentCalendar,
  nextWorkingInstant,
  workingDaysBetween,
  workingPeriods,
} from '../../src/calendar';
import { office, OFFICE_INPUT, officeWithThursday, t } from './fixtures';

// The office works Sat–Wed 08:00–12:00 and 13:00–16:00 (7 h); see fixtures.ts for date facts.

describe('addBusinessTime with minutes and hours', () => {
  it('skips the lunch break', () => {
    // Wed 1404-07-09 11:30 + 60 min = 30 min before lunch + 30 min after = 13:30.
    expect(addBusinessTime(office, t('2025-10-01T11:30+03:30'), { minutes: 60 }).instant).toEqual(t('2025-10-01T13:30+03:30'));
    // Exactly used up at 12:00: the result is the period end, not 13:00.
    expect(addBusinessTime(office, t('2025-10-01T11:00+03:30'), { minutes: 60 }).instant).toEqual(t('2025-10-01T12:00+03:30'));
    expect(businessTimeBetween(office, t('2025-10-01T11:00+03:30'), t('2025-10-01T14:00+03:30')).minutes).toBe(120);
  });

  it('work filed at 23:00 Tehran time counts from the next morning', () => {
    // Tue 1404-07-08 23:00 → Wed 08:00 + 30 min.
    const r = addBusinessTime(office, t('2025-09-30T23:00+03:30'), { minutes: 30 });
    expect(r.start).toEqual(t('2025-10-01T08:00+03:30'));
    expect(r.instant).toEqual(t('2025-10-01T08:30+03:30'));
    // Wed 23:00 → Thursday and Friday off → Sat 1404-07-12 08:00.
    expect(addBusinessTime(office, t('2025-10-01T23:00+03:30'), { hours: 1 }).instant).toEqual(t('2025-10-04T09:00+03:30'));
  });

  it('skips Nowruz (with 29–30 Esfand before it)', () => {
    // Tue 1403-12-28 15:00 + 2 h: 1 h on Tuesday; Wed 29 Esfand is a holiday, Thu/Fri off,
    // 1–4 Farvardin (Fri–Mon) holidays; Tue 1404-01-05 08:00 + 1 h.
    expect(addBusinessTime(office, t('2025-03-18T15:00+03:30'), { hours: 2 }).instant).toEqual(t('2025-03-25T09:00+03:30'));
  });

  it('skips 12 and 13 Farvardin', () => {
    // Mon 1404-01-11 15:00 + 2 h → 12 (Tue) and 13 (Wed) are holidays → Sat 1404-01-16 09:00.
    expect(addBusinessTime(office, t('2025-03-31T15:00+03:30'), { hours: 2 }).instant).toEqual(t('2025-04-05T09:00+03:30'));
  });

  it('honours a shortened day and a one-off closure', () => {
    const cal = defineBusinessCalendar({
      ...OFFICE_INPUT,
      shortenedDays: [{ date: '1404-07-15', hours: ['08:00-12:00'] }],
      closures: [{ date: '1404-07-14' }],
    });
    // Sun 1404-07-13 15:00 + 3 h: 1 h Sunday; Monday closed; Tue (short, ends 12:00) 08:00 + 2 h.
    expect(addBusinessTime(cal, t('2025-10-05T15:00+03:30'), { hours: 3 }).instant).toEqual(t('2025-10-07T10:00+03:30'));
    // Tue has 4 h, so + 6 h lands on Wed 10:00.
    expect(addBusinessTime(cal, t('2025-10-05T15:00+03:30'), { hours: 7 }).instant).toEqual(t('2025-10-08T10:00+03:30'));
    expect(businessTimeBetween(cal, t('2025-10-06T00:00+03:30'), t('2025-10-08T00:00+03:30')).hours).toBe(4);
  });

  it('uses the province override when asked', () => {
    const cal = defineBusinessCalendar({
      ...OFFICE_INPUT,
      provinces: { fars: { holidays: [{ date: '1404-07-14', name: { fa: 'تعطیل استانی', en: 'Provincial holiday' }, confirmed: true }] } },
    });
    const from = t('2025-10-05T15:00+03:30'); // Sun 15:00
    expect(addBusinessTime(cal, from, { hours: 2 }).instant).toEqual(t('2025-10-06T09:00+03:30'));
    expect(addBusinessTime(cal, from, { hours: 2 }, { province: 'fars' }).instant).toEqual(t('2025-10-07T09:00+03:30'));
  });

  it('handles the pre-2023 +04:30 summer offset through the IANA zone', () => {
    // Tue 1400-04-01 = 2021-06-22; 08:00 Tehran was 03:30Z then (it would be 04:30Z at +03:30).
    expect(nextWorkingInstant(office, new Date('2021-06-22T00:00:00Z')).instant).toEqual(new Date('2021-06-22T03:30:00Z'));
    // Tue 1400-06-30 → Wed 1400-06-31 crosses the fall-back night: 25 wall hours, 7 business hours.
    const a = new Date('2021-09-21T03:30:00Z'); // Tue 08:00 +04:30
    const b = new Date('2021-09-22T04:30:00Z'); // Wed 08:00 +03:30
    expect(businessTimeBetween(office, a, b).hours).toBe(7);
    expect(addBusinessTime(office, a, { hours: 7 }).instant).toEqual(new Date('2021-09-21T11:30:00Z')); // Tue 16:00 +04:30
    expect(addBusinessTime(office, a, { hours: 8 }).instant).toEqual(new Date('2021-09-22T05:30:00Z')); // Wed 09:00 +03:30
  });

  it('accepts fractional minutes and zero', () => {
    expect(addBusinessTime(office, t('2025-10-01T09:00+03:30'), { minutes: 0.5 }).instant).toEqual(t('2025-10-01T09:00:30+03:30'));
    // Zero from after hours is the next working instant, where a clock would start.
    expect(addBusinessTime(office, t('2025-10-01T20:00+03:30'), { minutes: 0 }).instant).toEqual(t('2025-10-04T08:00+03:30'));
  });

  it('rejects malformed durations', () => {
    const at = t('2025-10-01T09:00+03:30');
    for (const bad of [{ minutes: -1 }, { hours: Number.NaN }, { days: 1.5 }, {}, { minutes: 1, hours: 1 }]) {
      expect(() => addBusinessTime(office, at, bad as { minutes: number })).toThrow(expect.objectContaining({ code: 'invalid-duration' }));
    }
    expect(() => addBusinessTime(office, new Date(Number.NaN), { minutes: 1 })).toThrow(expect.objectContaining({ code: 'invalid-instant' }));
  });
});

describe('addBusinessTime with working days', () => {
  const wedAfternoon = t('2025-10-01T14:00+03:30'); // Wed 1404-07-09 14:00: 5 h into a 7 h day

  it('Wednesday afternoon + 2 working days with Thursday off lands on Sunday at the same position', () => {
    expect(addBusinessTime(office, wedAfternoon, { days: 2 }).instant).toEqual(t('2025-10-05T14:00+03:30')); // Sun
    expect(addBusinessTime(office, wedAfternoon, { days: 3 }).instant).toEqual(t('2025-10-06T14:00+03:30')); // Mon
    expect(addBusinessTime(office, wedAfternoon, { days: 2 }, { workingDays: 'end-of-day' }).instant).toEqual(t('2025-10-05T16:00+03:30'));
  });

  it('with a half-day Thursday, Thursday counts and its shorter day clamps the position', () => {
    // Thursday has only 4 h, so position 5 h is clamped to its end (12:00).
    expect(addBusinessTime(officeWithThursday, wedAfternoon, { days: 1 }).instant).toEqual(t('2025-10-02T12:00+03:30'));
    expect(addBusinessTime(officeWithThursday, wedAfternoon, { days: 2 }).instant).toEqual(t('2025-10-04T14:00+03:30')); // Sat
  });

  it('after-hours arrival: the first full working day counts as day one', () => {
    // Wed 17:00 → clock starts Sat 08:00; two full days are Saturday and Sunday → Sunday 16:00.
    const wedEvening = t('2025-10-01T17:00+03:30');
    expect(addBusinessTime(office, wedEvening, { days: 2 }).instant).toEqual(t('2025-10-05T16:00+03:30'));
    expect(addBusinessTime(office, wedEvening, { days: 2 }, { workingDays: 'end-of-day' }).instant).toEqual(t('2025-10-05T16:00+03:30'));
    // With a working Thursday: Thursday and Saturday.
    expect(addBusinessTime(officeWithThursday, wedEvening, { days: 2 }).instant).toEqual(t('2025-10-04T16:00+03:30'));
  });

  it('zero days is the start itself, or the end of that day', () => {
    expect(addBusinessTime(office, wedAfternoon, { days: 0 }).instant).toEqual(wedAfternoon);
    expect(addBusinessTime(office, wedAfternoon, { days: 0 }, { workingDays: 'end-of-day' }).instant).toEqual(t('2025-10-01T16:00+03:30'));
  });

  it('skips holidays when counting days (5 working days across Nowruz)', () => {
    // Tue 1403-12-28 10:00 + 5 days: Tue 1404-01-05, Wed 06, Sat 09, Sun 10, Mon 11 → Mon 1404-01-11 10:00.
    expect(addBusinessTime(office, t('2025-03-18T10:00+03:30'), { days: 5 }).instant).toEqual(t('2025-03-31T10:00+03:30'));
  });

  it('workingDaysBetween inverts day addition', () => {
    expect(workingDaysBetween(office, wedAfternoon, t('2025-10-05T14:00+03:30')).days).toBe(2);
    expect(workingDaysBetween(office, wedAfternoon, t('2025-10-05T13:59+03:30')).days).toBe(1);
    expect(workingDaysBetween(office, t('2025-10-05T14:00+03:30'), wedAfternoon).days).toBe(-2);
  });

  it('refuses paused segments with working days', () => {
    const exclude = [{ start: t('2025-10-04T08:00+03:30'), end: t('2025-10-04T10:00+03:30') }];
    expect(() => addBusinessTime(office, wedAfternoon, { days: 1 }, { exclude })).toThrow(expect.objectContaining({ code: 'unsupported' }));
  });
});

describe('businessTimeBetween, workingPeriods, paused segments', () => {
  it('counts a working week and is antisymmetric', () => {
    const sat = t('2025-10-04T00:00+03:30');
    const nextSat = t('2025-10-11T00:00+03:30');
    expect(businessTimeBetween(office, sat, nextSat).hours).toBe(35);
    expect(businessTimeBetween(office, nextSat, sat).hours).toBe(-35);
    expect(businessTimeBetween(office, sat, sat).minutes).toBe(0);
  });

  it('excludes paused segments, even when they straddle non-working time', () => {
    const exclude = [{ start: t('2025-10-04T11:00+03:30'), end: t('2025-10-04T14:00+03:30') }]; // 1 h + 1 h of work
    const a = t('2025-10-04T08:00+03:30');
    const b = t('2025-10-04T16:00+03:30');
    expect(businessTimeBetween(office, a, b, { exclude }).hours).toBe(5);
    expect(addBusinessTime(office, a, { hours: 5 }, { exclude }).instant).toEqual(b);
  });

  it('lists working periods clipped to the range', () => {
    const { periods, warnings } = workingPeriods(office, t('2025-10-01T10:00+03:30'), t('2025-10-04T09:00+03:30'));
    expect(periods).toEqual([
      { start: t('2025-10-01T10:00+03:30'), end: t('2025-10-01T12:00+03:30') },
      { start: t('2025-10-01T13:00+03:30'), end: t('2025-10-01T16:00+03:30') },
      { start: t('2025-10-04T08:00+03:30'), end: t('2025-10-04T09:00+03:30') },
    ]);
    expect(warnings).toEqual([]);
  });

  it('isWorkingInstant treats periods as [start, end)', () => {
    expect(isWorkingInstant(office, t('2025-10-01T08:00+03:30'))).toBe(true);
    expect(isWorkingInstant(office, t('2025-10-01T12:00+03:30'))).toBe(false);
    expect(isWorkingInstant(office, t('2025-10-01T11:59:59.999+03:30'))).toBe(true);
    expect(isWorkingInstant(office, t('2025-10-02T10:00+03:30'))).toBe(false); // Thursday
  });
});

describe('warnings and guards', () => {
  it('warns once when a computation runs into a year without holidays loaded', () => {
    // Sat 1405-12-25 (= 2027-03-16) + 40 h runs past Nowruz into 1406, which has no holidays entered.
    const r = addBusinessTime(office, t('2027-03-16T08:00+03:30'), { hours: 40 });
    expect(r.warnings).toEqual([expect.objectContaining({ kind: 'holidays-not-loaded', year: 1406 })]);
    // Staying inside 1405 produces none.
    expect(addBusinessTime(office, t('2027-03-16T08:00+03:30'), { hours: 2 }).warnings).toEqual([]);
    expect(businessTimeBetween(office, t('2027-03-16T08:00+03:30'), t('2027-04-16T08:00+03:30')).warnings).toHaveLength(1);
  });

  it('does not warn when the calendar says lunar holidays are not required', () => {
    const cal = defineBusinessCalendar({ ...OFFICE_INPUT, holidays: {}, requireHolidayYears: false });
    expect(addBusinessTime(cal, t('2027-03-16T08:00+03:30'), { hours: 40 }).warnings).toEqual([]);
  });

  it('warns when the result depends on an unconfirmed holiday', () => {
    // In the default calendar 1404-07 has no lunar holidays, 1404-09-03 (Fatima) is unconfirmed.
    const before = addBusinessTime(iranGovernmentCalendar, t('2025-11-22T07:30+03:30'), { hours: 21 }); // Sat 1404-09-01 07:30
    expect(before.warnings).toEqual([expect.objectContaining({ kind: 'unconfirmed-holiday', date: '1404-09-03' })]);
    // 1404-09-03 (Mon) is skipped: Sat 7 h, Sun 7 h, Tue 7 h (07:30–14:30).
    expect(before.instant).toEqual(t('2025-11-25T14:30+03:30'));
  });

  it('errors clearly instead of looping when no working time lies ahead', () => {
    const cal = defineBusinessCalendar({ ...OFFICE_INPUT, closures: [{ date: '1404-07-01', through: '1410-01-01' }] });
    expect(() => addBusinessTime(cal, t('2025-10-01T09:00+03:30'), { hours: 1 })).toThrow(expect.objectContaining({ code: 'no-working-time' }));
    expect(() => nextWorkingInstant(cal, t('2025-10-01T09:00+03:30'))).toThrow(/no working time/);
    // Bounded questions still answer.
    expect(businessTimeBetween(cal, t('2025-10-01T00:00+03:30'), t('2026-10-01T00:00+03:30')).minutes).toBe(0);
  });

  it('adds a year of business time by walking days, not minutes', () => {
    const start = t('2025-03-25T08:00+03:30');
    const began = performance.now();
    const r = addBusinessTime(office, start, { hours: 7 * 240 });
    const elapsed = performance.now() - began;
    expect(businessTimeBetween(office, start, r.instant).hours).toBe(7 * 240);
    expect(elapsed).toBeLessThan(1500);
  });
});
