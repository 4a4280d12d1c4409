/**
 * Solar Hijri (Jalaali) dates as the calendar data writes them ("1404-01-01"), and the day
 * numbers the arithmetic uses. All calendar maths is jalaali-js; this file only adapts it.
 */
import { d2g, d2j, g2d, isValidJalaaliDate, j2d, jalaaliMonthLength } from 'jalaali-js';

/** A Solar Hijri date written `YYYY-MM-DD`, e.g. `"1404-01-01"` (1 Farvardin 1404). */
export type SolarDateString = string;

/** A Solar Hijri date as numbers. */
export interface SolarDate {
  /** Solar Hijri year, e.g. 1404. */
  readonly year: number;
  /** 1 = Farvardin … 12 = Esfand. */
  readonly month: number;
  /** Day of the month, from 1. */
  readonly day: number;
}

/** Day names in the order of `Date#getUTCDay` (0 = Sunday). */
export const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const;
/** A day of the week, by its English name (`saturday` … `friday`). */
export type Weekday = (typeof WEEKDAYS)[number];

/** The years jalaali-js converts exactly; outside them conversions throw. */
export const MIN_SUPPORTED_SOLAR_YEAR = 1;
export const MAX_SUPPORTED_SOLAR_YEAR = 3000;

const SOLAR_DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Why `text` is not a usable Solar Hijri date, or `undefined` when it is. */
export function solarDateProblem(text: string): string | undefined {
  const m = SOLAR_DATE_PATTERN.exec(text);
  if (!m) return `"${text}" is not a Solar Hijri date written YYYY-MM-DD (e.g. "1404-01-01")`;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (year < MIN_SUPPORTED_SOLAR_YEAR || year > MAX_SUPPORTED_SOLAR_YEAR) {
    return `year ${year} is outside the supported range ${MIN_SUPPORTED_SOLAR_YEAR}–${MAX_SUPPORTED_SOLAR_YEAR}`;
  }
  if (month < 1 || month > 12) return `"${text}": month must be 01–12`;
  if (!isValidJalaaliDate(year, month, day)) {
    return `"${text}" does not exist: month ${month} of ${year} has ${jalaaliMonthLength(year, month)} days`;
  }
  return undefined;
}

export function parseSolarDate(text: SolarDateString): SolarDate {
  const problem = solarDateProblem(text);
  if (problem) throw new RangeError(problem);
  const [year, month, day] = text.split('-').map(Number) as [number, number, number];
  return { year, month, day };
}

export function formatSolarDate(date: SolarDate): SolarDateString {
  return `${String(date.year).padStart(4, '0')}-${String(date.month).padStart(2, '0')}-${String(date.day).padStart(2, '0')}`;
}

/**
 * Day number (Julian Day Number) of a civil date. The arithmetic keys days by this integer so
 * "next day" is `+ 1` and Solar/Gregorian conversions happen once per day.
 */
export type DayNumber = number;

export function solarDateToDayNumber(date: SolarDate | SolarDateString): DayNumber {
  const d = typeof date === 'string' ? parseSolarDate(date) : date;
  return j2d(d.year, d.month, d.day);
}

export function dayNumberToSolarDate(dayNumber: DayNumber): SolarDate {
  const { jy, jm, jd } = d2j(dayNumber);
  return { year: jy, month: jm, day: jd };
}

export function dayNumberToSolarString(dayNumber: DayNumber): SolarDateString {
  return formatSolarDate(dayNumberToSolarDate(dayNumber));
}

export function gregorianToDayNumber(year: number, month: number, day: number): DayNumber {
  return g2d(year, month, day);
}

export function dayNumberToGregorian(dayNumber: DayNumber): { year: number; month: number; day: number } {
  const { gy, gm, gd } = d2g(dayNumber);
  return { year: gy, month: gm, day: gd };
}

/** ISO `YYYY-MM-DD` of a day number (proleptic Gregorian). */
export function dayNumberToIsoDate(dayNumber: DayNumber): string {
  const g = dayNumberToGregorian(dayNumber);
  return `${String(g.year).padStart(4, '0')}-${String(g.month).padStart(2, '0')}-${String(g.day).padStart(2, '0')}`;
}

/** Day number of an ISO `YYYY-MM-DD` Gregorian date, or `undefined` if it is not one. */
export function isoDateToDayNumber(text: string): DayNumber | undefined {
  const m = ISO_DATE_PATTERN.exec(text);
  if (!m) return undefined;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCFullYear() !== year || probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) return undefined;
  return g2d(year, month, day);
}

/** Weekday of a day number; JDN 0 was a Monday, so `(n + 1) % 7` is the `getUTCDay` number. */
export function weekdayOfDayNumber(dayNumber: DayNumber): Weekday {
  return WEEKDAYS[(((dayNumber + 1) % 7) + 7) % 7]!;
}
