/**
 * Every statement the storage runs. Plain SQL that PostgreSQL and SQLite both accept, except
 * the claims: PostgreSQL locks the chosen rows with `FOR UPDATE SKIP LOCKED`, so concurrent
 * claimers pass each other by; SQLite has one writer at a time and needs no row locks.
 */
import type { Dialect } from '../orm-config';

const INSTANCE_COLUMNS =
  'tenant_id, id, workflow, definition_version, state, status, owner_id, snapshot, version, history_seq, history_hash, keys, created_at, updated_at';
const HISTORY_COLUMNS =
  'tenant_id, instance_id, seq, at, actor_id, actor_role, event_type, from_state, to_state, definition_version, payload, prev_hash, hash';
const TIMER_COLUMNS = 'id, tenant_id, instance_id, "key", due_at, event, created_at';
const OUTBOX_COLUMNS =
  'id, tenant_id, instance_id, type, payload, idempotency_key, status, attempts, next_attempt_at, last_error, created_at, completed_at';

const WORK_ITEM_COLUMNS =
  'tenant_id, instance_id, workflow, state, assignee, act_roles, sla_condition, due_at, escalated, urgency_rank, sort_at, created_at, updated_at';

const placeholders = (count: number) => `(${Array.from({ length: count }, () => '?').join(', ')})`;
/** `VALUES (?, ?), (?, ?)…`: row values to match with `(a, b) IN (…)`, on both dialects. */
const rows = (count: number, width: number) => `VALUES ${Array.from({ length: count }, () => placeholders(width)).join(', ')}`;
/** A statement built once per row count (counts are bounded by the callers' chunk size), not on every call. */
const byCount = (build: (count: number) => string) => {
  const built = new Map<number, string>();
  return (count: number) => {
    let text = built.get(count);
    if (text === undefined) built.set(count, (text = build(count)));
    return text;
  };
};

/**
 * PostgreSQL's multi-row statements: one array parameter per column (`unnest`), so the statement
 * text and its plan do not grow with the number of rows.
 */
export const postgresBatch = {
  /**
   * Compare-and-set of several instances; returns the ids updated (the caller reports the others
   * as conflicts). Arrays: tenant, id, expected version, then the 11 columns in `updateInstance`'s order.
   */
  updateInstances: `UPDATE statdesk_instances AS i SET workflow = v.workflow, definition_version = v.definition_version, state = v.state,
    status = v.status, owner_id = v.owner_id, snapshot = v.snapshot, version = v.version, history_seq = v.history_seq,
    history_hash = v.history_hash, keys = v.keys, updated_at = v.updated_at
  FROM unnest(?::text[], ?::text[], ?::int[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::jsonb[], ?::int[], ?::int[], ?::text[],
    ?::jsonb[], ?::timestamptz[])
    AS v(tenant_id, id, expected, workflow, definition_version, state, status, owner_id, snapshot, version, history_seq, history_hash, keys, updated_at)
  WHERE i.tenant_id = v.tenant_id AND i.id = v.id AND i.version = v.expected
  RETURNING i.id`,
  /** Arrays in `HISTORY_COLUMNS` order; returns the rows inserted. */
  appendHistories: `INSERT INTO statdesk_history (${HISTORY_COLUMNS})
    SELECT * FROM unnest(?::text[], ?::text[], ?::int[], ?::timestamptz[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
      ?::jsonb[], ?::text[], ?::text[])
    ON CONFLICT (tenant_id, instance_id, seq) DO NOTHING RETURNING instance_id, seq`,
  /** Arrays: tenant, instance, key. */
  deleteTimerKeys: `DELETE FROM statdesk_timers AS t USING unnest(?::text[], ?::text[], ?::text[]) AS v(tenant_id, instance_id, "key")
    WHERE t.tenant_id = v.tenant_id AND t.instance_id = v.instance_id AND t."key" = v."key"`,
  /** Arrays: id, tenant; returns what it consumed, so the transaction knows those keys are gone. */
  consumeTimers: `DELETE FROM statdesk_timers AS t USING unnest(?::text[], ?::text[]) AS v(id, tenant_id)
    WHERE t.id = v.id AND t.tenant_id = v.tenant_id RETURNING t.id, t.tenant_id, t.instance_id, t."key"`,
  /** Arrays: tenant, id. */
  loadInstances: `SELECT ${INSTANCE_COLUMNS} FROM statdesk_instances WHERE (tenant_id, id) IN (SELECT * FROM unnest(?::text[], ?::text[]))`,
};

/** Row-major parameters (one array per row) turned into one array per column, for `unnest`. */
export function columns(rows: readonly (readonly unknown[])[], width: number): unknown[][] {
  return Array.from({ length: width }, (_, c) => rows.map((row) => row[c]));
}

