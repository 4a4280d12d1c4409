/**
 * Several worker processes on one PostgreSQL database: 10,000 due timers and 10,000 outbox rows,
 * each delivered exactly once across the processes.
 */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { createTestDesk } from '@statdesk/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applicant, reviewInput, reviewWorkflow } from '../../core/test/engine/review.workflow';
import { postgresSchema, type PostgresSchema } from './support/postgres';

const run = promisify(execFile);
const WORKERS = 2;
const TIMERS = 10_000;
const OUTBOX = 10_000;
const tenantId = 'sci';
const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));
const worker = fileURLToPath(new URL('./support/multi-process-worker.ts', import.meta.url));

let db: PostgresSchema;
beforeAll(async () => {
  db = await postgresSchema('multiprocess');
});
afterAll(async () => db?.drop());

/** One real instance in `submitted`, cloned by SQL into `count` instances whose deadline is due. */
async function seed(): Promise<void> {
  const t = createTestDesk({ workflows: [reviewWorkflow({ decisionDeadlineMs: 60_000 })], storage: db.storage });
  const { instanceId } = await t.desk.create({ tenantId, workflow: 'review', actor: applicant, input: reviewInput });
  await t.desk.send({ tenantId, instanceId, actor: applicant, event: { type: 'submit' } });
  await t.desk.drain();
  const q = (sql: string, params: unknown[] = []) => db.client.query(sql, params);
  await q(
    `INSERT INTO statdesk_instances (tenant_id, id, workflow, definition_version, state, status, owner_id, snapshot, version, history_seq, history_hash, keys, created_at, updated_at)
     SELECT tenant_id, 'mp-' || g, workflow, definition_version, state, status, owner_id, snapshot, version, history_seq, history_hash, keys, created_at, updated_at
     FROM statdesk_instances, generate_series(1, $1::int) g WHERE id = $2`,
    [TIMERS, instanceId],
  );
  await q(
    `INSERT INTO statdesk_history SELECT tenant_id, 'mp-' || g, seq, at, actor_id, actor_role, event_type, from_state, to_state, definition_version, payload, prev_hash, hash
     FROM statdesk_history, generate_series(1, $1::int) g WHERE instance_id = $2`,
    [TIMERS, instanceId],
  );
  await q(
    `INSERT INTO statdesk_timers (id, tenant_id, instance_id, "key", due_at, event, created_at)
     SELECT 'mp-timer-' || g, tenant_id, 'mp-' || g, "key", now() - interval '1 second', event, now()
     FROM statdesk_timers, generate_series(1, $1::int) g WHERE instance_id = $2 AND "key" LIKE '%decisionDeadline%'`,
    [TIMERS, instanceId],
  );
  await q(`DELETE FROM statdesk_timers WHERE instance_id = $1`, [instanceId]);
  await q(`DELETE FROM statdesk_outbox`);
  await q(
    `INSERT INTO statdesk_outbox (id, tenant_id, instance_id, type, payload, idempotency_key, status, attempts, next_attempt_at, created_at)
     SELECT 'mp-outbox-' || g, $2, 'mp-' || g, 'record', jsonb_build_object('n', g), 'mp-effect-' || g, 'pending', 0, now() - interval '1 second', now()
     FROM generate_series(1, $1::int) g`,
    [OUTBOX, tenantId],
  );
  await q('CREATE TABLE mp_deliveries (outbox_id text NOT NULL, idempotency_key text NOT NULL, worker text NOT NULL)');
}

describe('several worker processes on one PostgreSQL database', () => {
  it(`deliver ${TIMERS.toLocaleString('en')} timers and ${OUTBOX.toLocaleString('en')} outbox rows exactly once`, { timeout: 120_000 }, async () => {
    await seed();
    const reports = await Promise.all(
      Array.from({ length: WORKERS }, async (_, i) => {
        const { stdout } = await run(process.execPath, ['--import', 'tsx', '--conditions=source', worker, db.url, db.schema, `worker-${i + 1}`], {
          cwd: repoRoot,
          env: { ...process.env, NODE_NO_WARNINGS: '1' },
          maxBuffer: 1 << 20,
        });
        return JSON.parse(stdout.trim().split('\n').pop()!) as { worker: string; timers: number; skipped: number; failed: number; outbox: number };
      }),
    );
    const sum = (k: 'timers' | 'outbox' | 'failed') => reports.reduce((n, r) => n + r[k], 0);
    expect(sum('failed')).toBe(0);
    expect(sum('timers')).toBe(TIMERS);
    expect(sum('outbox')).toBe(OUTBOX);
    // The work really was shared between processes.
    expect(reports.filter((r) => r.timers > 0).length).toBe(WORKERS);
    expect(reports.filter((r) => r.outbox > 0).length).toBe(WORKERS);

    const one = async (sql: string) => (await db.client.query(sql)).rows[0] as Record<string, number>;
    // Timers: each instance got exactly one deadline event in its history, and none are left.
    expect(
      await one(`SELECT COUNT(*)::int AS rows, COUNT(DISTINCT instance_id)::int AS instances, COUNT(*) FILTER (WHERE seq <> 3)::int AS misplaced
                 FROM statdesk_history WHERE event_type LIKE '%decisionDeadline%'`),
    ).toEqual({ rows: TIMERS, instances: TIMERS, misplaced: 0 });
    expect(await one(`SELECT COUNT(*)::int AS n FROM statdesk_instances WHERE id LIKE 'mp-%' AND state = 'expired' AND version = 3`)).toEqual({ n: TIMERS });
    expect(await one('SELECT COUNT(*)::int AS n FROM statdesk_timers')).toEqual({ n: 0 });
    // Outbox: every row delivered once, and marked done after one attempt.
    expect(await one('SELECT COUNT(*)::int AS rows, COUNT(DISTINCT outbox_id)::int AS ids FROM mp_deliveries')).toEqual({ rows: OUTBOX, ids: OUTBOX });
    expect(await one(`SELECT COUNT(*)::int AS n FROM statdesk_outbox WHERE status = 'done' AND attempts = 1`)).toEqual({ n: OUTBOX });
  });
});
