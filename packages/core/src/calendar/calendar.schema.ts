/**
 * The business calendar as data: a zod schema for what a portal team writes (JSON-friendly,
 * Solar Hijri dates as strings) and the types it parses to. Cross-field rules (ordering,
 * overlaps, dates inside their year) live here too so every issue carries its path.
 */
import { z } from 'zod';
import { TEHRAN } from '../time/zoned';
import { isoDateToDayNumber, solarDateProblem, solarDateToDayNumber, WEEKDAYS, type Weekday } from './solar-date';

// ---------------------------------------------------------------------------------------------
// Leaves

/** "HH:mm" on the 24-hour clock; "24:00" is allowed as an end (midnight at the end of the day). */
const CLOCK_PATTERN = /^([01]\d|2[0-4]):([0-5]\d)$/;

export function clockToMinutes(clock: string): number {
  const [h, m] = clock.split(':').map(Number) as [number, number];
  return h * 60 + m;
}

const clockTime = z
  .string()
  .regex(CLOCK_PATTERN, 'expected a time "HH:mm" (00:00–24:00)')
  .refine((t) => clockToMinutes(t) <= 24 * 60, 'a time of day cannot be after 24:00');

/** Solar Hijri `YYYY-MM-DD` that exists in the calendar (e.g. 1404-12-30 does not: 1404 is not leap). */
export const solarDateSchema = z.string().superRefine((text, ctx) => {
  const problem = solarDateProblem(text);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});

const intervalObject = z.strictObject({ start: clockTime, end: clockTime });

/** A wall-clock interval [start, end) within one day; `"08:00-12:00"` is shorthand. */
export const timeIntervalSchema = z
  .union([
    z
      .string()
      .regex(/^\d{2}:\d{2}-\d{2}:\d{2}$/, 'expected "HH:mm-HH:mm" or {start, end}')
      .transform((s) => ({ start: s.slice(0, 5), end: s.slice(6) }))
      .pipe(intervalObject),
    intervalObject,
  ])
  .refine((i) => clockToMinutes(i.start) < clockToMinutes(i.end), 'an interval must end after it starts');

/** Several intervals of one day, in order and not overlapping (touching is fine). */
const dayHours = z.array(timeIntervalSchema).superRefine((intervals, ctx) => {
  for (let i = 1; i < intervals.length; i++) {
    const prev = intervals[i - 1]!;
    const cur = intervals[i]!;
    if (clockToMinutes(cur.start) < clockToMinutes(prev.end)) {
      ctx.addIssue({
        code: 'custom',
        path: [i],
        message: `interval ${cur.start}-${cur.end} starts before the previous one (${prev.start}-${prev.end}) ends; list intervals in order without overlaps`,
      });
    }
  }
});

const localizedText = z.strictObject({ fa: z.string().min(1).optional(), en: z.string().min(1).optional() });

const weekdaySchema = z.enum(WEEKDAYS);

// ---------------------------------------------------------------------------------------------
// Schedules

/** The working week when a calendar gives none: Saturday to Wednesday (Thursday and Friday off). */
export const DEFAULT_WORK_DAYS: readonly Weekday[] = ['saturday', 'sunday', 'monday', 'tuesday', 'wednesday'];
/** The office hours when a schedule gives none: 08:00–16:00 local time. */
export const DEFAULT_WORKING_HOURS = [{ start: '08:00', end: '16:00' }] as const;

/**
 * Weekly working hours from a Solar Hijri date on. `days` work `hours`; `byWeekday` gives a
 * weekday its own hours (a half-day Thursday, or `[]` to close a day listed in `days`).
 */
export const scheduleSchema = z.strictObject({
  /** First day this schedule applies; the first schedule may omit it (then it has always applied). */
  effectiveFrom: solarDateSchema.optional(),
  days: z
    .array(weekdaySchema)
    .refine((d) => new Set(d).size === d.length, 'a weekday is listed twice')
    .default(() => [...DEFAULT_WORK_DAYS]),
  hours: dayHours.default(() => DEFAULT_WORKING_HOURS.map((i) => ({ ...i }))),
  byWeekday: z.partialRecord(weekdaySchema, dayHours).default(() => ({})),
});

function scheduleHasWorkingTime(s: z.output<typeof scheduleSchema>): boolean {
  return WEEKDAYS.some((d) => (s.byWeekday[d] ?? (s.days.includes(d) ? s.hours : [])).length > 0);
}

