/**
 * One worker process of the timers benchmark. It connects, prints `{"ready":true}`, waits for
 * `go` on stdin, then delivers due timers until `stop`, printing `{"done":n}` after every commit
 * (n timers that commit made durable). Three variants, each doing per timer the same writes:
 * the instance compare-and-set update and a history row.
 *
 * - `statdesk`: `desk.runDueTimers()` in a loop, as a deployment's worker does.
 * - `pg-boss`: one `boss.work()` with a batch handler; per job it loads the instance, updates it
 *   by compare-and-set and inserts the history row, the whole batch in one transaction.
 * - `set-based`: hand-written SQL claiming 100 due timers per transaction (`FOR UPDATE SKIP
 *   LOCKED`) and applying them with one UPDATE, one INSERT and one DELETE.
 *
 *   node --import tsx --conditions=source bench/timers/worker.ts '<WorkerConfig as JSON>'
 */
import { createInterface } from 'node:readline';
import { createDesk, encodeJson, hashHistory, type JsonValue } from '@statdesk/core';
import { mikroOrmStorage } from '@statdesk/storage-mikro-orm';
import pg from 'pg';
import PgBoss from 'pg-boss';
import { escalationWorkflow, ESCALATION_EVENT } from './escalation-workflow';
import type { WorkerConfig } from './worker-config';

const config = JSON.parse(process.argv[2] ?? '') as WorkerConfig;
const send = (message: object) => process.stdout.write(`${JSON.stringify(message)}\n`);
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

let stopped = false;
let go!: () => void;
const started = new Promise<void>((resolve) => (go = resolve));
let stop!: () => void;
const stopping = new Promise<void>((resolve) => (stop = resolve));
const halt = () => {
  stopped = true;
  stop();
};
createInterface({ input: process.stdin })
  .on('line', (line) => {
    if (line === 'go') go();
    if (line === 'stop') halt();
  })
  // The parent is gone: stop too, rather than poll forever.
  .on('close', () => {
    go();
    halt();
  });

const sessionOptions = `-c search_path=${config.schema}`;

/** The history row and new instance fields a baseline writes for one escalation. */
function escalation(row: { id: string; version: number; history_seq: number; history_hash: string; state: string; definition_version: string }, at: Date) {
  const unhashed = {
    tenantId: config.tenantId,
    instanceId: row.id,
    seq: row.history_seq + 1,
    at,
    actorId: 'system',
    actorRole: 'system',
    eventType: ESCALATION_EVENT,
    fromState: row.state,
    toState: 'escalated',
    definitionVersion: row.definition_version,
    payload: {} as JsonValue,
    prevHash: row.history_hash,
  };
  return { ...unhashed, hash: hashHistory(unhashed) };
}

async function runStatdesk(): Promise<() => Promise<void>> {
  const storage = await mikroOrmStorage({ driver: 'postgresql', clientUrl: config.databaseUrl, schema: config.schema, pool: { max: 2 } });
  const desk = createDesk({
    storage,
    workflows: [escalationWorkflow],
    workerId: config.workerId,
    outbox: { afterCommit: 'off' },
    timers: { batchSize: config.claimSize, deliveriesPerTransaction: config.deliveriesPerTransaction },
    logger: { warn: () => {}, error: (message, fields) => process.stderr.write(`${message} ${JSON.stringify(fields)}\n`) },
  });
  send({ ready: true });
  await started;
  const loop = (async () => {
    while (!stopped) {
      const run = await desk.runDueTimers();
      if (run.delivered) send({ done: run.delivered });
      if (run.delivered + run.skipped + run.failed === 0) await Promise.race([sleep(config.pollIntervalMs), stopping]);
    }
  })();
  return async () => {
    await loop;
    await storage.close();
  };
}

