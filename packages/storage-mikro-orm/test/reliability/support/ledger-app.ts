/**
 * The application the crash tests kill: a fee-receipt workflow ("ledger") on a desk with
 * MikroORM storage, whose effects reach two outside systems kept as tables of the test schema:
 *
 * - the ledger (`ledger.post`, `ledger.close` effects), which dedupes on the effect's delivery
 *   key, as a finance system given an idempotency key does;
 * - the SMS provider behind the real template notifier, which dedupes on the message's
 *   idempotency key, with the sent-notification keys in PostgreSQL (`mikroOrmSentNotifications`).
 *
 * Each system also logs every attempt, so a test sees a redelivery happen and be absorbed. The
 * child process and the test's own recovery build the same desk, with and without kill points.
 */
import {
  createDesk,
  createTemplateNotifier,
  createTemplateSet,
  defineWorkflow,
  effect,
  notification,
  notify,
  type Clock,
  type Desk,
  type EffectHandler,
  type SentNotificationStore,
  type SmsTransport,
} from '@statdesk/core';
import { mikroOrmSentNotifications, type MikroOrmStorage } from '@statdesk/storage-mikro-orm';
import { memoryContacts } from '@statdesk/testing';
import type pg from 'pg';
import { assign, setup } from 'xstate';
import { z } from 'zod';
import { killableStorage, type KillSwitch } from './kill-points';

export const tenantId = 'sci';
export const instanceId = 'L-1';
export const clerk = { id: 'clerk-1', roles: ['clerk'] };
export const financeOfficer = { id: 'finance-1', roles: ['finance'] };
export const ledgerInput = { profileId: 'citizen-1', reference: 'IO-1404-000777', amount: '2500000' };
export const HOUR = 3_600_000;
export const LEASE_MS = 60_000;

/** The outside systems' tables, created in the test schema beside statdesk's. */
export const TARGET_TABLES_SQL = `
  CREATE TABLE crash_ledger (delivery_key text PRIMARY KEY, type text NOT NULL, instance_id text NOT NULL);
  CREATE TABLE crash_sms (idempotency_key text PRIMARY KEY, template text NOT NULL);
  CREATE TABLE crash_attempts (n serial PRIMARY KEY, system text NOT NULL, delivery_key text NOT NULL);`;
export const TARGET_TABLES = ['crash_ledger', 'crash_sms', 'crash_attempts'];

export const ledgerWorkflow = defineWorkflow({
  name: 'ledger',
  version: '1',
  machine: setup({
    types: {} as {
      context: { profileId: string; reference: string; amount: bigint; receipt?: string; reminders: number };
      input: { profileId: string; reference: string; amount: bigint };
      events: { type: 'confirm'; receipt: string };
    },
  }).createMachine({
    id: 'ledger',
    context: ({ input }) => ({ ...input, reminders: 0 }),
    initial: 'open',
    states: {
      open: {
        // Leaving `open` cancels this timer: the confirm transition deletes a timer row too.
        after: { [7 * 24 * HOUR]: { actions: assign({ reminders: ({ context }) => context.reminders + 1 }) } },
        on: {
          confirm: {
            target: 'confirmed',
            actions: [
              assign({ receipt: ({ event }) => event.receipt }),
              effect('ledger.post', ({ context }) => ({ reference: context.reference, amount: context.amount })),
              notify(({ context }) => ({
                recipient: { profileId: context.profileId },
                channel: 'sms',
                ...notification('information-order.payment-confirmed', { orderNumber: context.reference, amount: context.amount }),
              })),
            ],
          },
        },
      },
      confirmed: { after: { [HOUR]: 'closed' } },
      closed: { type: 'final', entry: effect('ledger.close', ({ context }) => ({ reference: context.reference })) },
    },
  }),
  create: {
    schema: z.object({ profileId: z.string(), reference: z.string(), amount: z.coerce.bigint().positive() }),
    roles: ['clerk'],
  },
  readRoles: ['clerk', 'finance'],
  events: { confirm: { schema: z.object({ receipt: z.string().min(1) }), roles: ['finance'] } },
  keys: (snapshot) => [
    { name: 'ledger.reference', value: snapshot.context.reference, unique: true },
    ...(snapshot.context.receipt ? [{ name: 'ledger.receipt', value: snapshot.context.receipt, unique: true }] : []),
  ],
});

