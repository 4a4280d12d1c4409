/**
 * Resolution of one civil day of a calendar: is it a holiday, which closures and special hours
 * apply, and which working periods (as instants) it has. Everything else is built on this.
 *
 * Precedence on a day: a holiday closes the whole day; otherwise the day's hours are its
 * shortened-day hours if it has them (province first), else the effective schedule's hours for
 * its weekday; closures are then cut out of those hours.
 */
import { fromZoned, toZoned } from '../time/zoned';
import { clockToMinutes, type BusinessCalendar, type Closure, type Holiday, type Schedule, type ShortenedDay, type TimeInterval } from './calendar.schema';
import { BusinessTimeError } from './errors';
import { solarHolidaysOfYear } from './holidays';
import {
  dayNumberToGregorian,
  dayNumberToIsoDate,
  dayNumberToSolarDate,
  formatSolarDate,
  gregorianToDayNumber,
  MAX_SUPPORTED_SOLAR_YEAR,
  MIN_SUPPORTED_SOLAR_YEAR,
  solarDateToDayNumber,
  WEEKDAYS,
  weekdayOfDayNumber,
  type DayNumber,
  type SolarDateString,
  type Weekday,
} from './solar-date';
import type { CalendarWarning } from './warnings';

/** Options every calendar operation accepts. */
export interface CalendarOptions {
  /** Key of `calendar.provinces`; its holidays, closures and short days apply on top of the national ones. */
  readonly province?: string;
}

/** A stretch of working time [start, end): `start` is working, `end` is the first instant that is not. */
export interface WorkingPeriod {
  /** First working instant (UTC). */
  readonly start: Date;
  /** First instant after the period (UTC). */
  readonly end: Date;
}

/** A holiday on a resolved day, with where it came from. */
export interface DayHoliday extends Holiday {
  /** Where it comes from: generated solar holiday, the calendar's list, or the province's list. */
  readonly source: 'solar' | 'calendar' | 'province';
}

/** Everything the calendar says about one civil day. */
export interface ResolvedDay {
  /** The Solar Hijri date, `YYYY-MM-DD`. */
  readonly date: SolarDateString;
  /** The same day as ISO `YYYY-MM-DD`. */
  readonly gregorian: string;
  /** Day of the week. */
  readonly weekday: Weekday;
  /** Holidays on this day. */
  readonly holidays: readonly DayHoliday[];
  /** Closures that apply on this day. */
  readonly closures: readonly Closure[];
  /** The shortened hours of this day, if any. */
  readonly shortenedDay: ShortenedDay | undefined;
  /** Wall-clock working hours left after holidays and closures. */
  readonly hours: readonly TimeInterval[];
  /** The working periods as UTC instants. */
  readonly periods: readonly WorkingPeriod[];
  /** True when the day has any working time left. */
  readonly isWorkingDay: boolean;
  /** Whether this day's Solar Hijri year has its (lunar) holidays entered. */
  readonly holidaysLoaded: boolean;
  /** What the calendar cannot vouch for on this day. */
  readonly warnings: readonly CalendarWarning[];
}

// ---------------------------------------------------------------------------------------------
// Internal index (built once per calendar and province, cached by calendar identity)

interface MinuteRange {
  readonly start: number;
  readonly end: number;
}

/** A day as the arithmetic uses it: periods as epoch milliseconds. */
export interface DayPlan {
  readonly dayNumber: DayNumber;
  readonly date: SolarDateString;
  readonly year: number;
  readonly weekday: Weekday;
  readonly holidays: readonly DayHoliday[];
  readonly closures: readonly Closure[];
  readonly shortenedDay: ShortenedDay | undefined;
  readonly minutes: readonly MinuteRange[];
  readonly periods: readonly { readonly start: number; readonly end: number }[];
  readonly holidaysLoaded: boolean;
  readonly warnings: readonly CalendarWarning[];
}

interface ScheduleEntry {
  readonly fromDay: number;
  /** Indexed by `getUTCDay` number. */
  readonly minutesByWeekday: readonly (readonly MinuteRange[])[];
}

interface ClosureEntry {
  readonly closure: Closure;
  /** `undefined` = the whole day. */
  readonly closed: readonly MinuteRange[] | undefined;
}

export interface CalendarIndex {
  readonly calendar: BusinessCalendar;
  readonly timeZone: string;
  readonly schedules: readonly ScheduleEntry[];
  readonly listedHolidays: ReadonlyMap<DayNumber, readonly DayHoliday[]>;
  readonly closures: ReadonlyMap<DayNumber, readonly ClosureEntry[]>;
  readonly shortened: ReadonlyMap<DayNumber, ShortenedDay>;
  readonly loadedYears: ReadonlySet<number>;
  readonly plans: Map<DayNumber, DayPlan>;
}

const MAX_CACHED_DAYS = 20_000;
const indexes = new WeakMap<BusinessCalendar, Map<string, CalendarIndex>>();

