import { isValidJalaaliDate, toGregorian } from 'jalaali-js';
import { z } from 'zod';
import { toLatinDigits } from '../locale/digits';
import { TEHRAN, fromZoned } from '../time/zoned';

/**
 * A date on which a tariff (or a VAT rate) starts or stops, as written in the book, with the
 * instant it denotes. Day dates mean 00:00 Asia/Tehran on that day.
 */
export interface TariffDate {
  /** As written in the book (digits normalised to Latin), e.g. `1403-01-01`. */
  text: string;
  /** How the text was read: a Solar Hijri day, a Gregorian day, or an instant with an offset. */
  calendar: 'solar-hijri' | 'gregorian' | 'instant';
  /** The instant it denotes (UTC). */
  instant: Date;
}

// Solar Hijri years 1200–1600 (where jalaali-js's 33-year rule is exact) cannot be confused with
// Gregorian years a tariff could plausibly use (1900 onwards), so the year says which calendar.
const SOLAR_HIJRI_YEARS = { min: 1200, max: 1600 };
const GREGORIAN_YEARS = { min: 1900, max: 2200 };
const DAY_DATE = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * Read `1403-01-01` / `1403/1/1` (Solar Hijri), `2024-03-20` (Gregorian) or a full ISO instant
 * with an offset. Returns a message instead of a date when the text is not one of those.
 */
export function parseTariffDate(input: string): TariffDate | { error: string } {
  const text = toLatinDigits(input.trim());
  if (ISO_INSTANT.test(text)) {
    const instant = new Date(text);
    if (Number.isNaN(instant.getTime())) return { error: `is not a valid instant: ${input}` };
    return { text, calendar: 'instant', instant };
  }
  const m = DAY_DATE.exec(text);
  if (!m) {
    return { error: `must be a Solar Hijri date (1403-01-01), a Gregorian date (2024-03-20) or an ISO instant with offset, got ${JSON.stringify(input)}` };
  }
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (year >= SOLAR_HIJRI_YEARS.min && year <= SOLAR_HIJRI_YEARS.max) {
    if (!isValidJalaaliDate(year, month, day)) return { error: `is not a valid Solar Hijri date: ${input}` };
    const g = toGregorian(year, month, day);
    return { text, calendar: 'solar-hijri', instant: fromZoned({ year: g.gy, month: g.gm, day: g.gd }, TEHRAN) };
  }
  if (year >= GREGORIAN_YEARS.min && year <= GREGORIAN_YEARS.max) {
    const probe = new Date(Date.UTC(year, month - 1, day));
    if (probe.getUTCFullYear() !== year || probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) {
      return { error: `is not a valid Gregorian date: ${input}` };
    }
    return { text, calendar: 'gregorian', instant: fromZoned({ year, month, day }, TEHRAN) };
  }
  return {
    error: `year ${year} is neither a Solar Hijri year (${SOLAR_HIJRI_YEARS.min}–${SOLAR_HIJRI_YEARS.max}) nor a Gregorian one (${GREGORIAN_YEARS.min}–${GREGORIAN_YEARS.max})`,
  };
}

export const tariffDateSchema = z.string({ error: 'must be a date string' }).transform((value, ctx): TariffDate => {
  const parsed = parseTariffDate(value);
  if ('error' in parsed) {
    ctx.addIssue({ code: 'custom', message: parsed.error });
    return z.NEVER;
  }
  return parsed;
});

/** A half-open period [from, to): `to` is the first instant no longer covered; absent = open-ended. */
export interface EffectivePeriod {
  /** First instant covered. */
  from: TariffDate;
  /** First instant no longer covered; absent for open-ended. */
  to?: TariffDate | undefined;
}

/** True when `at` falls in the half-open period. */
export function periodContains(period: EffectivePeriod, at: Date): boolean {
  const t = at.getTime();
  return period.from.instant.getTime() <= t && (period.to === undefined || t < period.to.instant.getTime());
}

/** Whether two half-open periods share at least one instant. */
export function periodsOverlap(a: EffectivePeriod, b: EffectivePeriod): boolean {
  const aEnd = a.to?.instant.getTime() ?? Infinity;
  const bEnd = b.to?.instant.getTime() ?? Infinity;
  return a.from.instant.getTime() < bEnd && b.from.instant.getTime() < aEnd;
}
