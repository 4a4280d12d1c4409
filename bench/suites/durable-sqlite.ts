/**
 * durable-sqlite: durable commands per second on SQLite through the MikroORM adapter against raw
 * `better-sqlite3` doing exactly the same writes in one `BEGIN IMMEDIATE` transaction (read the
 * instance, compare-and-set update, history row, outbox row, timer row), at 1 and 8 concurrent
 * clients, alternating the two after a warm-up. Both sides use one database file in WAL mode
 * with the same `synchronous` setting. Target ≥ 0.8.
 */
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { mikroOrmStorage } from '@statdesk/storage-mikro-orm';
import { benchSnapshot, clientInstance, DAY_MS, seedInstances, SequenceCounter, storagePortCommand, TENANT_ID, TIMER_KEY } from '../durable/command-writes';
import { compareDurableCommands } from '../durable/compare-durable';
import type { Variant } from '../harness';
import type { BenchSuite } from '../suite';

const TARGET = 0.8;
const CONCURRENCY = [1, 8];

const durableSqlite: BenchSuite = async ({ quick, log }) => {
  const rounds = quick ? 3 : 7;
  const durationMs = quick ? 500 : 2_000;
  const dir = await mkdtemp(path.join(tmpdir(), 'statdesk-bench-sqlite-'));
  const file = path.join(dir, 'bench.sqlite');
  const storage = await mikroOrmStorage({ driver: 'sqlite', dbName: file, migrate: true });
  let raw: Database.Database | undefined;
  try {
    await seedInstances(storage, Math.max(...CONCURRENCY));
    raw = new Database(file);
    raw.pragma('busy_timeout = 5000');
    raw.pragma('journal_mode = WAL');
    // Both sides really run with the same durability: compare the adapter's connection.
    const adapterSync = (await storage.orm.em.getConnection().execute('PRAGMA synchronous')) as { synchronous: number }[];
    const rawSync = raw.pragma('synchronous', { simple: true }) as number;
    if (adapterSync[0]?.synchronous !== rawSync) throw new Error(`synchronous differs: adapter ${adapterSync[0]?.synchronous}, raw ${rawSync}`);

    const seqs = new SequenceCounter();
    const adapter = storagePortCommand(storage, seqs, 'mikro-orm adapter');
    const handWritten = rawBetterSqlite(raw, seqs);
    return await compareDurableCommands({
      id: 'durable-sqlite', adapter, baseline: handWritten, baselineName: 'raw better-sqlite3', baselineLabel: 'better-sqlite3',
      concurrency: CONCURRENCY, rounds, durationMs, target: TARGET, settings: `WAL, synchronous=${rawSync}`, log,
    });
  } finally {
    raw?.close();
    await storage.close();
    await rm(dir, { recursive: true, force: true });
  }
};

/** The baseline: the same writes as prepared statements on one better-sqlite3 connection. */
function rawBetterSqlite(db: Database.Database, seqs: SequenceCounter): Variant {
  const load = db.prepare('SELECT * FROM statdesk_instances WHERE tenant_id = ? AND id = ?');
  const update = db.prepare(
    `UPDATE statdesk_instances SET state = ?, status = ?, snapshot = ?, version = ?, history_seq = ?, history_hash = ?, updated_at = ?
     WHERE tenant_id = ? AND id = ? AND version = ?`,
  );
  const history = db.prepare(
    `INSERT INTO statdesk_history (tenant_id, instance_id, seq, at, actor_id, actor_role, event_type, from_state, to_state, definition_version, payload, prev_hash, hash)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const outbox = db.prepare(
    `INSERT INTO statdesk_outbox (id, tenant_id, instance_id, type, payload, idempotency_key, status, attempts, next_attempt_at, last_error, created_at, completed_at)
     VALUES (?, ?, ?, ?, ?, ?, 'pending', 0, ?, NULL, ?, NULL)`,
  );
  const timer = db.prepare(
    `INSERT INTO statdesk_timers (id, tenant_id, instance_id, "key", due_at, event, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (tenant_id, instance_id, "key") DO UPDATE SET id = excluded.id, due_at = excluded.due_at, event = excluded.event, created_at = excluded.created_at`,
  );
  const command = db.transaction((instanceId: string, seq: number, n: number) => {
    const now = Date.now();
    // The whole row, snapshot included and parsed: a command needs it to compute the transition.
    const current = load.get(TENANT_ID, instanceId) as { version: number; history_hash: string; snapshot: string };
    JSON.parse(current.snapshot);
    const changed = update.run('submitted', 'active', JSON.stringify(benchSnapshot(n)), current.version + 1, seq, `h${seq}`, now, TENANT_ID, instanceId, current.version).changes;
    if (changed !== 1) throw new Error('conflict');
    history.run(TENANT_ID, instanceId, seq, now, 'officer-1', 'officer', 'requestInfo', 'submitted', 'awaitingApplicant', '1', JSON.stringify({ question: 'Which years?' }), current.history_hash, `h${seq}`);
    outbox.run(randomUUID(), TENANT_ID, instanceId, 'notify', JSON.stringify({ template: 'review.question', channel: 'email' }), `${TENANT_ID}:${instanceId}:${seq}:0`, now, now);
    timer.run(randomUUID(), TENANT_ID, instanceId, TIMER_KEY, now + DAY_MS, JSON.stringify({ type: TIMER_KEY }), now);
  });
  return {
    name: 'raw better-sqlite3',
    async op(client, n) {
      const instanceId = clientInstance(client);
      command.immediate(instanceId, seqs.next(instanceId), n);
    },
  };
}

export default durableSqlite;
