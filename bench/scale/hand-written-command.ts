/**
 * The scale suite's reference: the writes of the officer's question (`requestInfo` on a
 * submitted review) as hand-written SQL on a `pg` client: read the instance, compare-and-set
 * update of its snapshot and state, a history row, its timers deleted, in one transaction. Run at
 * both sizes, it shows how much of the large case's extra latency any code doing these writes
 * pays.
 */
import type pg from 'pg';

/** Runs one question on `instanceId` in `schema`; resolves when committed. */
export async function handWrittenQuestion(client: pg.ClientBase, schema: string, tenantId: string, instanceId: string): Promise<void> {
  await client.query('BEGIN');
  try {
    const { rows } = await client.query<{ version: number; history_seq: number; history_hash: string; snapshot: { value: unknown; context: { questions: number } } }>(
      `SELECT * FROM ${schema}.statdesk_instances WHERE tenant_id = $1 AND id = $2`,
      [tenantId, instanceId],
    );
    const current = rows[0];
    if (!current) throw new Error(`instance ${instanceId} is missing`);
    const snapshot = { ...current.snapshot, value: 'awaitingApplicant', context: { ...current.snapshot.context, questions: current.snapshot.context.questions + 1 } };
    const seq = current.history_seq + 1;
    const hash = `hand-written-${seq}`;
    const now = new Date();
    const updated = await client.query(
      `UPDATE ${schema}.statdesk_instances SET state = $1, snapshot = $2, version = $3, history_seq = $4, history_hash = $5, updated_at = $6
       WHERE tenant_id = $7 AND id = $8 AND version = $9`,
      ['awaitingApplicant', JSON.stringify(snapshot), current.version + 1, seq, hash, now, tenantId, instanceId, current.version],
    );
    if (updated.rowCount !== 1) throw new Error('conflict');
    await client.query(
      `INSERT INTO ${schema}.statdesk_history (tenant_id, instance_id, seq, at, actor_id, actor_role, event_type, from_state, to_state, definition_version, payload, prev_hash, hash)
       VALUES ($1, $2, $3, $4, 'officer-1', 'officer', 'requestInfo', 'submitted', 'awaitingApplicant', '1', $5, $6, $7)`,
      [tenantId, instanceId, seq, now, JSON.stringify({ question: 'Which years?' }), current.history_hash, hash],
    );
    await client.query(`DELETE FROM ${schema}.statdesk_timers WHERE tenant_id = $1 AND instance_id = $2`, [tenantId, instanceId]);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  }
}