function toMinuteRanges(intervals: readonly TimeInterval[]): MinuteRange[] {
  const ranges = intervals.map((i) => ({ start: clockToMinutes(i.start), end: clockToMinutes(i.end) })).sort((a, b) => a.start - b.start);
  // Touching intervals become one, so a period end is always a real end of work.
  const merged: MinuteRange[] = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    if (last && r.start <= last.end) merged[merged.length - 1] = { start: last.start, end: Math.max(last.end, r.end) };
    else merged.push(r);
  }
  return merged;
}

function scheduleEntries(schedules: readonly Schedule[]): ScheduleEntry[] {
  return schedules.map((s) => ({
    fromDay: s.effectiveFrom === undefined ? Number.NEGATIVE_INFINITY : solarDateToDayNumber(s.effectiveFrom),
    minutesByWeekday: WEEKDAYS.map((d) => toMinuteRanges(s.byWeekday[d] ?? (s.days.includes(d) ? s.hours : []))),
  }));
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function buildIndex(calendar: BusinessCalendar, province: string | undefined): CalendarIndex {
  const overrides = province === undefined ? undefined : calendar.provinces[province];
  if (province !== undefined && !overrides) {
    const known = Object.keys(calendar.provinces);
    throw new BusinessTimeError('unknown-province', `calendar ${calendar.id} has no province "${province}" (known: ${known.length ? known.join(', ') : 'none'})`);
  }

  const listedHolidays = new Map<DayNumber, DayHoliday[]>();
  for (const list of Object.values(calendar.holidays)) {
    for (const h of list) pushTo(listedHolidays, solarDateToDayNumber(h.date), { ...h, source: 'calendar' as const });
  }
  for (const h of overrides?.holidays ?? []) pushTo(listedHolidays, solarDateToDayNumber(h.date), { ...h, source: 'province' as const });

  const closures = new Map<DayNumber, ClosureEntry[]>();
  for (const c of [...calendar.closures, ...(overrides?.closures ?? [])]) {
    const first = solarDateToDayNumber(c.date);
    const last = c.through === undefined ? first : solarDateToDayNumber(c.through);
    const closed = c.hours === undefined ? undefined : toMinuteRanges(c.hours);
    for (let d = first; d <= last; d++) pushTo(closures, d, { closure: c, closed });
  }

  // Province short days win over national ones on the same date.
  const shortened = new Map<DayNumber, ShortenedDay>();
  for (const s of calendar.shortenedDays) shortened.set(solarDateToDayNumber(s.date), s);
  for (const s of overrides?.shortenedDays ?? []) shortened.set(solarDateToDayNumber(s.date), s);

  return {
    calendar,
    timeZone: calendar.timeZone,
    schedules: scheduleEntries(overrides?.schedules ?? calendar.schedules),
    listedHolidays,
    closures,
    shortened,
    loadedYears: new Set(Object.keys(calendar.holidays).map(Number)),
    plans: new Map(),
  };
}

/** The (cached) index of `calendar` for `options.province`. */
export function calendarIndex(calendar: BusinessCalendar, options?: CalendarOptions): CalendarIndex {
  let perProvince = indexes.get(calendar);
  if (!perProvince) {
    perProvince = new Map();
    indexes.set(calendar, perProvince);
  }
  const key = options?.province ?? '';
  let index = perProvince.get(key);
  if (!index) {
    index = buildIndex(calendar, options?.province);
    perProvince.set(key, index);
  }
  return index;
}

function subtract(ranges: readonly MinuteRange[], cut: readonly MinuteRange[]): MinuteRange[] {
  let out = [...ranges];
  for (const c of cut) {
    out = out.flatMap((r) => {
      if (c.end <= r.start || c.start >= r.end) return [r];
      const pieces: MinuteRange[] = [];
      if (c.start > r.start) pieces.push({ start: r.start, end: c.start });
      if (c.end < r.end) pieces.push({ start: c.end, end: r.end });
      return pieces;
    });
  }
  return out;
}

function scheduleFor(index: CalendarIndex, dayNumber: DayNumber): ScheduleEntry {
  let chosen = index.schedules[0]!;
  for (const s of index.schedules) if (s.fromDay <= dayNumber) chosen = s;
  return chosen;
}

function minuteToClock(m: number): string {
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}

/** Plans one day (cached per index). */
export function planDay(index: CalendarIndex, dayNumber: DayNumber): DayPlan {
  const cached = index.plans.get(dayNumber);
  if (cached) return cached;

  const solar = dayNumberToSolarDate(dayNumber);
  if (solar.year < MIN_SUPPORTED_SOLAR_YEAR || solar.year > MAX_SUPPORTED_SOLAR_YEAR) {
    throw new BusinessTimeError('out-of-range', `Solar Hijri year ${solar.year} is outside the supported range`);
  }
  const date = formatSolarDate(solar);
  const weekday = weekdayOfDayNumber(dayNumber);

  const holidays: DayHoliday[] = [];
  if (index.calendar.solarHolidays) {
    for (const h of solarHolidaysOfYear(solar.year)) if (h.date === date) holidays.push({ ...h, source: 'solar' });
  }
  holidays.push(...(index.listedHolidays.get(dayNumber) ?? []));

  const closureEntries = index.closures.get(dayNumber) ?? [];
  const shortenedDay = index.shortened.get(dayNumber);
  let minutes: MinuteRange[] = [];
  if (holidays.length === 0) {
    minutes = shortenedDay ? toMinuteRanges(shortenedDay.hours) : [...scheduleFor(index, dayNumber).minutesByWeekday[WEEKDAYS.indexOf(weekday)]!];
    for (const c of closureEntries) minutes = c.closed === undefined ? [] : subtract(minutes, c.closed);
  }

  const g = dayNumberToGregorian(dayNumber);
  const periods = minutes
    .map((r) => ({
      start: fromZoned({ ...g, hour: Math.floor(r.start / 60), minute: r.start % 60 }, index.timeZone).getTime(),
      end: fromZoned({ ...g, hour: Math.floor(r.end / 60), minute: r.end % 60 }, index.timeZone).getTime(),
    }))
    // A wall-clock interval swallowed by a forward clock change has no duration.
    .filter((p) => p.end > p.start);

  const holidaysLoaded = index.loadedYears.has(solar.year);
  const warnings: CalendarWarning[] = [];
  if (!holidaysLoaded && index.calendar.requireHolidayYears) {
    warnings.push({
      kind: 'holidays-not-loaded',
      year: solar.year,
      message: `no holidays are entered for Solar Hijri year ${solar.year} in calendar ${index.calendar.id}@${index.calendar.version}; lunar holidays are not excluded`,
    });
  }
  for (const h of holidays) {
    if (!h.confirmed) {
      warnings.push({
        kind: 'unconfirmed-holiday',
        date,
        holiday: h.name.en,
        message: `${date} (${h.name.en}) is an unconfirmed holiday; the result depends on its date`,
      });
    }
  }

  // Plans are cached and shared between callers, so they must not be mutable.
  const plan: DayPlan = Object.freeze({
    dayNumber,
    date,
    year: solar.year,
    weekday,
    holidays: Object.freeze(holidays.map((h) => Object.freeze(h))),
    closures: Object.freeze(closureEntries.map((c) => c.closure)),
    shortenedDay,
    minutes: Object.freeze(minutes),
    periods: Object.freeze(periods.map((p) => Object.freeze(p))),
    holidaysLoaded,
    warnings: Object.freeze(warnings.map((w) => Object.freeze(w))),
  });
  if (index.plans.size >= MAX_CACHED_DAYS) index.plans.clear();
  index.plans.set(dayNumber, plan);
  return plan;
}

/** Day number of the civil day (in the calendar's zone) that contains `instantMs`. */
export function dayNumberAt(index: CalendarIndex, instantMs: number): DayNumber {
  const z = toZoned(new Date(instantMs), index.timeZone);
  return gregorianToDayNumber(z.year, z.month, z.day);
}

function toResolvedDay(plan: DayPlan): ResolvedDay {
  return Object.freeze({
    date: plan.date,
    gregorian: dayNumberToIsoDate(plan.dayNumber),
    weekday: plan.weekday,
    holidays: plan.holidays,
    closures: plan.closures,
    shortenedDay: plan.shortenedDay,
    hours: plan.minutes.map((r) => ({ start: minuteToClock(r.start), end: minuteToClock(r.end) })),
    periods: plan.periods.map((p) => ({ start: new Date(p.start), end: new Date(p.end) })),
    isWorkingDay: plan.periods.length > 0,
    holidaysLoaded: plan.holidaysLoaded,
    warnings: plan.warnings,
  });
}

/**
 * What the calendar says about a day: a Solar Hijri date string, or an instant (meaning the
 * civil day containing it in the calendar's time zone).
 */
export function resolveDay(calendar: BusinessCalendar, day: SolarDateString | Date, options?: CalendarOptions): ResolvedDay {
  const index = calendarIndex(calendar, options);
  const dayNumber = typeof day === 'string' ? solarDateToDayNumber(day) : dayNumberAt(index, checkedInstant(day));
  return toResolvedDay(planDay(index, dayNumber));
}

/** The Solar Hijri date (in the calendar's zone) of `instant`. */
export function solarDateOf(calendar: BusinessCalendar, instant: Date): SolarDateString {
  const index = calendarIndex(calendar);
  return formatSolarDate(dayNumberToSolarDate(dayNumberAt(index, checkedInstant(instant))));
}

export function checkedInstant(instant: Date): number {
  const ms = instant instanceof Date ? instant.getTime() : Number.NaN;
  if (!Number.isFinite(ms)) throw new BusinessTimeError('invalid-instant', 'expected a valid Date');
  return ms;
}

/** Solar Hijri years whose (lunar) holidays the calendar carries, ascending. */
export function loadedHolidayYears(calendar: BusinessCalendar): readonly number[] {
  return Object.keys(calendar.holidays).map(Number).sort((a, b) => a - b);
}
