/**
 * Fills a statdesk schema for the queue suite: `total` instances copied set-based from one made
 * through the desk, of which the first `open` are active with a work item each (the rest are
 * done, as closed work is: no work item). Work items get a spread of SLA conditions (2% breached,
 * 10% warning, 58% on time, 20% paused, 10% without a clock) and deadlines over ±30 days, with
 * the sort fields computed as `workItemOrder` computes them.
 */
import type pg from 'pg';

export interface QueueLoadOptions {
  schema: string;
  tenantId: string;
  /** The instance created through the desk whose row is copied. */
  templateId: string;
  total: number;
  open: number;
  chunk?: number;
}

export async function bulkLoadQueue(client: pg.ClientBase, options: QueueLoadOptions): Promise<void> {
  const { schema, tenantId, templateId, total, open } = options;
  const chunk = options.chunk ?? 100_000;
  await client.query(`SET search_path TO ${schema}`);
  await client.query('SET synchronous_commit = off');
  const ids = `'q-' || lpad(g::text, 7, '0')`;
  for (let from = 1; from <= total; from += chunk) {
    const to = Math.min(total, from + chunk - 1);
    await client.query('BEGIN');
    try {
    await client.query(
      `INSERT INTO statdesk_instances (tenant_id, id, workflow, definition_version, state, status, owner_id, snapshot, version, history_seq, history_hash, keys, created_at, updated_at)
       SELECT i.tenant_id, ${ids}, i.workflow, i.definition_version, i.state, CASE WHEN g <= $5 THEN 'active' ELSE 'done' END, i.owner_id, i.snapshot, i.version,
              i.history_seq, i.history_hash, i.keys, i.created_at - make_interval(secs => g), i.updated_at - make_interval(secs => g)
       FROM statdesk_instances i, generate_series($3::int, $4::int) g WHERE i.tenant_id = $1 AND i.id = $2`,
      [tenantId, templateId, from, to, open],
    );
    const last = Math.min(to, open);
    if (from <= last) {
      // c: a stable pseudo-random draw per row (0..99); the deadline spreads over ±30 days from now.
      await client.query(
        `INSERT INTO statdesk_work_items (tenant_id, instance_id, workflow, state, assignee, act_roles, sla_condition, due_at, escalated, urgency_rank, sort_at, created_at, updated_at)
         SELECT $1::text, ${ids}, i.workflow, i.state, CASE WHEN c < 30 THEN 'officer-' || (g % 50) END, ' officer supervisor ',
                CASE WHEN c < 2 THEN 'breached' WHEN c < 12 THEN 'warning' WHEN c < 70 THEN 'on-time' WHEN c < 90 THEN 'paused' ELSE 'none' END,
                CASE WHEN c < 70 THEN due END, c < 2,
                CASE WHEN c < 2 THEN 0 WHEN c < 70 THEN 1 WHEN c < 90 THEN 2 ELSE 3 END,
                CASE WHEN c < 70 THEN due ELSE i.created_at - make_interval(secs => g) END,
                i.created_at - make_interval(secs => g), i.updated_at - make_interval(secs => g)
         FROM statdesk_instances i,
              LATERAL (SELECT g, abs(hashtext(g::text)) % 100 AS c,
                              now() + make_interval(secs => (abs(hashtext('d' || g::text)) % 5184000) - 2592000) AS due
                       FROM generate_series($3::int, $4::int) g) s
         WHERE i.tenant_id = $1 AND i.id = $2`,
        [tenantId, templateId, from, last],
      );
    }
    await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    }
  }
  for (const table of ['statdesk_instances', 'statdesk_work_items']) await client.query(`VACUUM (ANALYZE) ${table}`);
  await client.query('CHECKPOINT').catch(() => undefined);
}