export const sql = {
  loadInstance: `SELECT ${INSTANCE_COLUMNS} FROM statdesk_instances WHERE tenant_id = ? AND id = ?`,
  insertInstance: `INSERT INTO statdesk_instances (${INSTANCE_COLUMNS}) VALUES ${placeholders(14)} ON CONFLICT (tenant_id, id) DO NOTHING`,
  updateInstance: `UPDATE statdesk_instances SET workflow = ?, definition_version = ?, state = ?, status = ?, owner_id = ?, snapshot = ?, version = ?,
    history_seq = ?, history_hash = ?, keys = ?, updated_at = ? WHERE tenant_id = ? AND id = ? AND version = ?`,
  instanceVersion: 'SELECT version FROM statdesk_instances WHERE tenant_id = ? AND id = ?',

  readHistory: `SELECT ${HISTORY_COLUMNS} FROM statdesk_history WHERE tenant_id = ? AND instance_id = ? ORDER BY seq`,

  deleteKeys: 'DELETE FROM statdesk_instance_keys WHERE tenant_id = ? AND instance_id = ?',
  /** Unique keys already held by another instance are skipped, not inserted: the caller reports them. */
  insertKeys: byCount((count) =>
    `INSERT INTO statdesk_instance_keys (tenant_id, instance_id, name, value, is_unique) VALUES ${Array.from({ length: count }, () => placeholders(5)).join(', ')}
    ON CONFLICT (tenant_id, name, value) WHERE "is_unique" DO NOTHING RETURNING name, value`),
  findByKey: `SELECT k.instance_id FROM statdesk_instance_keys k
    LEFT JOIN statdesk_instances i ON i.tenant_id = k.tenant_id AND i.id = k.instance_id
    WHERE k.tenant_id = ? AND k.name = ? AND k.value = ?
    ORDER BY CASE WHEN i.created_at IS NULL THEN 1 ELSE 0 END, i.created_at, k.instance_id LIMIT ?`,

  putTimer: `INSERT INTO statdesk_timers (${TIMER_COLUMNS}) VALUES ${placeholders(7)}
    ON CONFLICT (tenant_id, instance_id, "key") DO UPDATE SET id = excluded.id, due_at = excluded.due_at, event = excluded.event,
    created_at = excluded.created_at, lease_owner = NULL, lease_until = NULL`,
  deleteAllTimers: 'DELETE FROM statdesk_timers WHERE tenant_id = ? AND instance_id = ?',
  listTimers: `SELECT ${TIMER_COLUMNS} FROM statdesk_timers WHERE tenant_id = ? AND instance_id = ? ORDER BY due_at, id`,
  consumeTimer: 'DELETE FROM statdesk_timers WHERE id = ? AND tenant_id = ? RETURNING instance_id, "key"',
  consumeTimers: byCount((count) => `DELETE FROM statdesk_timers WHERE (id, tenant_id) IN (${rows(count, 2)}) RETURNING id, tenant_id, instance_id, "key"`),
  loadInstances: byCount((count) => `SELECT ${INSTANCE_COLUMNS} FROM statdesk_instances WHERE (tenant_id, id) IN (${rows(count, 2)})`),
  /** Several rows at once; the caller reports the rows not returned as conflicts. */
  appendHistories: byCount((count) =>
    `INSERT INTO statdesk_history (${HISTORY_COLUMNS}) VALUES ${Array.from({ length: count }, () => placeholders(13)).join(', ')}
    ON CONFLICT (tenant_id, instance_id, seq) DO NOTHING RETURNING instance_id, seq`),
  deleteTimerKeys: byCount((count) => `DELETE FROM statdesk_timers WHERE (tenant_id, instance_id, "key") IN (${rows(count, 3)})`),
  nextTimerDue: 'SELECT MIN(due_at) AS due FROM statdesk_timers',

  enqueueOutbox: byCount((count) =>
    `INSERT INTO statdesk_outbox (${OUTBOX_COLUMNS}) VALUES ${Array.from({ length: count }, () => placeholders(12)).join(', ')}`),
  /** Parameters end with the lease owner twice: `NULL` (no fence) or the claim that must still hold the row. */
  completeOutbox: `UPDATE statdesk_outbox SET status = 'done', attempts = attempts + 1, completed_at = ?, lease_owner = NULL, lease_until = NULL
    WHERE id = ? AND status = 'pending' AND (CAST(? AS varchar(100)) IS NULL OR lease_owner = ?)`,
  failOutbox: `UPDATE statdesk_outbox SET status = ?, attempts = attempts + 1, last_error = ?, next_attempt_at = ?, lease_owner = NULL, lease_until = NULL
    WHERE id = ? AND status = 'pending' AND (CAST(? AS varchar(100)) IS NULL OR lease_owner = ?)`,
  renewOutboxLease: `UPDATE statdesk_outbox SET lease_until = ? WHERE id = ? AND status = 'pending' AND lease_owner = ? RETURNING id`,

  getCommand: 'SELECT tenant_id, idempotency_key, fingerprint, result, created_at FROM statdesk_commands WHERE tenant_id = ? AND idempotency_key = ?',
  saveCommand: `INSERT INTO statdesk_commands (tenant_id, idempotency_key, fingerprint, result, created_at) VALUES ${placeholders(5)}
    ON CONFLICT (tenant_id, idempotency_key) DO NOTHING`,

  putWorkItems: byCount((count) =>
    `INSERT INTO statdesk_work_items (${WORK_ITEM_COLUMNS}) VALUES ${Array.from({ length: count }, () => placeholders(13)).join(', ')}
    ON CONFLICT (tenant_id, instance_id) DO UPDATE SET workflow = excluded.workflow, state = excluded.state, assignee = excluded.assignee,
    act_roles = excluded.act_roles, sla_condition = excluded.sla_condition, due_at = excluded.due_at, escalated = excluded.escalated,
    urgency_rank = excluded.urgency_rank, sort_at = excluded.sort_at, created_at = excluded.created_at, updated_at = excluded.updated_at`),
  deleteWorkItems: byCount((count) => `DELETE FROM statdesk_work_items WHERE (tenant_id, instance_id) IN (${rows(count, 2)})`),
  /** Filters are ANDed; the order is the indexes' (urgency rank, sort instant, id). */
  listWorkItems: (filters: string[]) =>
    `SELECT ${WORK_ITEM_COLUMNS} FROM statdesk_work_items WHERE ${['tenant_id = ?', ...filters].join(' AND ')}
    ORDER BY urgency_rank, sort_at, instance_id LIMIT ?`,

  listInstances: (filters: string[]) =>
    `SELECT ${INSTANCE_COLUMNS} FROM statdesk_instances WHERE ${['tenant_id = ?', ...filters].join(' AND ')} ORDER BY created_at, id LIMIT ?`,
};

