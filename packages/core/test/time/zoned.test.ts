/**
 * `toZoned` keeps the wall-clock readings it has made (per zone and UTC second); these check that
 * the memo answers exactly what Intl answers, across offset changes, zones with odd offsets
 * (seconds in early local mean time, 45-minute zones, a 30-minute DST shift), instants before
 * 1970 and more distinct seconds than the memo holds.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromZoned, toZoned, zoneOffsetMinutes, type ZonedDateTime } from '../../src/time';

const ZONES = ['Asia/Tehran', 'Europe/Amsterdam', 'Asia/Kathmandu', 'Australia/Lord_Howe', 'America/Sao_Paulo', 'UTC'] as const;

/** The reading straight from Intl, with no memo in between. */
function intlReading(instant: Date, timeZone: string): ZonedDateTime {
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  });
  const parts = Object.fromEntries(format.formatToParts(instant).filter((p) => p.type !== 'literal').map((p) => [p.type, Number(p.value)]));
  const ms = instant.getTime();
  return {
    year: parts.year!,
    month: parts.month!,
    day: parts.day!,
    hour: parts.hour!,
    minute: parts.minute!,
    second: parts.second!,
    millisecond: ((ms % 1000) + 1000) % 1000,
    weekday: new Date(Date.UTC(parts.year!, parts.month! - 1, parts.day!)).getUTCDay(),
  };
}

// 1900 to 2100: early local mean time (Amsterdam's +00:19:32), Tehran's +04:30 summers until 2022.
const instants = fc.integer({ min: Date.UTC(1900, 0, 1), max: Date.UTC(2100, 0, 1) });

describe('toZoned', () => {
  it('reads what Intl reads, memo or not, including the millisecond', () => {
    fc.assert(
      fc.property(instants, fc.constantFrom(...ZONES), fc.integer({ min: 0, max: 999 }), (ms, zone, later) => {
        const first = new Date(ms);
        // The same second again at another millisecond: answered from the memo.
        const sameSecond = new Date(Math.floor(ms / 1000) * 1000 + later);
        expect(toZoned(first, zone)).toEqual(intlReading(first, zone));
        expect(toZoned(sameSecond, zone)).toEqual(intlReading(sameSecond, zone));
        expect(toZoned(first, zone)).toEqual(intlReading(first, zone));
      }),
      { numRuns: 3000 },
    );
  });

  it('is exact on both sides of offset changes, to the millisecond', () => {
    // Tehran's last summer time ended 2022-09-21 24:00 +04:30 (19:30 UTC), back to 23:00 +03:30;
    // Lord Howe moves by 30 minutes; Amsterdam left local mean time (+00:19:32) in 1937.
    const changes: [string, number][] = [
      ['Asia/Tehran', Date.UTC(2022, 8, 21, 19, 30)],
      ['Asia/Tehran', Date.UTC(2022, 2, 21, 20, 30)],
      ['Australia/Lord_Howe', Date.UTC(2024, 3, 6, 15, 0)],
      ['Europe/Amsterdam', Date.UTC(1937, 5, 30, 23, 40, 28)],
    ];
    for (const [zone, at] of changes) {
      for (const delta of [-1001, -1000, -999, -1, 0, 1, 999, 1000, 1001]) {
        const instant = new Date(at + delta);
        expect(toZoned(instant, zone), `${zone} ${instant.toISOString()}`).toEqual(intlReading(instant, zone));
      }
    }
  });

  it('reads instants before 1970 (negative milliseconds) with the right millisecond', () => {
    const instant = new Date(Date.UTC(1969, 11, 31, 23, 59, 59, 1));
    expect(toZoned(instant, 'UTC')).toMatchObject({ year: 1969, month: 12, day: 31, hour: 23, minute: 59, second: 59, millisecond: 1, weekday: 3 });
    expect(toZoned(new Date(-1), 'UTC')).toMatchObject({ year: 1969, second: 59, millisecond: 999 });
  });

  it('hands out copies: changing a reading does not change the next one', () => {
    const instant = new Date(Date.UTC(2025, 2, 20, 12, 0, 0, 250));
    const reading = toZoned(instant);
    reading.hour = 99;
    reading.millisecond = 7;
    expect(toZoned(instant)).toMatchObject({ hour: 15, minute: 30, millisecond: 250 });
  });

  it('refuses an invalid instant and an unknown zone, every time', () => {
    expect(() => toZoned(new Date(Number.NaN))).toThrow(RangeError);
    expect(() => toZoned(new Date(0), 'Mars/Olympus_Mons')).toThrow(RangeError);
    expect(() => toZoned(new Date(0), 'Mars/Olympus_Mons')).toThrow(RangeError);
  });

  it('round-trips through fromZoned and zoneOffsetMinutes as before', () => {
    const instant = new Date(Date.UTC(2021, 5, 1, 8, 15));
    expect(zoneOffsetMinutes(instant)).toBe(270);
    expect(fromZoned({ year: 2021, month: 6, day: 1, hour: 12, minute: 45 })).toEqual(instant);
  });
});
