/**
 * Properties of business-time arithmetic over several calendars (lunch break, half-day
 * Thursday, closures, shortened days, the sample Iran calendar) and instants from 1399 to 1406
 * (so pre-2023 +04:30 summers are included).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addBusinessTime,
  businessTimeBetween,
  defineBusinessCalendar,
  iranGovernmentCalendar,
  isWorkingInstant,
  nextWorkingInstant,
  resolveDay,
  workingDaysBetween,
  workingPeriods,
  type BusinessCalendar,
} from '../../src/calendar';
import { office, OFFICE_INPUT, officeWithThursday } from './fixtures';

const busy = defineBusinessCalendar({
  ...OFFICE_INPUT,
  id: 'busy',
  schedules: [
    { hours: ['08:00-12:00', '13:00-16:00'], byWeekday: { thursday: ['09:00-11:00'] } },
    { effectiveFrom: '1403-07-01', hours: ['07:30-10:00', '10:15-14:30'] },
  ],
  closures: [{ date: '1403-08-05', through: '1403-08-07' }, { date: '1404-02-10', hours: ['09:00-13:00'] }],
  shortenedDays: [{ date: '1404-06-20', hours: ['08:00-10:00'] }, { date: '1403-12-27', hours: ['10:00-11:00'] }],
});

const calendars: [string, BusinessCalendar][] = [
  ['office', office],
  ['officeWithThursday', officeWithThursday],
  ['busy', busy],
  ['iranGovernment', iranGovernmentCalendar],
];

const instant = fc.date({ min: new Date('2020-03-01T00:00:00Z'), max: new Date('2027-03-01T00:00:00Z'), noInvalidDate: true });
const minutes = fc.integer({ min: 0, max: 60 * 7 * 40 }); // up to ~40 working days
const RUNS = { numRuns: 150 };

const isWorkingOrPeriodEnd = (cal: BusinessCalendar, at: Date): boolean =>
  isWorkingInstant(cal, at) || isWorkingInstant(cal, new Date(at.getTime() - 1));

describe.each(calendars)('business time properties (%s)', (_name, cal) => {
  it('businessTimeBetween(a, addBusinessTime(a, d)) == d, from a and from the normalised start', () => {
    fc.assert(
      fc.property(instant, minutes, (a, d) => {
        const r = addBusinessTime(cal, a, { minutes: d });
        expect(businessTimeBetween(cal, a, r.instant).minutes).toBe(d);
        expect(businessTimeBetween(cal, r.start, r.instant).minutes).toBe(d);
        expect(r.start).toEqual(nextWorkingInstant(cal, a).instant);
      }),
      RUNS,
    );
  });

  it('adding is monotonic in the start and in the duration', () => {
    fc.assert(
      fc.property(instant, instant, minutes, minutes, (x, y, d1, d2) => {
        const [a1, a2] = x <= y ? [x, y] : [y, x];
        const [s, l] = d1 <= d2 ? [d1, d2] : [d2, d1];
        expect(addBusinessTime(cal, a1, { minutes: s }).instant.getTime()).toBeLessThanOrEqual(addBusinessTime(cal, a2, { minutes: s }).instant.getTime());
        expect(addBusinessTime(cal, a1, { minutes: s }).instant.getTime()).toBeLessThanOrEqual(addBusinessTime(cal, a1, { minutes: l }).instant.getTime());
      }),
      RUNS,
    );
  });

  it('a computation never starts inside a holiday or outside working hours; results are working instants or period ends', () => {
    fc.assert(
      fc.property(instant, minutes, (a, d) => {
        const r = addBusinessTime(cal, a, { minutes: d });
        expect(r.start.getTime()).toBeGreaterThanOrEqual(a.getTime());
        expect(isWorkingInstant(cal, r.start)).toBe(true);
        expect(resolveDay(cal, r.start).holidays).toEqual([]);
        expect(isWorkingOrPeriodEnd(cal, r.instant)).toBe(true);
        // Nothing between a and the start counts: the clock really did not run.
        expect(businessTimeBetween(cal, a, r.start).milliseconds).toBe(0);
      }),
      RUNS,
    );
  });

  it('business time is additive and antisymmetric', () => {
    fc.assert(
      fc.property(instant, instant, instant, (x, y, z) => {
        const [a, b, c] = [x, y, z].sort((p, q) => p.getTime() - q.getTime()) as [Date, Date, Date];
        const ab = businessTimeBetween(cal, a, b).milliseconds;
        const bc = businessTimeBetween(cal, b, c).milliseconds;
        expect(ab + bc).toBe(businessTimeBetween(cal, a, c).milliseconds);
        expect(businessTimeBetween(cal, b, a).milliseconds + ab).toBe(0); // (avoid the -0 / +0 distinction)
        expect(ab).toBeLessThanOrEqual(b.getTime() - a.getTime());
      }),
      { numRuns: 60 },
    );
  });

  it('working periods are ordered, disjoint, inside the range, and sum to businessTimeBetween', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 0, max: 40 * 86_400_000 }), (from, span) => {
        const to = new Date(from.getTime() + span);
        const { periods } = workingPeriods(cal, from, to);
        let total = 0;
        let previousEnd = from.getTime();
        for (const p of periods) {
          expect(p.start.getTime()).toBeGreaterThanOrEqual(previousEnd);
          expect(p.end.getTime()).toBeGreaterThan(p.start.getTime());
          expect(isWorkingInstant(cal, p.start)).toBe(true);
          previousEnd = p.end.getTime();
          total += p.end.getTime() - p.start.getTime();
        }
        expect(previousEnd).toBeLessThanOrEqual(to.getTime());
        expect(total).toBe(businessTimeBetween(cal, from, to).milliseconds);
      }),
      { numRuns: 60 },
    );
  });

  it('working days: workingDaysBetween inverts addBusinessTime, end-of-day is the end of that day', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 0, max: 30 }), (a, n) => {
        const same = addBusinessTime(cal, a, { days: n });
        const eod = addBusinessTime(cal, a, { days: n }, { workingDays: 'end-of-day' });
        expect(workingDaysBetween(cal, a, same.instant).days).toBe(n);
        expect(isWorkingOrPeriodEnd(cal, same.instant)).toBe(true);
        expect(eod.instant.getTime()).toBeGreaterThanOrEqual(same.instant.getTime());
        const lastMoment = new Date(eod.instant.getTime() - 1);
        const periods = resolveDay(cal, lastMoment).periods;
        expect(periods[periods.length - 1]!.end).toEqual(eod.instant);
      }),
      { numRuns: 100 },
    );
  });

  it('paused segments: excluded time never counts and adding honours it', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 0, max: 20 * 86_400_000 }), fc.integer({ min: 0, max: 5 * 86_400_000 }), minutes, (a, offset, length, d) => {
        const pause = { start: new Date(a.getTime() + offset), end: new Date(a.getTime() + offset + length) };
        const r = addBusinessTime(cal, a, { minutes: d }, { exclude: [pause] });
        expect(businessTimeBetween(cal, a, r.instant, { exclude: [pause] }).minutes).toBe(d);
        const plain = businessTimeBetween(cal, a, r.instant).milliseconds;
        const paused = businessTimeBetween(cal, pause.start < r.instant ? pause.start : r.instant, pause.end < r.instant ? pause.end : r.instant).milliseconds;
        expect(plain - paused).toBe(d * 60_000);
      }),
      { numRuns: 80 },
    );
  });
});
