import { describe, expect, it } from 'vitest';
import { BusinessTimeError, defineBusinessCalendar, resolveDay, solarDateOf, solarHolidaysOfYear } from '../../src/calendar';
import { office, OFFICE_INPUT, officeWithThursday, t } from './fixtures';

describe('solar holidays', () => {
  it('generates the ten fixed holidays for any year', () => {
    expect(solarHolidaysOfYear(1410).map((h) => h.date)).toEqual([
      '1410-01-01', '1410-01-02', '1410-01-03', '1410-01-04', '1410-01-12', '1410-01-13',
      '1410-03-14', '1410-03-15', '1410-11-22', '1410-12-29',
    ]);
  });

  it('closes Nowruz (1–4 Farvardin) and 12–13 Farvardin even when they fall on working weekdays', () => {
    // 1404-01-02 = 2025-03-22 (Sat) … 1404-01-04 = 2025-03-24 (Mon); 1404-01-12/13 = Tue/Wed.
    for (const date of ['1404-01-02', '1404-01-03', '1404-01-04', '1404-01-12', '1404-01-13']) {
      const day = resolveDay(office, date);
      expect(['saturday', 'sunday', 'monday', 'tuesday', 'wednesday']).toContain(day.weekday);
      expect(day.isWorkingDay, date).toBe(false);
      expect(day.holidays[0]!.source).toBe('solar');
    }
    expect(resolveDay(office, '1404-01-05')).toMatchObject({ gregorian: '2025-03-25', weekday: 'tuesday', isWorkingDay: true });
    expect(resolveDay(office, '1404-01-12').holidays[0]!.name.en).toBe('Islamic Republic Day');
  });

  it('can be switched off', () => {
    const noSolar = defineBusinessCalendar({ ...OFFICE_INPUT, solarHolidays: false });
    expect(resolveDay(noSolar, '1404-01-12').isWorkingDay).toBe(true);
  });
});

