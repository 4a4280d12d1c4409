/** The scale suite's workflow settings, shared by the suite and its worker process. */

/** Long enough that no deadline created during the suite falls due while it runs. */
export const SCALE_DECISION_DEADLINE_MS = 365 * 24 * 3600_000;
