/**
 * One measured round of one variant: a fresh schema with `count` requests whose timers are all
 * due, two worker processes released at one instant, and the time until together they have made
 * every escalation durable. Afterwards every request must have escalated exactly once.
 */
import PgBoss from 'pg-boss';
import { createBenchSchema, instanceIdOf, seedRequests, TENANT, verifyEscalated } from './bench-schema';
import type { WorkerConfig } from './worker-config';
import { WorkerPool } from './worker-pool';

export type Variant = WorkerConfig['variant'];

export interface RoundOptions {
  databaseUrl: string;
  variant: Variant;
  count: number;
  workers: number;
  /** Claimed at a time: statdesk's `timers.batchSize`, pg-boss's `batchSize`. */
  claimSize: number;
  /** statdesk only. */
  deliveriesPerTransaction: number;
  pollIntervalMs: number;
}

const QUEUE = 'escalate';

export interface RoundResult {
  /** Timers per second over the round. */
  perSecond: number;
  /** Worker CPU (both processes, user + system) per timer, in ms. */
  cpuMsPerTimer: number;
}

export async function throughputRound(options: RoundOptions): Promise<RoundResult> {
  const schema = await createBenchSchema(options.databaseUrl, options.variant.replace('-', ''));
  const pgBossSchema = `${schema.name}_boss`;
  try {
    // Due one millisecond apart (all in the past), as timers scheduled over time are: ties in
    // due time would make every variant's "soonest first" a sort of everything due.
    const due = new Date(Date.now() - 10_000 - options.count);
    if (options.variant === 'pg-boss') {
      await seedRequests(schema, { count: options.count });
      await seedJobs(options.databaseUrl, pgBossSchema, options.count, due);
    } else {
      await seedRequests(schema, { count: options.count, timers: { firstDue: due, spacingMs: 1 } });
    }
    const pool = await WorkerPool.start(
      Array.from({ length: options.workers }, (_, i) => ({
        variant: options.variant,
        databaseUrl: options.databaseUrl,
        schema: schema.name,
        tenantId: TENANT,
        workerId: `${options.variant}-${i + 1}`,
        claimSize: options.claimSize,
        deliveriesPerTransaction: options.deliveriesPerTransaction,
        pollIntervalMs: options.pollIntervalMs,
        pgBossSchema,
        queue: QUEUE,
      })),
    );
    let elapsedMs: number;
    try {
      const start = pool.go();
      elapsedMs = (await pool.reached(options.count, 600_000)) - start;
    } finally {
      await pool.stop();
    }
    await verifyEscalated(schema, options.count);
    return { perSecond: options.count / (elapsedMs / 1000), cpuMsPerTimer: pool.cpuMs / options.count };
  } finally {
    await schema.client.query(`DROP SCHEMA IF EXISTS ${pgBossSchema} CASCADE`);
    await schema.drop();
  }
}

/** pg-boss's own schema and one job per request, all due. */
async function seedJobs(databaseUrl: string, pgBossSchema: string, count: number, due: Date): Promise<void> {
  const boss = new PgBoss({ connectionString: databaseUrl, schema: pgBossSchema, max: 2, supervise: false, schedule: false });
  boss.on('error', () => {});
  await boss.start();
  await boss.createQueue(QUEUE);
  const chunk = 10_000;
  for (let from = 1; from <= count; from += chunk) {
    const jobs = Array.from({ length: Math.min(chunk, count - from + 1) }, (_, i) => ({ name: QUEUE, data: { instanceId: instanceIdOf(from + i) }, startAfter: due }));
    await boss.insert(jobs);
  }
  await boss.getDb().executeSql(`ANALYZE ${pgBossSchema}.job`, []);
  await boss.stop({ graceful: false, close: true, wait: true });
}