async function runSetBased(): Promise<() => Promise<void>> {
  const pool = new pg.Pool({ connectionString: config.databaseUrl, options: sessionOptions, max: 1 });
  const client = await pool.connect();
  send({ ready: true });
  await started;
  const loop = (async () => {
    while (!stopped) {
      const now = new Date();
      await client.query('BEGIN');
      // Lock the timers first (soonest 100), then join their instances.
      const { rows } = await client.query(
        `WITH claimed AS (SELECT id, tenant_id, instance_id FROM statdesk_timers WHERE due_at <= $1 ORDER BY due_at, id LIMIT 100 FOR UPDATE SKIP LOCKED)
         SELECT c.id AS timer_id, i.id, i.version, i.history_seq, i.history_hash, i.state, i.definition_version
         FROM claimed c JOIN statdesk_instances i ON i.tenant_id = c.tenant_id AND i.id = c.instance_id`,
        [now],
      );
      if (!rows.length) {
        await client.query('COMMIT');
        await Promise.race([sleep(config.pollIntervalMs), stopping]);
        continue;
      }
      const history = rows.map((r) => escalation(r, now));
      const updated = await client.query(
        `UPDATE statdesk_instances i SET state = 'escalated', snapshot = jsonb_set(i.snapshot, '{value}', '"escalated"'),
           version = v.version + 1, history_seq = v.seq, history_hash = v.hash, updated_at = $5
         FROM unnest($1::text[], $2::int[], $3::int[], $4::text[]) AS v(id, version, seq, hash)
         WHERE i.tenant_id = $6 AND i.id = v.id AND i.version = v.version`,
        [rows.map((r) => r.id), rows.map((r) => r.version), history.map((h) => h.seq), history.map((h) => h.hash), now, config.tenantId],
      );
      if (updated.rowCount !== rows.length) {
        // Someone changed one of the instances meanwhile: give the batch back and claim again.
        await client.query('ROLLBACK');
        continue;
      }
      await client.query(
        `INSERT INTO statdesk_history (tenant_id, instance_id, seq, at, actor_id, actor_role, event_type, from_state, to_state, definition_version, payload, prev_hash, hash)
         SELECT $1, v.id, v.seq, $2, 'system', 'system', $3, v.from_state, 'escalated', v.dv, '{}'::jsonb, v.prev, v.hash
         FROM unnest($4::text[], $5::int[], $6::text[], $7::text[], $8::text[], $9::text[]) AS v(id, seq, from_state, dv, prev, hash)`,
        [
          config.tenantId, now, ESCALATION_EVENT, history.map((h) => h.instanceId), history.map((h) => h.seq), history.map((h) => h.fromState),
          history.map((h) => h.definitionVersion), history.map((h) => h.prevHash), history.map((h) => h.hash),
        ],
      );
      await client.query('DELETE FROM statdesk_timers WHERE id = ANY($1::text[])', [rows.map((r) => r.timer_id)]);
      await client.query('COMMIT');
      send({ done: rows.length });
    }
  })();
  return async () => {
    await loop;
    client.release();
    await pool.end();
  };
}

async function runPgBoss(): Promise<() => Promise<void>> {
  const pool = new pg.Pool({ connectionString: config.databaseUrl, options: sessionOptions, max: 1 });
  const boss = new PgBoss({ connectionString: config.databaseUrl, schema: config.pgBossSchema, max: 2, supervise: false, schedule: false, migrate: false });
  boss.on('error', (error) => process.stderr.write(`pg-boss: ${String(error)}\n`));
  await boss.start();
  send({ ready: true });
  await started;
  await boss.work<{ instanceId: string }>(config.queue, { batchSize: config.claimSize, pollingIntervalSeconds: config.pollIntervalMs / 1000 }, async (jobs) => {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      const now = new Date();
      for (const job of jobs) {
        const { rows } = await client.query(
          'SELECT id, version, history_seq, history_hash, state, definition_version, snapshot FROM statdesk_instances WHERE tenant_id = $1 AND id = $2',
          [config.tenantId, job.data.instanceId],
        );
        const row = rows[0];
        if (!row) throw new Error(`no instance ${job.data.instanceId}`);
        const history = escalation(row, now);
        const snapshot = { ...(row.snapshot as Record<string, unknown>), value: 'escalated' };
        const updated = await client.query(
          `UPDATE statdesk_instances SET state = 'escalated', snapshot = $1, version = $2, history_seq = $3, history_hash = $4, updated_at = $5
           WHERE tenant_id = $6 AND id = $7 AND version = $8`,
          [JSON.stringify(encodeJson(snapshot)), row.version + 1, history.seq, history.hash, now, config.tenantId, row.id, row.version],
        );
        if (updated.rowCount !== 1) throw new Error(`instance ${row.id} changed meanwhile`);
        await client.query(
          `INSERT INTO statdesk_history (tenant_id, instance_id, seq, at, actor_id, actor_role, event_type, from_state, to_state, definition_version, payload, prev_hash, hash)
           VALUES ($1, $2, $3, $4, 'system', 'system', $5, $6, 'escalated', $7, '{}'::jsonb, $8, $9)`,
          [config.tenantId, row.id, history.seq, now, ESCALATION_EVENT, history.fromState, history.definitionVersion, history.prevHash, history.hash],
        );
      }
      await client.query('COMMIT');
      send({ done: jobs.length });
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    } finally {
      client.release();
    }
  });
  return async () => {
    await boss.stop({ graceful: true, wait: true, close: true });
    await pool.end();
  };
}

const runners = { statdesk: runStatdesk, 'pg-boss': runPgBoss, 'set-based': runSetBased };
const finish = await runners[config.variant]();
await started;
const cpuAtGo = process.cpuUsage();
await stopping;
const cpu = process.cpuUsage(cpuAtGo);
await finish();
// CPU this process spent from `go` to `stop`, for the report's per-timer figure.
send({ stopped: true, cpuMs: (cpu.user + cpu.system) / 1000 });
process.exit(0);
