/**
 * Fills a statdesk schema fast for the scale suite: one real instance is created through the
 * desk (so its snapshot, history chain and timers are what the engine writes), then copied
 * set-based with `generate_series`, with its history rows and one of its timers. Copied timers fall
 * due from 30 days on, spread over a year, so none fires while the suite runs.
 */
import type pg from 'pg';

export interface BulkLoadOptions {
  schema: string;
  tenantId: string;
  /** The instance created through the desk whose rows are copied. */
  templateId: string;
  /** The template's timer that every copy gets (one pending timer per copied instance). */
  timerKey: string;
  /** How many copies (ids `bulk-0000001`…). */
  count: number;
  /** Rows per INSERT … SELECT (keeps each statement's memory and WAL bounded). */
  chunk?: number;
}

/** The id of the n-th copy (1-based). */
export const bulkInstanceId = (n: number) => `bulk-${String(n).padStart(7, '0')}`;

/** Copies the template instance `count` times with its history and timers; returns the pending timers in the schema. */
export async function bulkLoad(client: pg.ClientBase, options: BulkLoadOptions): Promise<number> {
  const { schema, tenantId, templateId, timerKey, count } = options;
  const chunk = options.chunk ?? 100_000;
  await client.query(`SET search_path TO ${schema}`);
  await client.query('SET synchronous_commit = off');
  for (let from = 1; from <= count; from += chunk) {
    const to = Math.min(count, from + chunk - 1);
    const ids = `'bulk-' || lpad(g::text, 7, '0')`;
    await client.query('BEGIN');
    await client.query(
      `INSERT INTO statdesk_instances (tenant_id, id, workflow, definition_version, state, status, owner_id, snapshot, version, history_seq, history_hash, keys, created_at, updated_at)
       SELECT i.tenant_id, ${ids}, i.workflow, i.definition_version, i.state, i.status, i.owner_id, i.snapshot, i.version, i.history_seq, i.history_hash, i.keys,
              i.created_at - make_interval(secs => g), i.updated_at - make_interval(secs => g)
       FROM statdesk_instances i, generate_series($3::int, $4::int) g WHERE i.tenant_id = $1 AND i.id = $2`,
      [tenantId, templateId, from, to],
    );
    await client.query(
      `INSERT INTO statdesk_history (tenant_id, instance_id, seq, at, actor_id, actor_role, event_type, from_state, to_state, definition_version, payload, prev_hash, hash)
       SELECT h.tenant_id, ${ids}, h.seq, h.at, h.actor_id, h.actor_role, h.event_type, h.from_state, h.to_state, h.definition_version, h.payload, h.prev_hash, h.hash
       FROM statdesk_history h, generate_series($3::int, $4::int) g WHERE h.tenant_id = $1 AND h.instance_id = $2`,
      [tenantId, templateId, from, to],
    );
    await client.query(
      `INSERT INTO statdesk_timers (id, tenant_id, instance_id, "key", due_at, event, created_at)
       SELECT md5(t.id || g::text), t.tenant_id, ${ids}, t."key", now() + interval '30 days' + make_interval(secs => (g * 31.536)::int), t.event, t.created_at
       FROM statdesk_timers t, generate_series($3::int, $4::int) g WHERE t.tenant_id = $1 AND t.instance_id = $2 AND t."key" = $5`,
      [tenantId, templateId, from, to, timerKey],
    );
    await client.query('COMMIT');
  }
  // Measure the steady state, not the aftermath of the load: vacuumed and analysed tables (else
  // autovacuum's insert-triggered pass runs during the measured commands) and a checkpoint.
  for (const table of ['statdesk_instances', 'statdesk_history', 'statdesk_timers']) await client.query(`VACUUM (ANALYZE) ${table}`);
  // CHECKPOINT needs a superuser or pg_checkpoint; without them the first measured rounds may pay for it.
  await client.query('CHECKPOINT').catch(() => undefined);
  const { rows } = await client.query<{ n: string }>('SELECT count(*) AS n FROM statdesk_timers');
  return Number(rows[0]!.n);
}
