/** Errors raised by the business calendar. Both carry a stable `code` for programmatic handling. */

export interface CalendarIssue {
  /** Dotted path into the calendar input, e.g. `"holidays.1404.2.date"`; `""` for the root. */
  readonly path: string;
  /** What is wrong there. */
  readonly message: string;
}

/** The calendar data given to `defineBusinessCalendar` is invalid; `issues` name each bad path. */
export class CalendarDefinitionError extends Error {
  /** Stable error code. */
  readonly code = 'calendar-definition' as const;
  /** Every problem found, each with its path. */
  readonly issues: readonly CalendarIssue[];

  constructor(issues: readonly CalendarIssue[]) {
    const shown = issues
      .slice(0, 5)
      .map((i) => `${i.path || '(root)'}: ${i.message}`)
      .join('; ');
    super(`Invalid business calendar: ${shown}${issues.length > 5 ? ` (and ${issues.length - 5} more)` : ''}`);
    this.name = 'CalendarDefinitionError';
    this.issues = Object.freeze([...issues]);
  }
}

/** Why business-time arithmetic failed. */
export type BusinessTimeErrorCode =
  /** The search for working time ran past the guard (the calendar has no working time ahead). */
  | 'no-working-time'
  /** A province was asked for that the calendar does not define. */
  | 'unknown-province'
  /** A duration that is negative, not finite, or not exactly one of minutes/hours/days. */
  | 'invalid-duration'
  /** An instant that is not a valid Date. */
  | 'invalid-instant'
  /** The computation left the Solar Hijri years the calendar can convert. */
  | 'out-of-range'
  /** An option combination that has no defined meaning (e.g. paused segments with working days). */
  | 'unsupported';

/** Business-time arithmetic could not produce an answer. */
export class BusinessTimeError extends Error {
  /** Why the arithmetic failed. */
  readonly code: BusinessTimeErrorCode;

  constructor(code: BusinessTimeErrorCode, message: string) {
    super(message);
    this.name = 'BusinessTimeError';
    this.code = code;
  }
}
