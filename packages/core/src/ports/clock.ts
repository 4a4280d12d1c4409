/**
 * The clock port. The engine reads time only through it, so a test clock moves every deadline,
 * timer and history timestamp together.
 *
 * Contract: `now()` returns the current instant; successive calls never go backwards.
 */
export interface Clock {
  /** The current instant (UTC). */
  now(): Date;
}

/** The real wall clock. */
export const systemClock: Clock = {
  now: () => new Date(),
};
