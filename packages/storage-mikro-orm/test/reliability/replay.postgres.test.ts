/**
 * Replay tests on PostgreSQL: a whole checkout runs with every command logged (the customer's,
 * each sent with an idempotency key as a portal does from the `Idempotency-Key` header, and the
 * ones the payment's effect handlers send for the gateway's answers). Then every command is
 * replayed, on another server:
 *
 * - with its idempotency key: the stored result comes back (`replayed: true`), nothing is
 *   written, no effect runs again (no gateway call, no message);
 * - without it: the state machine rejects it with a typed error (the state has moved on, or the
 *   instance exists), and nothing is written; or, where the state machine takes it as a new
 *   intent (paying again after a cancelled payment), it starts something new and repeats
 *   nothing of the first.
 *
 * Every gateway callback (the OK the browser brought, a reload of it, a forged NOK) is replayed
 * the same way: accepted as a duplicate, nothing changes.
 */
import { handlePaymentCallback, isStatdeskError, type CommandResult, type CreateCommand, type Desk, type SendCommand } from '@statdesk/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STATDESK_TABLES, postgresSchema, type PostgresSchema } from '../support/postgres';
import { orderAtTheBank, settle, shopCluster, tenantId, type ShopCluster } from './support/shop-on-postgres';

type Logged = { kind: 'create'; command: CreateCommand; result: CommandResult } | { kind: 'send'; command: SendCommand; result: CommandResult };

/** Stands in front of a desk and logs every command it applied (not replays, not rejections). */
function loggingDesk(inner: Desk, log: Logged[]): Desk {
  const desk = Object.create(inner) as Desk;
  desk.create = async (command) => {
    const result = await inner.create(command);
    if (!result.replayed) log.push({ kind: 'create', command: structuredClone(command), result });
    return result;
  };
  desk.send = async (command) => {
    const result = await inner.send(command);
    if (!result.replayed) log.push({ kind: 'send', command: structuredClone(command), result });
    return result;
  };
  return desk;
}

let db: PostgresSchema;
const figures = { withKey: 0, withoutKey: 0, callbacks: 0, acceptedWithoutKey: 0 };
beforeAll(async () => {
  db = await postgresSchema('replay');
});
afterAll(async () => {
  await db?.drop();
  process.stdout.write(`replay figures: ${JSON.stringify(figures)}\n`);
});

/** Row counts of every statdesk table, and what reached the outside (gateway calls, messages). */
async function footprint(shop: ShopCluster) {
  const counts: Record<string, number> = {};
  for (const table of STATDESK_TABLES) counts[table] = Number((await db.client.query(`SELECT COUNT(*)::int AS n FROM ${table}`)).rows[0].n);
  const pending = Number((await db.client.query(`SELECT COUNT(*)::int AS n FROM statdesk_outbox WHERE status <> 'done'`)).rows[0].n);
  return { counts, pending, gatewayCalls: shop.sim.calls.length, messages: shop.notifier.calls.length };
}

/** History rows per instance. */
async function historyLengths(): Promise<Record<string, number>> {
  const rows = (await db.client.query('SELECT instance_id, COUNT(*)::int AS n FROM statdesk_history GROUP BY instance_id')).rows as { instance_id: string; n: number }[];
  return Object.fromEntries(rows.map((r) => [r.instance_id, r.n]));
}

/** Commands a state machine takes again without a key, as a new intent, per scenario. */
const newIntents: Record<string, string[]> = { 'paid, callback OK': [], 'cancelled at the bank, callback NOK': ['pay'] };

const scenarios = {
  'paid, callback OK': async (shop: ShopCluster, desk: Desk, orderId: string) => {
    const { authority } = await orderAtTheBank(desk, orderId, true);
    const url = shop.sim.pay(authority);
    await handlePaymentCallback(desk, { tenantId, query: new URL(url).searchParams });
    return [url, url.replace('Status=OK', 'Status=NOK')];
  },
  'cancelled at the bank, callback NOK': async (shop: ShopCluster, desk: Desk, orderId: string) => {
    const { authority } = await orderAtTheBank(desk, orderId, true);
    const url = shop.sim.cancel(authority);
    await handlePaymentCallback(desk, { tenantId, query: new URL(url).searchParams });
    return [url, url.replace('Status=NOK', 'Status=OK')];
  },
};

