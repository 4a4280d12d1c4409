/**
 * Report months: Solar Hijri months (`1405-09` is Azar 1405) as periods of UTC instants, from
 * midnight of the month's first day to midnight of the next month's, in Asia/Tehran.
 */
import { dayNumberToGregorian, dayNumberToSolarDate, gregorianToDayNumber, solarDateToDayNumber } from '../calendar/solar-date';
import { ValidationError } from '../errors';
import { toLatinDigits } from '../locale/digits';
import { fromZoned, TEHRAN, toZoned } from '../time/zoned';

/** A Solar Hijri month written `YYYY-MM`, e.g. `"1405-09"` (Azar 1405). */
export type SolarMonthString = string;

/** A Solar Hijri month and the UTC instants it spans in Tehran: `[from, to)`. */
export interface SolarMonthPeriod {
  /** The month, `YYYY-MM`. */
  month: SolarMonthString;
  /** Midnight (Tehran) of its first day. */
  from: Date;
  /** Midnight (Tehran) of the next month's first day. */
  to: Date;
}

const MONTH = /^(\d{4})-(\d{2})$/;

/** The longest range of months one report covers. */
export const MAX_REPORT_MONTHS = 24;

/**
 * The period of a Solar Hijri month (`1405-09`, Persian digits accepted). A malformed month is a
 * `ValidationError` naming `field`.
 */
export function solarMonthPeriod(month: string, field = 'month'): SolarMonthPeriod {
  const match = MONTH.exec(toLatinDigits(month.trim()));
  const year = Number(match?.[1]);
  const number = Number(match?.[2]);
  if (!match || year < 1300 || year > 1500 || number < 1 || number > 12) {
    throw new ValidationError('report month', [{ path: field, message: 'must be a Solar Hijri month written YYYY-MM, e.g. 1405-09' }]);
  }
  const next = number === 12 ? { year: year + 1, month: 1 } : { year, month: number + 1 };
  return { month: `${year}-${String(number).padStart(2, '0')}`, from: tehranMidnight(year, number), to: tehranMidnight(next.year, next.month) };
}

/** The Solar Hijri month an instant falls in, in Tehran. */
export function solarMonthOf(instant: Date): SolarMonthString {
  const z = toZoned(instant, TEHRAN);
  const solar = dayNumberToSolarDate(gregorianToDayNumber(z.year, z.month, z.day));
  return `${solar.year}-${String(solar.month).padStart(2, '0')}`;
}

/**
 * Every month from `from` to `to`, both included (`to` defaults to `from`). Fields named in
 * errors: `from`, `to`; at most {@link MAX_REPORT_MONTHS} months.
 */
export function solarMonthRange(from: string, to: string = from): SolarMonthPeriod[] {
  const first = solarMonthPeriod(from, 'from');
  const last = solarMonthPeriod(to, 'to');
  if (last.from < first.from) throw new ValidationError('report months', [{ path: 'to', message: 'must not be before from' }]);
  const months: SolarMonthPeriod[] = [first];
  while (months[months.length - 1]!.month !== last.month) {
    if (months.length >= MAX_REPORT_MONTHS) throw new ValidationError('report months', [{ path: 'to', message: `at most ${MAX_REPORT_MONTHS} months at once` }]);
    months.push(solarMonthPeriod(solarMonthOf(months[months.length - 1]!.to)));
  }
  return months;
}

function tehranMidnight(year: number, month: number): Date {
  const day = dayNumberToGregorian(solarDateToDayNumber({ year, month, day: 1 }));
  return fromZoned({ year: day.year, month: day.month, day: day.day }, TEHRAN);
}
