/**
 * Durable commands per second on PostgreSQL: the MikroORM storage adapter (A) against
 * hand-written `pg` SQL (B) doing exactly the same writes in one transaction — read the
 * instance, compare-and-set update of a ~1 KB JSONB snapshot, a history row, an outbox row and a
 * timer row — at 1 and 8 concurrent clients, alternating A and B after a warm-up.
 *
 *   npx tsx --conditions=source bench/durable-postgres.ts
 *
 * DATABASE_URL picks the server (default: the local one). Tables go into a throwaway schema.
 * BENCH_ROUND_MS, BENCH_ROUNDS and BENCH_SYNC_COMMIT=off tune the run.
 */
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import type { InstanceRecord, JsonValue } from '@statdesk/core';
import { mikroOrmStorage } from '@statdesk/storage-mikro-orm';
import { compare, type Variant } from './harness';

const url = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const roundMs = Number(process.env.BENCH_ROUND_MS ?? 2_000);
const rounds = Number(process.env.BENCH_ROUNDS ?? 5);
const syncCommit = process.env.BENCH_SYNC_COMMIT === 'off' ? 'off' : 'on';
const CONCURRENCY = [1, 8];
const MAX_CLIENTS = Math.max(...CONCURRENCY);
const schema = `bench_durable_${process.pid}`;
const tenantId = 'bench';

const admin = new pg.Client({ connectionString: url });
await admin.connect();
await admin.query(`CREATE SCHEMA ${schema}`);
const storage = await mikroOrmStorage({
  driver: 'postgresql', clientUrl: url, schema, migrate: true, pool: { max: MAX_CLIENTS }, settings: { synchronous_commit: syncCommit },
});
const raw = new pg.Pool({ connectionString: url, options: `-c search_path=${schema} -c synchronous_commit=${syncCommit}`, max: MAX_CLIENTS });
// Both sides really run with the setting asked for.
for (const [side, rows] of [
  ['adapter', (await storage.orm.em.getConnection().execute('SHOW synchronous_commit')) as { synchronous_commit: string }[]],
  ['pg', (await raw.query('SHOW synchronous_commit')).rows as { synchronous_commit: string }[]],
] as const) {
  if (rows[0]?.synchronous_commit !== syncCommit) throw new Error(`${side} connections did not take synchronous_commit=${syncCommit}`);
}

/** A snapshot of about 1 KB, different on every write. */
function snapshot(n: number): JsonValue {
  return {
    status: 'active',
    value: { consultation: 'awaitingApplicant' },
    context: {
      title: 'Census tables by province, 1395-1400',
      amount: { $bigint: String(1_200_000 + n) },
      applicantId: 'citizen-1',
      questions: n % 3,
      lines: Array.from({ length: 8 }, (_, i) => ({ rule: `tier-${i}`, quantity: i * 10 + (n % 7), unit: { $bigint: '35' }, note: 'per record' })),
      notes: 'x'.repeat(200),
    },
    historyValue: {},
    children: {},
  };
}

const instances: InstanceRecord[] = [];
const T0 = new Date();
await storage.transaction(async (tx) => {
  for (let i = 0; i < MAX_CLIENTS; i++) {
    const record: InstanceRecord = {
      tenantId, id: `bench-${i}`, workflow: 'bench', definitionVersion: '1', state: 'submitted', status: 'active', ownerId: 'citizen-1',
      snapshot: snapshot(0), version: 1, historySeq: 1, historyHash: 'h1', keys: [], createdAt: T0, updatedAt: T0,
    };
    await tx.insertInstance(record);
    instances.push(record);
  }
});
// Each client owns one instance, so both variants measure commits, not conflicts.
const seqs = new Map<string, number>(instances.map((r) => [r.id, 1]));
const nextSeq = (id: string) => {
  const seq = seqs.get(id)! + 1;
  seqs.set(id, seq);
  return seq;
};