describe('resolveDay', () => {
  it('gives the working periods of a day with a lunch break as Tehran instants', () => {
    const day = resolveDay(office, '1404-07-09');
    expect(day).toMatchObject({ gregorian: '2025-10-01', weekday: 'wednesday', isWorkingDay: true, holidaysLoaded: true, warnings: [] });
    expect(day.hours).toEqual([{ start: '08:00', end: '12:00' }, { start: '13:00', end: '16:00' }]);
    expect(day.periods).toEqual([
      { start: t('2025-10-01T08:00+03:30'), end: t('2025-10-01T12:00+03:30') },
      { start: t('2025-10-01T13:00+03:30'), end: t('2025-10-01T16:00+03:30') },
    ]);
  });

  it('resolves an instant to its Tehran day, not its UTC day', () => {
    // 2025-10-03T22:30Z is Friday in UTC but Saturday 02:00 in Tehran (1404-07-12).
    expect(solarDateOf(office, new Date('2025-10-03T22:30:00Z'))).toBe('1404-07-12');
    expect(resolveDay(office, new Date('2025-10-03T22:30:00Z')).weekday).toBe('saturday');
  });

  it('Thursday is off by default and a half day when configured', () => {
    expect(resolveDay(office, '1404-07-10').isWorkingDay).toBe(false);
    expect(resolveDay(officeWithThursday, '1404-07-10').hours).toEqual([{ start: '08:00', end: '12:00' }]);
    expect(resolveDay(officeWithThursday, '1404-07-11').isWorkingDay).toBe(false); // Friday
  });

  it('switches schedules on their effective Solar Hijri date', () => {
    const cal = defineBusinessCalendar({
      ...OFFICE_INPUT,
      schedules: [{ hours: ['08:00-16:00'] }, { effectiveFrom: '1404-08-01', hours: ['07:00-14:00'], byWeekday: { thursday: ['08:00-12:00'] } }],
    });
    expect(resolveDay(cal, '1404-07-29').hours).toEqual([{ start: '08:00', end: '16:00' }]); // Tue before
    expect(resolveDay(cal, '1404-07-17').isWorkingDay).toBe(false); // Thursday before
    expect(resolveDay(cal, '1404-08-01').hours).toEqual([{ start: '08:00', end: '12:00' }]); // Thursday, new schedule
    expect(resolveDay(cal, '1404-08-04').hours).toEqual([{ start: '07:00', end: '14:00' }]); // Sunday after
  });

  it('a shortened day replaces the weekday hours', () => {
    const cal = defineBusinessCalendar({ ...OFFICE_INPUT, shortenedDays: [{ date: '1404-07-15', hours: ['08:00-11:00'], reason: { en: 'staff day' } }] });
    const day = resolveDay(cal, '1404-07-15');
    expect(day.hours).toEqual([{ start: '08:00', end: '11:00' }]);
    expect(day.shortenedDay?.reason?.en).toBe('staff day');
    expect(resolveDay(cal, '1404-07-16').hours).toHaveLength(2);
  });

  it('closures cut whole days (with a through date) or time ranges', () => {
    const cal = defineBusinessCalendar({
      ...OFFICE_INPUT,
      closures: [
        { date: '1404-07-13', through: '1404-07-14', reason: { fa: 'آلودگی هوا', en: 'air pollution' } },
        { date: '1404-07-15', hours: ['10:00-14:00'] },
      ],
    });
    expect(resolveDay(cal, '1404-07-13').isWorkingDay).toBe(false);
    expect(resolveDay(cal, '1404-07-14').closures[0]!.reason?.en).toBe('air pollution');
    expect(resolveDay(cal, '1404-07-14').isWorkingDay).toBe(false);
    expect(resolveDay(cal, '1404-07-15').hours).toEqual([{ start: '08:00', end: '10:00' }, { start: '14:00', end: '16:00' }]);
  });

  it('applies province overrides only when the province is asked for', () => {
    const cal = defineBusinessCalendar({
      ...OFFICE_INPUT,
      provinces: {
        khuzestan: { schedules: [{ hours: ['06:00-13:00'] }], closures: [{ date: '1404-07-15' }] },
        fars: { holidays: [{ date: '1404-07-14', name: { fa: 'تعطیل استانی', en: 'Provincial holiday' }, confirmed: true }] },
      },
    });
    expect(resolveDay(cal, '1404-07-14').isWorkingDay).toBe(true);
    expect(resolveDay(cal, '1404-07-14', { province: 'fars' })).toMatchObject({ isWorkingDay: false, holidays: [{ source: 'province' }] });
    expect(resolveDay(cal, '1404-07-14', { province: 'khuzestan' }).hours).toEqual([{ start: '06:00', end: '13:00' }]);
    expect(resolveDay(cal, '1404-07-15', { province: 'khuzestan' }).isWorkingDay).toBe(false);
    expect(resolveDay(cal, '1404-07-15', { province: 'fars' }).isWorkingDay).toBe(true);
    expect(() => resolveDay(cal, '1404-07-15', { province: 'tehran' })).toThrow(expect.objectContaining({ code: 'unknown-province' }));
    expect(() => resolveDay(cal, '1404-07-15', { province: 'tehran' })).toThrow(BusinessTimeError);
  });

  it('a holiday wins over a shortened day on the same date', () => {
    const cal = defineBusinessCalendar({ ...OFFICE_INPUT, shortenedDays: [{ date: '1404-11-22', hours: ['08:00-10:00'] }] });
    expect(resolveDay(cal, '1404-11-22').isWorkingDay).toBe(false);
  });

  it('reports whether the day’s year has holidays loaded', () => {
    expect(resolveDay(office, '1406-07-01')).toMatchObject({ holidaysLoaded: false, warnings: [{ kind: 'holidays-not-loaded', year: 1406 }] });
  });
});
