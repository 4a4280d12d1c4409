/**
 * One worker process of the multi-process test: a real desk on the shared PostgreSQL database,
 * delivering due timers and dispatching the outbox until there is nothing left, then printing
 * what it did as one JSON line. Effects of type `record` are written to a deliveries table.
 *
 *   node --import tsx --conditions=source multi-process-worker.ts <databaseUrl> <schema> <workerId>
 */
import { MikroORM } from '@mikro-orm/core';
import { PostgreSqlDriver } from '@mikro-orm/postgresql';
import { createDesk } from '@statdesk/core';
import { mikroOrmStorage, statdeskEntities } from '@statdesk/storage-mikro-orm';
import pg from 'pg';
import { reviewWorkflow } from '../../../core/test/engine/review.workflow';

const [url, schema, workerId] = process.argv.slice(2);
if (!url || !schema || !workerId) throw new Error('usage: multi-process-worker.ts <databaseUrl> <schema> <workerId>');

// The application's own ORM, handed to the storage. Commits skip the WAL flush wait: this test is
// about who delivers what (locking and visibility are unchanged), not about surviving power loss,
// and without it 40,000 fsyncs on a shared 2-core machine dominate the run.
const connection = { options: `-c synchronous_commit=off` };
const orm = await MikroORM.init({
  driver: PostgreSqlDriver,
  clientUrl: url,
  entities: statdeskEntities,
  pool: { min: 0, max: 3 },
  driverOptions: { searchPath: [schema], connection },
});
const storage = await mikroOrmStorage({ orm, schema });
const deliveries = new pg.Pool({ connectionString: url, options: `-c search_path=${schema} -c synchronous_commit=off`, max: 1 });
const desk = createDesk({
  storage,
  workflows: [reviewWorkflow({ decisionDeadlineMs: 60_000 })],
  outbox: { afterCommit: 'off', leaseMs: 60_000 },
  timers: { leaseMs: 60_000 },
  effects: {
    record: async (effect) => {
      await deliveries.query('INSERT INTO mp_deliveries (outbox_id, idempotency_key, worker) VALUES ($1, $2, $3)', [effect.id, effect.idempotencyKey, workerId]);
    },
  },
  logger: { warn: () => {}, error: (message, fields) => process.stderr.write(`${message} ${JSON.stringify(fields)}\n`) },
});

const done = { worker: workerId, timers: 0, skipped: 0, failed: 0, outbox: 0 };
// Stop after a few rounds in a row that found nothing (other workers may still hold leases,
// but they complete what they hold; nothing new is created after the seed).
for (let idle = 0; idle < 3; ) {
  const timers = await desk.runDueTimers({ limit: 50 });
  const outbox = await desk.dispatchOutbox({ limit: 100 });
  done.timers += timers.delivered;
  done.skipped += timers.skipped;
  done.failed += timers.failed + outbox.retried + outbox.dead;
  done.outbox += outbox.sent;
  const worked = timers.delivered + timers.skipped + timers.failed + outbox.sent + outbox.retried + outbox.dead;
  idle = worked ? 0 : idle + 1;
  if (!worked) await new Promise((r) => setTimeout(r, 50)); // poll interval, as a live worker would
}
process.stdout.write(`${JSON.stringify(done)}\n`);
await deliveries.end();
await orm.close(true);