const adapter: Variant = {
  name: 'mikro-orm adapter',
  async op(client, n) {
    const ref = { tenantId, instanceId: `bench-${client}` };
    const seq = nextSeq(ref.instanceId);
    const now = new Date();
    await storage.transaction(async (tx) => {
      const record = (await tx.loadInstance(ref))!;
      await tx.updateInstance({ ...record, snapshot: snapshot(n), version: record.version + 1, historySeq: seq, historyHash: `h${seq}`, updatedAt: now }, record.version);
      await tx.appendHistory({
        tenantId, instanceId: ref.instanceId, seq, at: now, actorId: 'officer-1', actorRole: 'officer', eventType: 'requestInfo',
        fromState: 'submitted', toState: 'awaitingApplicant', definitionVersion: '1', payload: { question: 'Which years?' }, prevHash: record.historyHash, hash: `h${seq}`,
      });
      await tx.enqueueOutbox([{
        id: randomUUID(), tenantId, instanceId: ref.instanceId, type: 'notify', payload: { template: 'review.question', channel: 'email' },
        idempotencyKey: `${tenantId}:${ref.instanceId}:${seq}:0`, status: 'pending', attempts: 0, nextAttemptAt: now, lastError: null, createdAt: now, completedAt: null,
      }]);
      await tx.putTimer({
        id: randomUUID(), tenantId, instanceId: ref.instanceId, key: 'xstate.after.decisionDeadline.review.submitted',
        dueAt: new Date(now.getTime() + 86_400_000), event: { type: 'xstate.after.decisionDeadline.review.submitted' }, createdAt: now,
      });
    });
  },
};

const handWritten: Variant = {
  name: 'hand-written pg',
  async op(client, n) {
    const instanceId = `bench-${client}`;
    const seq = nextSeq(instanceId);
    const now = new Date();
    const c = await raw.connect();
    try {
      await c.query('BEGIN ISOLATION LEVEL READ COMMITTED');
      // The whole row, snapshot included: a command needs it to compute the transition.
      const { rows } = await c.query('SELECT * FROM statdesk_instances WHERE tenant_id = $1 AND id = $2', [tenantId, instanceId]);
      const current = rows[0] as { version: number; history_hash: string };
      const updated = await c.query(
        `UPDATE statdesk_instances SET state = $1, status = $2, snapshot = $3, version = $4, history_seq = $5, history_hash = $6, updated_at = $7
         WHERE tenant_id = $8 AND id = $9 AND version = $10`,
        ['submitted', 'active', JSON.stringify(snapshot(n)), current.version + 1, seq, `h${seq}`, now, tenantId, instanceId, current.version],
      );
      if (updated.rowCount !== 1) throw new Error('conflict');
      await c.query(
        `INSERT INTO statdesk_history (tenant_id, instance_id, seq, at, actor_id, actor_role, event_type, from_state, to_state, definition_version, payload, prev_hash, hash)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
        [tenantId, instanceId, seq, now, 'officer-1', 'officer', 'requestInfo', 'submitted', 'awaitingApplicant', '1', JSON.stringify({ question: 'Which years?' }), current.history_hash, `h${seq}`],
      );
      await c.query(
        `INSERT INTO statdesk_outbox (id, tenant_id, instance_id, type, payload, idempotency_key, status, attempts, next_attempt_at, last_error, created_at, completed_at)
         VALUES ($1, $2, $3, $4, $5, $6, 'pending', 0, $7, NULL, $7, NULL)`,
        [randomUUID(), tenantId, instanceId, 'notify', JSON.stringify({ template: 'review.question', channel: 'email' }), `${tenantId}:${instanceId}:${seq}:0`, now],
      );
      await c.query(
        `INSERT INTO statdesk_timers (id, tenant_id, instance_id, "key", due_at, event, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (tenant_id, instance_id, "key") DO UPDATE SET id = excluded.id, due_at = excluded.due_at, event = excluded.event, created_at = excluded.created_at`,
        [randomUUID(), tenantId, instanceId, 'xstate.after.decisionDeadline.review.submitted', new Date(now.getTime() + 86_400_000),
          JSON.stringify({ type: 'xstate.after.decisionDeadline.review.submitted' }), now],
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

const out = (line: string) => process.stdout.write(`${line}\n`);
out(`durable commands/s on PostgreSQL (synchronous_commit=${syncCommit}, ${rounds} rounds of ${roundMs} ms after a warm-up, medians)`);
try {
  for (const clients of CONCURRENCY) {
    const result = await compare([adapter, handWritten], { clients, durationMs: roundMs, rounds, warmups: 1 });
    const a = result.results[adapter.name]!;
    const b = result.results[handWritten.name]!;
    const fmt = (xs: number[]) => xs.map((x) => x.toFixed(0)).join(' ');
    out(`clients=${clients}: adapter ${a.median.toFixed(0)}/s [${fmt(a.rounds)}], pg ${b.median.toFixed(0)}/s [${fmt(b.rounds)}], ratio ${(a.median / b.median).toFixed(2)}x`);
  }
} finally {
  await storage.close();
  await raw.end();
  await admin.query(`DROP SCHEMA ${schema} CASCADE`);
  await admin.end();
}
