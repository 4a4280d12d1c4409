/**
 * The contract between the benchmark runner (`bench/run.ts`) and its suites (`bench/suites/<id>.ts`).
 * Each suite module default-exports a {@link BenchSuite}; the runner calls them one after another
 * and writes what they return to `bench/results/latest.json`.
 */

/** One measured pair: statdesk against a baseline, run side by side in the same process or run. */
export interface BenchResult {
  /** The suite id, e.g. `durable-postgres`. */
  id: string;
  /** What was measured, e.g. `commands/s, 8 clients`. */
  metric: string;
  /** Unit of `statdesk` and `baseline`, e.g. `commands/s` or `ms`. */
  unit: string;
  /** Median figure for statdesk. */
  statdesk: number;
  /** Median figure for the baseline. */
  baseline: number;
  /** What the baseline is, e.g. `hand-written pg`. */
  baselineName: string;
  /** statdesk ÷ baseline for throughputs (higher is better), baseline ÷ statdesk for latencies. */
  ratio: number;
  /** The ratio the issue asks for (the result passes when `ratio >= target`). */
  target: number;
  /** Whether the target is met. */
  pass: boolean;
  /** Anything a reader needs to interpret the figure (sizes used in quick mode, rounds, settings). */
  note?: string;
}

/** What the runner hands every suite. */
export interface BenchContext {
  /** Quick mode: fewer and shorter rounds, smaller sizes (the whole run must finish in under three minutes). */
  quick: boolean;
  /** PostgreSQL server to use; each suite works in its own schema or database and drops it afterwards. */
  databaseUrl: string;
  /** Progress output (to stderr, so the table on stdout stays clean). */
  log(message: string): void;
}

/** A suite module's default export. */
export type BenchSuite = (context: BenchContext) => Promise<BenchResult[]>;

/** Ratio for a throughput (higher is better): statdesk ÷ baseline. */
export function throughputRatio(statdesk: number, baseline: number): number {
  return statdesk / baseline;
}

/** Ratio for a latency (lower is better): baseline ÷ statdesk. */
export function latencyRatio(statdesk: number, baseline: number): number {
  return baseline / statdesk;
}