describe('replaying every command and every gateway callback, on PostgreSQL', () => {
  for (const [name, run] of Object.entries(scenarios)) {
    it(`${name}: with its key a replay returns the stored result; without, it is rejected; nothing is written twice`, { timeout: 300_000 }, async () => {
      await db.truncate();
      const log: Logged[] = [];
      const shop = await shopCluster(db, 2, (desk) => loggingDesk(desk, log));
      try {
        const [first, second] = shop.servers as [ShopCluster['servers'][number], ShopCluster['servers'][number]];
        const orderId = `SO-REPLAY-${name.startsWith('paid') ? 'OK' : 'NOK'}`;
        const callbacks = await run(shop, first.desk, orderId);
        await settle(shop.servers);
        const keyed = log.filter((entry) => entry.command.idempotencyKey !== undefined);
        // The customer's three commands and the payment effects' answers all carry keys.
        expect(keyed.length).toBeGreaterThanOrEqual(6);
        expect(log.filter((entry) => entry.command.idempotencyKey === undefined).map((entry) => (entry.command as SendCommand).event?.type)).toEqual(['callback']);
        let settled = await footprint(shop);
        expect(settled.pending).toBe(0);
        const replays = [...log];
        log.length = 0;

        for (const entry of keyed) {
          const replay = entry.kind === 'create' ? await second.desk.create(entry.command) : await second.desk.send(entry.command);
          expect(replay, `${entry.kind} ${entry.command.idempotencyKey}`).toEqual({ ...entry.result, replayed: true });
          figures.withKey++;
        }
        await settle(shop.servers);
        expect(await footprint(shop)).toEqual(settled);

        const lengths = await historyLengths();
        const accepted: string[] = [];
        for (const entry of replays) {
          const { idempotencyKey: _key, ...bare } = entry.command;
          const outcome = await (entry.kind === 'create' ? second.desk.create(bare as CreateCommand) : second.desk.send(bare as SendCommand)).then(
            (result) => ({ result }),
            (error: unknown) => ({ error }),
          );
          figures.withoutKey++;
          const type = entry.kind === 'create' ? `create ${(entry.command as CreateCommand).workflow}` : (entry.command as SendCommand).event.type;
          if ('result' in outcome) {
            expect(newIntents[name], `${type} without key was applied`).toContain(type);
            accepted.push(type);
            figures.acceptedWithoutKey++;
            continue;
          }
          // The state moved on, or (a create with its own id) the instance exists, or the event is
          // internal: the log holds a copy of the engine's actor, and only the engine itself may send those.
          const error = outcome.error;
          const internal = entry.kind === 'send' && entry.command.actor.roles.includes('system') && isStatdeskError(error, 'NOT_ALLOWED');
          expect(
            isStatdeskError(error, 'INVALID_TRANSITION') || internal || (entry.kind === 'create' && isStatdeskError(error, 'CONFLICT')),
            `${type} without key: ${String(error)}`,
          ).toBe(true);
        }
        await settle(shop.servers);
        expect(accepted).toEqual(newIntents[name]);
        if (accepted.length) {
          // Paying again opened a second attempt; nothing of the first one ran again.
          const now = await historyLengths();
          expect(now).toEqual({ ...lengths, [orderId]: lengths[orderId]! + 1, [`${orderId}.payment-2`]: 2 });
          expect(shop.sim.calls.slice(settled.gatewayCalls).map((c) => c.endpoint)).toEqual(['request']);
          settled = await footprint(shop);
          log.length = 0;
        }
        expect(log).toEqual([]);
        expect(await footprint(shop)).toEqual(settled);

        for (const url of [...callbacks, callbacks[0]!]) {
          const result = await handlePaymentCallback(second.desk, { tenantId, query: new URL(url).searchParams });
          expect(result.accepted, url).toBe(false);
          figures.callbacks++;
        }
        await settle(shop.servers);
        expect(await footprint(shop)).toEqual(settled);
        expect(log).toEqual([]);
      } finally {
        await shop.close();
      }
    });
  }
});
