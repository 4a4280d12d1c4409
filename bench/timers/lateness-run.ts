/**
 * Lateness under a steady load: `rate` timers per second fall due one after another for
 * `seconds`, two statdesk worker processes deliver them, and a listener records when each
 * escalation became visible to other sessions — a trigger on the history table sends a
 * notification, which PostgreSQL delivers only when the transaction commits. Lateness is that
 * instant minus the timer's due time; a timer never delivered counts as infinitely late.
 */
import pg from 'pg';
import { createBenchSchema, seedRequests, TENANT } from './bench-schema';
import { WorkerPool } from './worker-pool';

export interface LatenessOptions {
  databaseUrl: string;
  rate: number;
  seconds: number;
  /** Timers due at once before the measured ones, so the workers' code is warm (not measured). */
  warmup: number;
  workers: number;
  claimSize: number;
  deliveriesPerTransaction: number;
  pollIntervalMs: number;
}

export interface LatenessResult {
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  delivered: number;
  count: number;
}

export async function latencyUnderLoad(options: LatenessOptions): Promise<LatenessResult> {
  const count = Math.round(options.rate * options.seconds);
  const total = count + options.warmup;
  const spacingMs = 1000 / options.rate;
  const schema = await createBenchSchema(options.databaseUrl, 'lateness');
  const channel = `${schema.name}_escalated`;
  const listener = new pg.Client({ connectionString: options.databaseUrl });
  try {
    // Not due until the workers are up; re-timed just before they are released.
    await seedRequests(schema, { count: total, timers: { firstDue: new Date(Date.now() + 86_400_000), spacingMs } });
    await schema.client.query(`CREATE FUNCTION notify_escalated() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN PERFORM pg_notify('${channel}', NEW.instance_id); RETURN NEW; END $$`);
    await schema.client.query('CREATE TRIGGER escalated AFTER INSERT ON statdesk_history FOR EACH ROW WHEN (NEW.seq = 2) EXECUTE FUNCTION notify_escalated()');

    let firstDue = 0;
    const lateness: number[] = [];
    await listener.connect();
    listener.on('notification', (message) => {
      const g = Number(message.payload?.slice('req-'.length));
      if (g <= count) lateness.push(Date.now() - (firstDue + (g - 1) * spacingMs));
    });
    await listener.query(`LISTEN "${channel}"`);

    const pool = await WorkerPool.start(
      Array.from({ length: options.workers }, (_, i) => ({
        variant: 'statdesk' as const,
        databaseUrl: options.databaseUrl,
        schema: schema.name,
        tenantId: TENANT,
        workerId: `lateness-${i + 1}`,
        claimSize: options.claimSize,
        deliveriesPerTransaction: options.deliveriesPerTransaction,
        pollIntervalMs: options.pollIntervalMs,
        pgBossSchema: '',
        queue: '',
      })),
    );
    try {
      // The warm-up timers are due now; the measured ones from a moment after they are done.
      await schema.client.query(`UPDATE statdesk_timers SET due_at = now() - interval '1 second' WHERE substr(id, 7)::int > $1`, [count]);
      pool.go();
      await pool.reached(options.warmup, 120_000);
      firstDue = Date.now() + 1_000;
      await schema.client.query(
        `UPDATE statdesk_timers SET due_at = $1::timestamptz + (substr(id, 7)::int - 1) * $2 * interval '1 millisecond' WHERE substr(id, 7)::int <= $3`,
        [new Date(firstDue), spacingMs, count],
      );
      // Until the last one is due, and then a grace period for the stragglers.
      await pool.reached(total, firstDue + options.seconds * 1000 + 10_000 - Date.now()).catch(() => undefined);
      await new Promise((resolve) => setTimeout(resolve, 200)); // the last notifications
    } finally {
      await pool.stop();
    }
    const sorted = [...lateness].sort((a, b) => a - b);
    const at = (q: number) => {
      const index = Math.ceil(q * count) - 1;
      return index < sorted.length ? sorted[Math.max(0, index)]! : Number.POSITIVE_INFINITY;
    };
    return { p50Ms: at(0.5), p99Ms: at(0.99), maxMs: sorted.length === count ? sorted[sorted.length - 1]! : Number.POSITIVE_INFINITY, delivered: sorted.length, count };
  } finally {
    await listener.end().catch(() => {});
    await schema.drop();
  }
}