const schedules = z
  .array(scheduleSchema)
  .min(1, 'at least one schedule is needed')
  .superRefine((list, ctx) => {
    list.forEach((s, i) => {
      if (i > 0 && s.effectiveFrom === undefined) {
        ctx.addIssue({ code: 'custom', path: [i, 'effectiveFrom'], message: 'only the first schedule may omit effectiveFrom' });
      }
      const prev = list[i - 1]?.effectiveFrom;
      if (i > 0 && prev !== undefined && s.effectiveFrom !== undefined && solarDateToDayNumber(s.effectiveFrom) <= solarDateToDayNumber(prev)) {
        ctx.addIssue({ code: 'custom', path: [i, 'effectiveFrom'], message: `schedules must be in order: ${s.effectiveFrom} is not after ${prev}` });
      }
    });
    const last = list[list.length - 1];
    // The last schedule runs forever; without working time every search for work would be endless.
    if (last && !scheduleHasWorkingTime(last)) {
      ctx.addIssue({ code: 'custom', path: [list.length - 1], message: 'the last schedule has no working hours on any weekday, so no deadline could ever fall' });
    }
  });

// ---------------------------------------------------------------------------------------------
// Holidays, closures, shortened days

/**
 * Schema of one holiday: its Solar Hijri date, its names in Persian and English, and whether the date is
 * confirmed (lunar holidays wait for moon sighting).
 */
export const holidaySchema = z.strictObject({
  date: solarDateSchema,
  /** Optional Gregorian `YYYY-MM-DD` of the same day, checked against `date` to catch typos. */
  gregorian: z.string().optional(),
  name: z.strictObject({ fa: z.string().min(1), en: z.string().min(1) }),
  /** False until the date is officially fixed (lunar holidays depend on moon sighting). */
  confirmed: z.boolean(),
});

/** Whole days off from `date` through `through` (inclusive), or only the given `hours` of those days. */
export const closureSchema = z.strictObject({
  date: solarDateSchema,
  through: solarDateSchema.optional(),
  hours: dayHours.min(1).optional(),
  reason: localizedText.optional(),
});

/** A day with its own working hours, replacing the schedule's (e.g. 08:00–12:00 before a holiday). */
export const shortenedDaySchema = z.strictObject({
  date: solarDateSchema,
  hours: dayHours,
  reason: localizedText.optional(),
});

function checkHoliday(h: z.output<typeof holidaySchema>, ctx: z.RefinementCtx, path: (string | number)[]): void {
  if (h.gregorian === undefined) return;
  const g = isoDateToDayNumber(h.gregorian);
  if (g === undefined) {
    ctx.addIssue({ code: 'custom', path: [...path, 'gregorian'], message: `"${h.gregorian}" is not a Gregorian date YYYY-MM-DD` });
  } else if (g !== solarDateToDayNumber(h.date)) {
    ctx.addIssue({ code: 'custom', path: [...path, 'gregorian'], message: `${h.gregorian} is not the same day as ${h.date}` });
  }
}

function checkClosures(list: readonly z.output<typeof closureSchema>[] | undefined, ctx: z.RefinementCtx, path: (string | number)[]): void {
  list?.forEach((c, i) => {
    if (c.through !== undefined && solarDateToDayNumber(c.through) < solarDateToDayNumber(c.date)) {
      ctx.addIssue({ code: 'custom', path: [...path, i, 'through'], message: `${c.through} is before ${c.date}` });
    }
  });
}

function checkShortenedDays(list: readonly z.output<typeof shortenedDaySchema>[] | undefined, ctx: z.RefinementCtx, path: (string | number)[]): void {
  const seen = new Set<string>();
  list?.forEach((d, i) => {
    if (seen.has(d.date)) ctx.addIssue({ code: 'custom', path: [...path, i, 'date'], message: `${d.date} already has its own hours` });
    seen.add(d.date);
  });
}

// ---------------------------------------------------------------------------------------------
// Provinces and the calendar

/** Province-level differences: extra holidays/closures/short days, and optionally its own schedules. */
export const provinceSchema = z.strictObject({
  name: localizedText.optional(),
  /** Replaces the national schedules in this province when given. */
  schedules: schedules.optional(),
  holidays: z.array(holidaySchema).default(() => []),
  closures: z.array(closureSchema).default(() => []),
  shortenedDays: z.array(shortenedDaySchema).default(() => []),
});

function isKnownTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/**
 * Schema of a whole business calendar (schedules, holidays by year, closures, shortened days, province
 * overrides); `defineBusinessCalendar` parses with it and freezes the result.
 */
export const businessCalendarSchema = z
  .strictObject({
    id: z.string().min(1),
    /** Bump on every edit; SLA records keep the version their deadline was computed with. */
    version: z.string().min(1),
    name: localizedText.optional(),
    timeZone: z.string().refine(isKnownTimeZone, 'not an IANA time zone known to this runtime').default(TEHRAN),
    schedules: schedules.default(() => [{ days: [...DEFAULT_WORK_DAYS], hours: DEFAULT_WORKING_HOURS.map((i) => ({ ...i })), byWeekday: {} }]),
    /** Generate the 10 fixed solar holidays of every year (Nowruz, 12–13 Farvardin, …). */
    solarHolidays: z.boolean().default(true),
    /** Warn when a computation crosses a year missing from `holidays` (turn off for calendars without lunar holidays). */
    requireHolidayYears: z.boolean().default(true),
    /**
     * Other holidays (the lunar ones) by Solar Hijri year. A year present here counts as
     * "loaded" (even if empty); crossing a year absent here produces a warning.
     */
    holidays: z.record(z.string().regex(/^\d{4}$/, 'holiday years are keys like "1404"'), z.array(holidaySchema)).default(() => ({})),
    closures: z.array(closureSchema).default(() => []),
    shortenedDays: z.array(shortenedDaySchema).default(() => []),
    provinces: z.record(z.string().regex(/^[A-Za-z0-9_-]+$/, 'province keys are letters, digits, "-" or "_"'), provinceSchema).default(() => ({})),
  })
  .superRefine((cal, ctx) => {
    for (const [year, list] of Object.entries(cal.holidays)) {
      list.forEach((h, i) => {
        if (!h.date.startsWith(`${year}-`)) {
          ctx.addIssue({ code: 'custom', path: ['holidays', year, i, 'date'], message: `${h.date} is not in year ${year}` });
        }
        checkHoliday(h, ctx, ['holidays', year, i]);
      });
    }
    checkClosures(cal.closures, ctx, ['closures']);
    checkShortenedDays(cal.shortenedDays, ctx, ['shortenedDays']);
    for (const [key, p] of Object.entries(cal.provinces)) {
      p.holidays.forEach((h, i) => checkHoliday(h, ctx, ['provinces', key, 'holidays', i]));
      checkClosures(p.closures, ctx, ['provinces', key, 'closures']);
      checkShortenedDays(p.shortenedDays, ctx, ['provinces', key, 'shortenedDays']);
    }
  });

/** What a portal team writes (defaults may be omitted, intervals may be "08:00-12:00"). */
export type BusinessCalendarInput = z.input<typeof businessCalendarSchema>;

type DeepReadonly<T> = T extends (infer U)[] ? readonly DeepReadonly<U>[] : T extends object ? { readonly [K in keyof T]: DeepReadonly<T[K]> } : T;

/** A validated, frozen calendar: plain data, safe to serialise, share and cache by identity. */
export type BusinessCalendar = DeepReadonly<z.output<typeof businessCalendarSchema>>;
/** A working interval of a day, `HH:mm` to `HH:mm` local time. */
export type TimeInterval = BusinessCalendar['schedules'][number]['hours'][number];
/** A weekly schedule: working days and hours from a Solar Hijri date on. */
export type Schedule = BusinessCalendar['schedules'][number];
/** A holiday as the calendar holds it. */
export type Holiday = DeepReadonly<z.output<typeof holidaySchema>>;
/** An office closure (a day or part of one), e.g. for air pollution, with its scope. */
export type Closure = DeepReadonly<z.output<typeof closureSchema>>;
/** A day with shorter working hours than the schedule, e.g. during Ramadan. */
export type ShortenedDay = DeepReadonly<z.output<typeof shortenedDaySchema>>;
/** What a province changes in the national calendar: its own holidays, closures and schedules. */
export type ProvinceOverrides = BusinessCalendar['provinces'][string];
/** A text in Persian and English. */
export type CalendarText = DeepReadonly<z.output<typeof localizedText>>;
