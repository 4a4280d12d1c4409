/**
 * The conformance oracle: reads the tables with plain SQL on a driver connection of its own
 * (pg, better-sqlite3), never through the adapter, and decodes rows independently of it.
 */
import type { HistoryRecord, InstanceRecord, InstanceRef, JsonValue, OutboxRecord, TimerRecord } from '@statdesk/core';
import type { StorageOracle } from '@statdesk/testing/conformance';

export type RawQuery = (sql: string, params: unknown[]) => Promise<Record<string, unknown>[]>;

/** PostgreSQL hands back Date and parsed JSON; SQLite epoch milliseconds and JSON text. */
const time = (v: unknown): Date => (v instanceof Date ? new Date(v) : new Date(Number(v)));
const json = (v: unknown): JsonValue => (typeof v === 'string' ? (JSON.parse(v) as JsonValue) : (v as JsonValue));
const scoped = (ref?: InstanceRef): [string, unknown[]] => (ref ? [' WHERE tenant_id = ? AND instance_id = ?', [ref.tenantId, ref.instanceId]] : ['', []]);

export function sqlOracle(query: RawQuery): StorageOracle {
  return {
    async instance(ref) {
      const [r] = await query('SELECT * FROM statdesk_instances WHERE tenant_id = ? AND id = ?', [ref.tenantId, ref.instanceId]);
      if (!r) return undefined;
      const record: InstanceRecord = {
        tenantId: r.tenant_id as string,
        id: r.id as string,
        workflow: r.workflow as string,
        definitionVersion: r.definition_version as string,
        state: r.state as string,
        status: r.status as InstanceRecord['status'],
        ownerId: r.owner_id as string | null,
        snapshot: json(r.snapshot),
        version: Number(r.version),
        historySeq: Number(r.history_seq),
        historyHash: r.history_hash as string,
        keys: json(r.keys) as unknown as InstanceRecord['keys'],
        createdAt: time(r.created_at),
        updatedAt: time(r.updated_at),
      };
      return record;
    },
    async history(ref) {
      const rows = await query('SELECT * FROM statdesk_history WHERE tenant_id = ? AND instance_id = ? ORDER BY seq', [ref.tenantId, ref.instanceId]);
      return rows.map(
        (r): HistoryRecord => ({
          tenantId: r.tenant_id as string,
          instanceId: r.instance_id as string,
          seq: Number(r.seq),
          at: time(r.at),
          actorId: r.actor_id as string,
          actorRole: r.actor_role as string,
          eventType: r.event_type as string,
          fromState: r.from_state as string | null,
          toState: r.to_state as string,
          definitionVersion: r.definition_version as string,
          payload: json(r.payload),
          prevHash: r.prev_hash as string,
          hash: r.hash as string,
        }),
      );
    },
    async timers(ref) {
      const [where, params] = scoped(ref);
      const rows = await query(`SELECT * FROM statdesk_timers${where} ORDER BY due_at, id`, params);
      return rows.map(
        (r): TimerRecord => ({
          id: r.id as string,
          tenantId: r.tenant_id as string,
          instanceId: r.instance_id as string,
          key: r.key as string,
          dueAt: time(r.due_at),
          event: json(r.event),
          createdAt: time(r.created_at),
        }),
      );
    },
    async outbox(ref) {
      const [where, params] = scoped(ref);
      const rows = await query(`SELECT * FROM statdesk_outbox${where} ORDER BY created_at, id`, params);
      return rows.map(
        (r): OutboxRecord => ({
          id: r.id as string,
          tenantId: r.tenant_id as string,
          instanceId: r.instance_id as string,
          type: r.type as string,
          payload: json(r.payload),
          idempotencyKey: r.idempotency_key as string,
          status: r.status as OutboxRecord['status'],
          attempts: Number(r.attempts),
          nextAttemptAt: time(r.next_attempt_at),
          lastError: r.last_error as string | null,
          createdAt: time(r.created_at),
          completedAt: r.completed_at === null ? null : time(r.completed_at),
        }),
      );
    },
    async counts() {
      const count = async (table: string) => Number((await query(`SELECT COUNT(*) AS n FROM ${table}`, []))[0]!.n);
      return {
        instances: await count('statdesk_instances'),
        history: await count('statdesk_history'),
        timers: await count('statdesk_timers'),
        outbox: await count('statdesk_outbox'),
        commands: await count('statdesk_commands'),
      };
    },
  };
}

/** `?` placeholders for pg. */
export function numbered(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}
