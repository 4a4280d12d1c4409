/** What the timers benchmark hands each worker process (as JSON on its command line). */
export interface WorkerConfig {
  variant: 'statdesk' | 'pg-boss' | 'set-based';
  databaseUrl: string;
  /** The run's schema, holding statdesk's tables. */
  schema: string;
  tenantId: string;
  workerId: string;
  /** Timers claimed at a time: statdesk's `timers.batchSize`, pg-boss's `batchSize`. */
  claimSize: number;
  /** statdesk's `timers.deliveriesPerTransaction`. */
  deliveriesPerTransaction: number;
  /** How long an idle worker waits before polling again. */
  pollIntervalMs: number;
  /** pg-boss only: its schema and queue. */
  pgBossSchema: string;
  queue: string;
}
