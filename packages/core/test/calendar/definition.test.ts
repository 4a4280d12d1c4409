import { describe, expect, it } from 'vitest';
import { CalendarDefinitionError, defineBusinessCalendar, iranGovernmentCalendar, type BusinessCalendarInput } from '../../src/calendar';
import { OFFICE_INPUT } from './fixtures';

function issuesOf(input: unknown): { path: string; message: string }[] {
  try {
    defineBusinessCalendar(input as BusinessCalendarInput);
  } catch (e) {
    expect(e).toBeInstanceOf(CalendarDefinitionError);
    return [...(e as CalendarDefinitionError).issues];
  }
  throw new Error('expected the calendar to be rejected');
}

describe('defineBusinessCalendar', () => {
  it('fills the documented defaults: Asia/Tehran, Saturday–Wednesday 08:00–16:00, solar holidays on', () => {
    const cal = defineBusinessCalendar({ id: 'x', version: '1' });
    expect(cal.timeZone).toBe('Asia/Tehran');
    expect(cal.schedules).toEqual([{ days: ['saturday', 'sunday', 'monday', 'tuesday', 'wednesday'], hours: [{ start: '08:00', end: '16:00' }], byWeekday: {} }]);
    expect(cal.solarHolidays).toBe(true);
    expect(cal.requireHolidayYears).toBe(true);
  });

  it('expands "HH:mm-HH:mm" shorthand and returns a deeply frozen value', () => {
    const cal = defineBusinessCalendar(OFFICE_INPUT);
    expect(cal.schedules[0]!.hours).toEqual([
      { start: '08:00', end: '12:00' },
      { start: '13:00', end: '16:00' },
    ]);
    expect(Object.isFrozen(cal)).toBe(true);
    expect(Object.isFrozen(cal.schedules[0]!.hours[0])).toBe(true);
    expect(() => (cal.schedules as unknown as unknown[]).push({})).toThrow(TypeError);
  });

  it('ships a default Iran calendar whose sample lunar holidays are all marked unconfirmed', () => {
    expect(Object.keys(iranGovernmentCalendar.holidays)).toEqual(['1404', '1405']);
    const all = Object.values(iranGovernmentCalendar.holidays).flat();
    expect(all.length).toBeGreaterThan(30);
    expect(all.every((h) => h.confirmed === false)).toBe(true);
  });

  it('rejects a Solar Hijri date that does not exist, naming the path (1404 is not leap: Esfand has 29 days)', () => {
    const issues = issuesOf({ ...OFFICE_INPUT, holidays: { '1404': [{ date: '1404-12-30', name: { fa: 'x', en: 'x' }, confirmed: true }] } });
    expect(issues).toHaveLength(1);
    expect(issues[0]!.path).toBe('holidays.1404.0.date');
    expect(issues[0]!.message).toMatch(/29 days/);
  });

  it('accepts 1403-12-30 (1403 is a leap year)', () => {
    expect(() => defineBusinessCalendar({ ...OFFICE_INPUT, closures: [{ date: '1403-12-30' }] })).not.toThrow();
  });

  it('rejects a holiday filed under the wrong year', () => {
    const issues = issuesOf({ ...OFFICE_INPUT, holidays: { '1404': [{ date: '1405-01-02', name: { fa: 'x', en: 'x' }, confirmed: true }] } });
    expect(issues.map((i) => i.path)).toEqual(['holidays.1404.0.date']);
  });

  it('cross-checks the optional Gregorian date (1404-01-11 is 2025-03-31, not 2025-03-30)', () => {
    const ok = { date: '1404-01-11', gregorian: '2025-03-31', name: { fa: 'عید فطر', en: 'Eid al-Fitr' }, confirmed: true };
    expect(() => defineBusinessCalendar({ ...OFFICE_INPUT, holidays: { '1404': [ok] } })).not.toThrow();
    const issues = issuesOf({ ...OFFICE_INPUT, holidays: { '1404': [{ ...ok, gregorian: '2025-03-30' }] } });
    expect(issues.map((i) => i.path)).toEqual(['holidays.1404.0.gregorian']);
  });

  it('rejects overlapping intervals and intervals that end before they start', () => {
    expect(issuesOf({ ...OFFICE_INPUT, schedules: [{ hours: ['08:00-12:00', '11:00-16:00'] }] }).map((i) => i.path)).toEqual(['schedules.0.hours.1']);
    expect(issuesOf({ ...OFFICE_INPUT, schedules: [{ hours: ['12:00-08:00'] }] }).map((i) => i.path)).toEqual(['schedules.0.hours.0']);
    expect(issuesOf({ ...OFFICE_INPUT, schedules: [{ hours: ['08:00-24:30'] }] })[0]!.path).toMatch(/^schedules\.0\.hours\.0/);
  });

  it('rejects unknown weekdays, unknown fields and unknown time zones by path', () => {
    expect(issuesOf({ ...OFFICE_INPUT, schedules: [{ days: ['friyay'] }] }).map((i) => i.path)).toEqual(['schedules.0.days.0']);
    expect(issuesOf({ ...OFFICE_INPUT, holdays: {} }).map((i) => i.path)).toEqual(['holdays']);
    expect(issuesOf({ ...OFFICE_INPUT, timeZone: 'Asia/Tehrann' }).map((i) => i.path)).toEqual(['timeZone']);
  });

  it('rejects schedules out of order, a later schedule without effectiveFrom, and a last schedule with no working time', () => {
    const out = issuesOf({ ...OFFICE_INPUT, schedules: [{ effectiveFrom: '1404-07-01' }, { effectiveFrom: '1404-01-01' }] });
    expect(out.map((i) => i.path)).toEqual(['schedules.1.effectiveFrom']);
    expect(issuesOf({ ...OFFICE_INPUT, schedules: [{}, {}] }).map((i) => i.path)).toContain('schedules.1.effectiveFrom');
    const closed = issuesOf({ ...OFFICE_INPUT, schedules: [{ days: [] }] });
    expect(closed.map((i) => i.path)).toEqual(['schedules.0']);
    expect(closed[0]!.message).toMatch(/no working hours/);
  });

  it('rejects a closure that ends before it starts and a date with two sets of shortened hours', () => {
    expect(issuesOf({ ...OFFICE_INPUT, closures: [{ date: '1404-07-10', through: '1404-07-09' }] }).map((i) => i.path)).toEqual(['closures.0.through']);
    const dup = issuesOf({ ...OFFICE_INPUT, shortenedDays: [{ date: '1404-07-15', hours: ['08:00-12:00'] }, { date: '1404-07-15', hours: ['08:00-10:00'] }] });
    expect(dup.map((i) => i.path)).toEqual(['shortenedDays.1.date']);
  });

  it('checks province data with the province in the path', () => {
    const issues = issuesOf({ ...OFFICE_INPUT, provinces: { tehran: { closures: [{ date: '1404-13-01' }] } } });
    expect(issues.map((i) => i.path)).toEqual(['provinces.tehran.closures.0.date']);
  });

  it('reports every problem at once and mentions them in the message', () => {
    const input = { id: '', version: '1', holidays: { '1404': [{ date: 'tomorrow', name: { fa: 'x', en: 'x' }, confirmed: 'yes' }] } };
    try {
      defineBusinessCalendar(input as unknown as BusinessCalendarInput);
      expect.unreachable();
    } catch (e) {
      const err = e as CalendarDefinitionError;
      expect(err.code).toBe('calendar-definition');
      expect(err.issues.map((i) => i.path).sort()).toEqual(['holidays.1404.0.confirmed', 'holidays.1404.0.date', 'id']);
      expect(err.message).toContain('holidays.1404.0.date');
    }
  });
});