/** A claim statement and how to order its parameters. */
export interface ClaimStatement {
  sql: string;
  params(now: unknown, limit: number, workerId: string, leaseUntil: unknown): unknown[];
}

function claim(dialect: Dialect, table: string, columns: string, dueColumn: string, extra: string): ClaimStatement {
  const free = `${extra}${dueColumn} <= ? AND (lease_until IS NULL OR lease_until <= ?)`;
  if (dialect === 'postgresql') {
    return {
      sql: `WITH due AS (SELECT id FROM ${table} WHERE ${free} ORDER BY ${dueColumn}, id LIMIT ? FOR UPDATE SKIP LOCKED)
        UPDATE ${table} AS t SET lease_owner = ?, lease_until = ? FROM due WHERE t.id = due.id
        RETURNING ${columns.split(', ').map((c) => `t.${c}`).join(', ')}`,
      params: (now, limit, workerId, leaseUntil) => [now, now, limit, workerId, leaseUntil],
    };
  }
  return {
    sql: `UPDATE ${table} SET lease_owner = ?, lease_until = ?
      WHERE id IN (SELECT id FROM ${table} WHERE ${free} ORDER BY ${dueColumn}, id LIMIT ?) RETURNING ${columns}`,
    params: (now, limit, workerId, leaseUntil) => [workerId, leaseUntil, now, now, limit],
  };
}

/**
 * Claim and consume due timers in the caller's transaction (`takeDueTimers`); parameters: now,
 * now, limit. PostgreSQL passes over rows other transactions hold, as the claims do.
 */
export function takeDueTimersStatement(dialect: Dialect): string {
  const lock = dialect === 'postgresql' ? ' FOR UPDATE SKIP LOCKED' : '';
  return `DELETE FROM statdesk_timers WHERE id IN (SELECT id FROM statdesk_timers WHERE due_at <= ? AND (lease_until IS NULL OR lease_until <= ?)
    ORDER BY due_at, id LIMIT ?${lock}) RETURNING ${TIMER_COLUMNS}`;
}

export function claimStatements(dialect: Dialect): { timers: ClaimStatement; outbox: ClaimStatement } {
  return {
    timers: claim(dialect, 'statdesk_timers', TIMER_COLUMNS, 'due_at', ''),
    outbox: claim(dialect, 'statdesk_outbox', OUTBOX_COLUMNS, 'next_attempt_at', "status = 'pending' AND "),
  };
}
