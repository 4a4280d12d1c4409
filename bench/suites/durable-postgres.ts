/**
 * durable-postgres: durable commands per second on PostgreSQL through the MikroORM adapter
 * against hand-written `pg` SQL doing exactly the same writes in one transaction (read the
 * instance, compare-and-set update, history row, outbox row, timer row), at 1 and 8 concurrent
 * clients, alternating the two after a warm-up. Target ≥ 0.8. Tables go into a throwaway
 * schema. BENCH_SYNC_COMMIT=off measures without waiting for the WAL flush.
 */
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { mikroOrmStorage } from '@statdesk/storage-mikro-orm';
import { clientInstance, benchSnapshot, DAY_MS, seedInstances, SequenceCounter, storagePortCommand, TENANT_ID, TIMER_KEY } from '../durable/command-writes';
import { compareDurableCommands } from '../durable/compare-durable';
import type { Variant } from '../harness';
import type { BenchSuite } from '../suite';

const TARGET = 0.8;
const CONCURRENCY = [1, 8];

const durablePostgres: BenchSuite = async ({ quick, databaseUrl, log }) => {
  const rounds = quick ? 3 : 7;
  const durationMs = quick ? 500 : 2_000;
  const syncCommit = process.env.BENCH_SYNC_COMMIT === 'off' ? 'off' : 'on';
  const maxClients = Math.max(...CONCURRENCY);
  const schema = `bench_durable_${process.pid}`;

  const admin = new pg.Client({ connectionString: databaseUrl });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  const storage = await mikroOrmStorage({
    driver: 'postgresql', clientUrl: databaseUrl, schema, migrate: true, pool: { max: maxClients }, settings: { synchronous_commit: syncCommit },
  }).catch(async (error: unknown) => {
    await admin.query(`DROP SCHEMA ${schema} CASCADE`);
    await admin.end();
    throw error;
  });
  const raw = new pg.Pool({ connectionString: databaseUrl, options: `-c search_path=${schema} -c synchronous_commit=${syncCommit}`, max: maxClients });
  try {
    // Both sides really run with the setting asked for.
    const adapterSetting = (await storage.orm.em.getConnection().execute('SHOW synchronous_commit')) as { synchronous_commit: string }[];
    const rawSetting = (await raw.query('SHOW synchronous_commit')).rows as { synchronous_commit: string }[];
    for (const [side, rows] of [['adapter', adapterSetting], ['pg', rawSetting]] as const) {
      if (rows[0]?.synchronous_commit !== syncCommit) throw new Error(`${side} connections did not take synchronous_commit=${syncCommit}`);
    }
    await seedInstances(storage, maxClients);
    const seqs = new SequenceCounter();
    const adapter = storagePortCommand(storage, seqs, 'mikro-orm adapter');
    const handWritten = handWrittenPg(raw, seqs);

    return await compareDurableCommands({
      id: 'durable-postgres', adapter, baseline: handWritten, baselineName: 'hand-written pg SQL', baselineLabel: 'pg',
      concurrency: CONCURRENCY, rounds, durationMs, target: TARGET, settings: `synchronous_commit=${syncCommit}`, log,
    });
  } finally {
    await storage.close();
    await raw.end();
    await admin.query(`DROP SCHEMA ${schema} CASCADE`);
    await admin.end();
  }
};

/** The baseline: the same writes as hand-written SQL on a `pg` pool, in one transaction. */
function handWrittenPg(pool: pg.Pool, seqs: SequenceCounter): Variant {
  return {
    name: 'hand-written pg',
    async op(client, n) {
      const instanceId = clientInstance(client);
      const seq = seqs.next(instanceId);
      const now = new Date();
      const c = await pool.connect();
      try {
        await c.query('BEGIN ISOLATION LEVEL READ COMMITTED');
        // The whole row, snapshot included: a command needs it to compute the transition.
        const { rows } = await c.query('SELECT * FROM statdesk_instances WHERE tenant_id = $1 AND id = $2', [TENANT_ID, instanceId]);
        const current = rows[0] as { version: number; history_hash: string };
        const updated = await c.query(
          `UPDATE statdesk_instances SET state = $1, status = $2, snapshot = $3, version = $4, history_seq = $5, history_hash = $6, updated_at = $7
           WHERE tenant_id = $8 AND id = $9 AND version = $10`,
          ['submitted', 'active', JSON.stringify(benchSnapshot(n)), current.version + 1, seq, `h${seq}`, now, TENANT_ID, instanceId, current.version],
        );
        if (updated.rowCount !== 1) throw new Error('conflict');
        await c.query(
          `INSERT INTO statdesk_history (tenant_id, instance_id, seq, at, actor_id, actor_role, event_type, from_state, to_state, definition_version, payload, prev_hash, hash)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
          [TENANT_ID, instanceId, seq, now, 'officer-1', 'officer', 'requestInfo', 'submitted', 'awaitingApplicant', '1', JSON.stringify({ question: 'Which years?' }), current.history_hash, `h${seq}`],
        );
        await c.query(
          `INSERT INTO statdesk_outbox (id, tenant_id, instance_id, type, payload, idempotency_key, status, attempts, next_attempt_at, last_error, created_at, completed_at)
           VALUES ($1, $2, $3, $4, $5, $6, 'pending', 0, $7, NULL, $7, NULL)`,
          [randomUUID(), TENANT_ID, instanceId, 'notify', JSON.stringify({ template: 'review.question', channel: 'email' }), `${TENANT_ID}:${instanceId}:${seq}:0`, now],
        );
        await c.query(
          `INSERT INTO statdesk_timers (id, tenant_id, instance_id, "key", due_at, event, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)
           ON CONFLICT (tenant_id, instance_id, "key") DO UPDATE SET id = excluded.id, due_at = excluded.due_at, event = excluded.event, created_at = excluded.created_at`,
          [randomUUID(), TENANT_ID, instanceId, TIMER_KEY, new Date(now.getTime() + DAY_MS), JSON.stringify({ type: TIMER_KEY }), now],
        );
        await c.query('COMMIT');
      } catch (error) {
        await c.query('ROLLBACK');
        throw error;
      } finally {
        c.release();
      }
    },
  };
}

export default durablePostgres;
