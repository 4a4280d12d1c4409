/**
 * A fresh PostgreSQL schema per measured run, holding statdesk's tables (copied from a template
 * schema made once by the storage's own migrations) and `count` escalation requests in `waiting`. Every variant — statdesk
 * and both baselines — starts from the same rows, so each performs the same writes per timer.
 */
import { randomBytes } from 'node:crypto';
import { createDesk, type Clock } from '@statdesk/core';
import { mikroOrmStorage } from '@statdesk/storage-mikro-orm';
import pg from 'pg';
import { ESCALATION_EVENT, ESCALATE_AFTER_MS, escalationWorkflow } from './escalation-workflow';

export const TENANT = 'bench';
/** Instance `g` (1-based) of a run. */
export const instanceIdOf = (g: number) => `req-${g}`;

export interface BenchSchema {
  name: string;
  /** The template schema its tables and rows are copied from. */
  template: string;
  /** A client with the schema on its search path. */
  client: pg.Client;
  drop(): Promise<void>;
}

const TABLES = ['statdesk_instances', 'statdesk_history', 'statdesk_timers', 'statdesk_outbox', 'statdesk_commands', 'statdesk_instance_keys'];

/** Per database: a schema made once by statdesk's migrations, holding one template request. */
const templates = new Map<string, Promise<string>>();

/**
 * The template schema: statdesk's tables made by its own migrations, and one request made through
 * a real desk (so its snapshot, history row and timer are exactly what statdesk writes).
 */
function templateSchema(databaseUrl: string): Promise<string> {
  let template = templates.get(databaseUrl);
  if (!template) {
    template = (async () => {
      const name = `bench_timers_template_${process.pid}_${randomBytes(3).toString('hex')}`;
      const client = new pg.Client({ connectionString: databaseUrl });
      await client.connect();
      await client.query(`CREATE SCHEMA ${name}`);
      await client.end();
      const storage = await mikroOrmStorage({ driver: 'postgresql', clientUrl: databaseUrl, schema: name, migrate: true, pool: { max: 4 } });
      const clock: Clock = { now: () => new Date(Date.now() - 2 * ESCALATE_AFTER_MS) };
      const desk = createDesk({ storage, clock, workflows: [escalationWorkflow], outbox: { afterCommit: 'off' } });
      const officer = { id: 'officer-1', roles: ['officer'] };
      const input = { title: 'Census tables by province, 1395-1400', office: 'Tehran provincial office', requestedBy: 'officer-1' };
      await desk.create({ tenantId: TENANT, workflow: 'escalation', actor: officer, input, instanceId: 'template' });
      await storage.close();
      return name;
    })();
    templates.set(databaseUrl, template);
  }
  return template;
}

/** Drops the template schemas this process made. */
export async function dropTemplates(databaseUrl: string): Promise<void> {
  const template = templates.get(databaseUrl);
  if (!template) return;
  templates.delete(databaseUrl);
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS ${await template} CASCADE`);
  } finally {
    await client.end();
  }
}

/** A fresh schema with empty copies of statdesk's tables (columns, keys, indexes). */
export async function createBenchSchema(databaseUrl: string, label: string): Promise<BenchSchema> {
  const template = await templateSchema(databaseUrl);
  const name = `bench_timers_${label}_${process.pid}_${randomBytes(3).toString('hex')}`;
  const client = new pg.Client({ connectionString: databaseUrl, options: `-c search_path=${name}` });
  await client.connect();
  await client.query(`CREATE SCHEMA ${name}`);
  for (const table of TABLES) await client.query(`CREATE TABLE ${name}.${table} (LIKE ${template}.${table} INCLUDING ALL)`);
  return {
    name,
    template,
    client,
    drop: async () => {
      await client.query(`DROP SCHEMA ${name} CASCADE`);
      await client.end();
    },
  };
}

export interface SeedOptions {
  count: number;
  /** Statdesk timer rows for them: the first due at `firstDue`, each next one `spacingMs` later. */
  timers?: { firstDue: Date; spacingMs: number };
}

/** `count` copies of the template request (`req-1`, `req-2`, …), with timers if asked. */
export async function seedRequests(schema: BenchSchema, options: SeedOptions): Promise<void> {
  const q = (sql: string, params: unknown[] = []) => schema.client.query(sql, params);
  const t = schema.template;
  await q(
    `INSERT INTO statdesk_instances (tenant_id, id, workflow, definition_version, state, status, owner_id, snapshot, version, history_seq, history_hash, keys, created_at, updated_at)
     SELECT tenant_id, 'req-' || g, workflow, definition_version, state, status, owner_id, snapshot, version, history_seq, history_hash, keys, created_at, updated_at
     FROM ${t}.statdesk_instances, generate_series(1, $1::int) g WHERE id = 'template'`,
    [options.count],
  );
  await q(
    `INSERT INTO statdesk_history SELECT tenant_id, 'req-' || g, seq, at, actor_id, actor_role, event_type, from_state, to_state, definition_version, payload, prev_hash, hash
     FROM ${t}.statdesk_history, generate_series(1, $1::int) g WHERE instance_id = 'template'`,
    [options.count],
  );
  if (options.timers) {
    const inserted = await q(
      `INSERT INTO statdesk_timers (id, tenant_id, instance_id, "key", due_at, event, created_at)
       SELECT 'timer-' || g, tenant_id, 'req-' || g, "key", $2::timestamptz + (g - 1) * $3 * interval '1 millisecond', event, created_at
       FROM ${t}.statdesk_timers, generate_series(1, $1::int) g WHERE instance_id = 'template' AND "key" = $4`,
      [options.count, options.timers.firstDue, options.timers.spacingMs, ESCALATION_EVENT],
    );
    if (inserted.rowCount !== options.count) throw new Error(`seeded ${inserted.rowCount} timers, not ${options.count}: is the timer key still ${ESCALATION_EVENT}?`);
  }
  await q('ANALYZE');
}

/**
 * The exactly-once check after a run: every request escalated by one transition (version 2,
 * one history row after its creation), and no timer left.
 */
export async function verifyEscalated(schema: BenchSchema, count: number): Promise<void> {
  const { rows } = await schema.client.query(
    `SELECT (SELECT COUNT(*)::int FROM statdesk_instances WHERE state = 'escalated' AND version = 2 AND history_seq = 2) AS escalated,
            (SELECT COUNT(*)::int FROM statdesk_history WHERE seq = 2 AND event_type = $1) AS history,
            (SELECT COUNT(*)::int FROM statdesk_history WHERE seq > 2) AS extra,
            (SELECT COUNT(*)::int FROM statdesk_timers) AS timers`,
    [ESCALATION_EVENT],
  );
  const found = rows[0] as { escalated: number; history: number; extra: number; timers: number };
  const expected = { escalated: count, history: count, extra: 0, timers: 0 };
  if (JSON.stringify(found) !== JSON.stringify(expected)) {
    throw new Error(`after the run expected ${JSON.stringify(expected)}, found ${JSON.stringify(found)}`);
  }
}
