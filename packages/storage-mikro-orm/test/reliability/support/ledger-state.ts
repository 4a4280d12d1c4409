/**
 * What the crash tests compare, read with plain SQL (never through the adapter): the durable
 * part of a transition (instance row, history, timers, outbox rows, command keys, lookup keys),
 * and what the outside systems hold.
 */
import type pg from 'pg';

export interface TransitionState {
  instance: unknown;
  history: unknown[];
  timers: unknown[];
  outbox: unknown[];
  commands: unknown[];
  keys: unknown[];
}

export interface EffectState {
  outbox: unknown[];
  ledger: unknown[];
  sms: unknown[];
  sentNotifications: unknown[];
}

const rows = async (client: pg.Client, sql: string) => (await client.query(sql)).rows;

export async function transitionState(client: pg.Client): Promise<TransitionState> {
  const [instance] = await rows(client, 'SELECT id, state, status, version, history_seq, keys FROM statdesk_instances');
  return {
    instance: instance ?? null,
    history: await rows(client, 'SELECT instance_id, seq, event_type, from_state, to_state FROM statdesk_history ORDER BY instance_id, seq'),
    timers: await rows(client, 'SELECT instance_id, "key" FROM statdesk_timers ORDER BY "key"'),
    outbox: await rows(client, 'SELECT type, idempotency_key FROM statdesk_outbox ORDER BY idempotency_key'),
    commands: await rows(client, 'SELECT idempotency_key FROM statdesk_commands ORDER BY idempotency_key'),
    keys: await rows(client, 'SELECT instance_id, name, value FROM statdesk_instance_keys ORDER BY name'),
  };
}

export async function effectState(client: pg.Client): Promise<EffectState> {
  return {
    outbox: await rows(client, 'SELECT type, idempotency_key, status FROM statdesk_outbox ORDER BY idempotency_key'),
    ledger: await rows(client, 'SELECT delivery_key, type FROM crash_ledger ORDER BY delivery_key'),
    sms: await rows(client, 'SELECT idempotency_key, template FROM crash_sms ORDER BY idempotency_key'),
    sentNotifications: await rows(client, 'SELECT idempotency_key FROM statdesk_sent_notifications ORDER BY idempotency_key'),
  };
}

/** Attempts per delivery key, as the outside systems logged them. */
export async function attemptsByKey(client: pg.Client): Promise<Map<string, number>> {
  const found = await rows(client, 'SELECT system, delivery_key, COUNT(*)::int AS n FROM crash_attempts GROUP BY system, delivery_key');
  return new Map(found.map((r) => [`${r.system as string} ${r.delivery_key as string}`, r.n as number]));
}
