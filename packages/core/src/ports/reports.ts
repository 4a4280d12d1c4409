/**
 * The report side of the storage port: SLA outcomes written with the transition that decided
 * them, and aggregate reads over a period (SLA compliance, volumes, revenue, satisfaction).
 *
 * Contract (checked by `describeReportConformance` in `@statdesk/testing/conformance`):
 * - Every read is scoped to `period.tenantId` and to instants in `[period.from, period.to)`;
 *   it aggregates in the backend (SQL `GROUP BY`, window functions) and returns only the
 *   aggregated rows, never instances or history.
 * - `recordSlaOutcomes` inserts, or replaces the row with the same (tenant, instance, policy,
 *   target, cycle): a target first breached and then stopped late is one row, updated.
 * - SLA compliance counts an outcome in the period holding its `decidedAt`. The median and p90
 *   are nearest-rank percentiles (the value at rank ⌈p·n⌉ of the met targets' `elapsedMs`,
 *   ascending), so every adapter returns exactly the same figure.
 * - Amounts are Rial as `bigint`; sums never lose precision.
 * - Rows come back sorted as each method says, so two adapters return equal arrays.
 */

/** A target met (stopped within its budget) or breached (its budget was used up). */
export type SlaOutcome = 'met' | 'breached';

/** One SLA target's outcome on one instance (per clock cycle), as the engine records it. */
export interface SlaOutcomeRecord {
  /** The tenant. */
  tenantId: string;
  /** The instance. */
  instanceId: string;
  /** The instance's workflow, e.g. `information-order`. */
  workflow: string;
  /** The SLA policy id. */
  policy: string;
  /** The target's name. */
  target: string;
  /** The clock's cycle (0 first; +1 per reset restart). */
  cycle: number;
  /** Met or breached. */
  outcome: SlaOutcome;
  /** Met: when the clock stopped. Breached: the deadline, the instant the budget ran out. */
  decidedAt: Date;
  /** When the clock stopped; null while a breached clock still runs. */
  stoppedAt: Date | null;
  /** Time the clock ran until it stopped, in its own measure (business or wall); null while running. */
  elapsedMs: number | null;
  /** Business time over the calendar, or wall-clock time. */
  clock: 'business' | 'wall';
  /** True for a best-effort objective. */
  bestEffort: boolean;
}

/** A tenant's half-open period `[from, to)` of UTC instants. */
export interface ReportPeriod {
  /** The tenant. */
  tenantId: string;
  /** First instant included. */
  from: Date;
  /** First instant after the period. */
  to: Date;
}

/** SLA compliance of one target of one workflow in a period. Sorted by workflow, policy, target. */
export interface SlaComplianceCount {
  /** The workflow. */
  workflow: string;
  /** The SLA policy id. */
  policy: string;
  /** The target's name. */
  target: string;
  /** The clock's measure. */
  clock: 'business' | 'wall';
  /** True for a best-effort objective. */
  bestEffort: boolean;
  /** Targets met in the period. */
  met: number;
  /** Targets breached in the period (by deadline). */
  breached: number;
  /** Nearest-rank median of the met targets' elapsed time (ms, in the clock's measure); null when none was met. */
  medianMsToMeet: number | null;
  /** Nearest-rank 90th percentile of the same. */
  p90MsToMeet: number | null;
}

/** Instances created in a period, by workflow, kind and current state. Sorted by workflow, kind (nulls first), state. */
export interface VolumeCount {
  /** The workflow (the office's channel). */
  workflow: string;
  /** The `kind` field of the creating input (a complaint's kind), or null. */
  kind: string | null;
  /** The instance's current state. */
  state: string;
  /** How many. */
  count: number;
}

/**
 * A line of revenue: the history rows of `eventType` on instances of `workflow`, each counted
 * with the amount in field `amountField` of the newest row of `amountEventType` at or before it
 * (the same row when both event types are equal). The field holds a bigint as the engine encodes
 * it (`{"$bigint": "…"}`) or a plain integer.
 */
export interface RevenueLine {
  /** The line's name in the result, e.g. `quotesPaid`. */
  name: string;
  /** The workflow. */
  workflow: string;
  /** The event that books the amount, e.g. `verifyPayment`. */
  eventType: string;
  /** The event carrying the amount, e.g. `submitReceipt`. */
  amountEventType: string;
  /** The amount's field in that event's payload. */
  amountField: string;
}

/** One revenue line's total in a period. Returned in the order the lines were asked for. */
export interface RevenueTotal {
  /** The line's name. */
  name: string;
  /** How many events. */
  count: number;
  /** Their sum, in Rial. */
  amountRial: bigint;
}

/** Which history rows carry a satisfaction score: `eventType` on `workflow`, the score in `scoreField`. */
export interface SatisfactionSource {
  /** The workflow, e.g. `complaint`. */
  workflow: string;
  /** The rating event, e.g. `rate`. */
  eventType: string;
  /** The integer score's field, e.g. `score`. */
  scoreField: string;
}

/** How many ratings of one score were given in a period. Sorted by score. */
export interface SatisfactionCount {
  /** The score. */
  score: number;
  /** How many times it was given. */
  count: number;
}

/** The report reads every `Storage` offers (see the module contract above). */
export interface ReportReads {
  /** SLA outcomes decided in the period, per workflow, policy and target. */
  reportSlaCompliance(period: ReportPeriod): Promise<SlaComplianceCount[]>;
  /** Instances created in the period; `kindField` names the creating input's kind (default `kind`). */
  reportVolumes(period: ReportPeriod, kindField?: string): Promise<VolumeCount[]>;
  /** Each line's count and sum over rows recorded in the period. */
  reportRevenue(period: ReportPeriod, lines: readonly RevenueLine[]): Promise<RevenueTotal[]>;
  /** Ratings recorded in the period, per score. */
  reportSatisfaction(period: ReportPeriod, source: SatisfactionSource): Promise<SatisfactionCount[]>;
}