/** What the ledger app runs on: the storage, a pg pool on the same schema for the outside systems. */
export interface LedgerAppParts {
  storage: MikroOrmStorage;
  pool: pg.Pool;
  clock: Clock;
  kill: KillSwitch;
}

export function ledgerDesk({ storage, pool, clock, kill }: LedgerAppParts): Desk {
  const attempt = (system: string, key: string) => pool.query('INSERT INTO crash_attempts (system, delivery_key) VALUES ($1, $2)', [system, key]);

  const ledger: EffectHandler = async (fx) => {
    kill.point(`effect.${fx.type}.before`);
    await attempt(fx.type, fx.idempotencyKey);
    await pool.query('INSERT INTO crash_ledger (delivery_key, type, instance_id) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [fx.idempotencyKey, fx.type, fx.instanceId]);
    kill.point(`effect.${fx.type}.after`);
  };

  const sms: SmsTransport = {
    async send(delivery) {
      kill.point('sms.provider.before');
      await attempt('sms', delivery.idempotencyKey);
      await pool.query('INSERT INTO crash_sms (idempotency_key, template) VALUES ($1, $2) ON CONFLICT DO NOTHING', [delivery.idempotencyKey, delivery.message.template]);
      kill.point('sms.provider.after');
      return { providerMessageId: `sms-${delivery.idempotencyKey}` };
    },
  };

  const persisted = mikroOrmSentNotifications(storage);
  const sent: SentNotificationStore = {
    find: (key) => persisted.find(key),
    async record(entry) {
      await persisted.record(entry);
      kill.point('sent.record.after');
    },
  };

  const contacts = memoryContacts().set(tenantId, ledgerInput.profileId, { mobile: '09121234567', language: 'fa' });
  return createDesk({
    storage: killableStorage(storage, kill),
    clock,
    workflows: [ledgerWorkflow],
    notifier: createTemplateNotifier({ contacts, templates: createTemplateSet(), transports: { sms }, sent, clock }),
    effects: { 'ledger.post': ledger, 'ledger.close': ledger },
    // Await the dispatch after commit, so the crash points inside effects are reached in-process.
    outbox: { afterCommit: 'await', leaseMs: LEASE_MS },
    timers: { leaseMs: LEASE_MS },
    logger: { warn: () => {}, error: () => {} },
  });
}

/** The steps of the ledger's life the crash tests kill, each run by one process. */
export const PHASES = ['create', 'confirm', 'timer'] as const;
export type Phase = (typeof PHASES)[number];

/** When each phase runs: the timer phase after the one-hour timer is due. */
export const T0 = new Date('2025-04-12T06:00:00.000Z');
export function phaseTime(phase: Phase): Date {
  return new Date(T0.getTime() + (phase === 'timer' ? 2 * HOUR : 0));
}

/** Runs one phase as a portal would: a command with its idempotency key, or a worker cycle. */
export async function runPhase(desk: Desk, phase: Phase): Promise<{ replayed?: boolean }> {
  switch (phase) {
    case 'create': {
      const result = await desk.create({ tenantId, workflow: 'ledger', actor: clerk, instanceId, input: ledgerInput, idempotencyKey: `create-${instanceId}` });
      return { replayed: result.replayed };
    }
    case 'confirm': {
      const event = { type: 'confirm', receipt: 'BANK-88120' };
      const result = await desk.send({ tenantId, instanceId, actor: financeOfficer, event, idempotencyKey: `confirm-${instanceId}` });
      return { replayed: result.replayed };
    }
    case 'timer':
      await desk.runDueTimers();
      await desk.dispatchOutbox();
      return {};
  }
}

/** Worker cycles until a cycle finds nothing to do. */
export async function runToQuiescence(desk: Desk): Promise<void> {
  for (let round = 0; round < 50; round++) {
    const timers = await desk.runDueTimers();
    const outbox = await desk.dispatchOutbox();
    if (timers.delivered + timers.skipped + timers.failed + outbox.sent + outbox.retried + outbox.dead === 0) return;
  }
  throw new Error('workers did not come to rest in 50 cycles');
}
