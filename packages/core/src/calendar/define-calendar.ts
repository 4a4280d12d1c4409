/** Turning calendar input into a validated, deeply frozen `BusinessCalendar`. */
import { businessCalendarSchema, type BusinessCalendar, type BusinessCalendarInput } from './calendar.schema';
import { CalendarDefinitionError, type CalendarIssue } from './errors';

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/**
 * Validates `input` and returns the calendar it describes, deeply frozen (calendars are values:
 * to change one, define a new one with a new `version`). Throws `CalendarDefinitionError`
 * listing every problem with its path.
 */
export function defineBusinessCalendar(input: BusinessCalendarInput): BusinessCalendar {
  const parsed = businessCalendarSchema.safeParse(input);
  if (!parsed.success) {
    const issues: CalendarIssue[] = [];
    for (const issue of parsed.error.issues) {
      const base = issue.path.map(String);
      // Unknown keys are reported on their parent; name the key itself, it is what to fix.
      if (issue.code === 'unrecognized_keys') {
        for (const key of issue.keys) issues.push({ path: [...base, key].join('.'), message: `unknown field "${key}"` });
      } else {
        issues.push({ path: base.join('.'), message: issue.message });
      }
    }
    throw new CalendarDefinitionError(issues);
  }
  return deepFreeze(parsed.data) as BusinessCalendar;
}
