export {
  businessCalendarSchema,
  scheduleSchema,
  holidaySchema,
  closureSchema,
  shortenedDaySchema,
  provinceSchema,
  solarDateSchema,
  timeIntervalSchema,
  DEFAULT_WORK_DAYS,
  DEFAULT_WORKING_HOURS,
  type BusinessCalendar,
  type BusinessCalendarInput,
  type TimeInterval,
  type Schedule,
  type Holiday,
  type Closure,
  type ShortenedDay,
  type ProvinceOverrides,
  type CalendarText,
} from './calendar.schema';
export { defineBusinessCalendar } from './define-calendar';
export { CalendarDefinitionError, BusinessTimeError, type CalendarIssue, type BusinessTimeErrorCode } from './errors';
export type { CalendarWarning } from './warnings';
export { SOLAR_HOLIDAY_RULES, solarHolidaysOfYear } from './holidays';
export {
  resolveDay,
  solarDateOf,
  loadedHolidayYears,
  type CalendarOptions,
  type WorkingPeriod,
  type DayHoliday,
  type ResolvedDay,
} from './calendar';
export {
  addBusinessTime,
  businessTimeBetween,
  workingDaysBetween,
  workingPeriods,
  nextWorkingInstant,
  isWorkingInstant,
  MAX_DAYS_WITHOUT_WORK,
  type BusinessDuration,
  type ExcludedSegment,
  type BusinessTimeOptions,
  type WorkingDayMode,
  type AddBusinessTimeOptions,
  type BusinessInstantResult,
  type AddBusinessTimeResult,
  type BusinessTimeSpan,
  type WorkingDaysResult,
  type WorkingPeriodsResult,
} from './business-time';
export { iranGovernmentCalendar, IRAN_GOVERNMENT_CALENDAR_INPUT } from './iran-calendar';
export type { SolarDate, SolarDateString, Weekday } from './solar-date';
