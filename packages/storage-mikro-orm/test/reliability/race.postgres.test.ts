/**
 * Race tests on PostgreSQL, with real concurrency: several desks, each on a storage with its own
 * connection pool (as several server processes would be), on one schema.
 *
 * - 16 staff commands at once on one instance: each is applied exactly once or rejected with a
 *   typed CONFLICT; versions and history stay contiguous; with conflict retries all 16 apply.
 * - Two workers on one due timer, the second one's clock past the first one's lease: the timer
 *   is delivered once, and its effect reaches the outside system once.
 * - Gateway callbacks (three at once, as a reloading browser sends them) racing two reconciler
 *   sweeps on one paid payment: verified once, paid once, one settlement, one message.
 *
 * Each is repeated (default run: a modest count; STATDESK_LONG_TESTS=1: many more).
 */
import { createDesk, decodeJson, handlePaymentCallback, isStatdeskError, systemActor, type CommandResult, type Desk, type OutboxEffect } from '@statdesk/core';
import { mikroOrmStorage, type MikroOrmStorage } from '@statdesk/storage-mikro-orm';
import { TestClock } from '@statdesk/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postgresSchema, type PostgresSchema } from '../support/postgres';
import { casefileWorkflow, HOUR, officer, registrar } from './support/casefile.workflow';
import { orderAtTheBank, settle, shopCluster, tenantId, type ShopCluster } from './support/shop-on-postgres';

const LONG = process.env.STATDESK_LONG_TESTS === '1';
const REPEAT = { commands: LONG ? 60 : 20, timers: LONG ? 100 : 20, payments: LONG ? 30 : 8 };
const SERVERS = 4;
const T0 = new Date('2025-04-12T06:00:00.000Z');
const LEASE_MS = 60_000;

let db: PostgresSchema;
/** One storage per simulated server, each with its own pool. */
const storages: MikroOrmStorage[] = [];
const figures = { commands: 0, applied: 0, conflicts: 0, timerRaces: 0, bothClaimed: 0, effectRedeliveries: 0, paymentRaces: 0, callbacks: 0 };

beforeAll(async () => {
  db = await postgresSchema('race', { max: 4 });
  storages.push(db.storage);
  for (let i = 1; i < SERVERS; i++) {
    storages.push(await mikroOrmStorage({ driver: 'postgresql', clientUrl: db.url, schema: db.schema, settings: { synchronous_commit: 'off' }, pool: { max: 4 } }));
  }
  await db.client.query('CREATE TABLE race_effects (delivery_key text PRIMARY KEY); CREATE TABLE race_attempts (delivery_key text NOT NULL)');
});
afterAll(async () => {
  for (const storage of storages.slice(1)) await storage.close();
  await db?.drop();
  process.stdout.write(`race figures: ${JSON.stringify(figures)}\n`);
});

/** The outside system: logs every attempt, keeps each delivery key once. */
async function deliver(effect: OutboxEffect): Promise<void> {
  await db.client.query('INSERT INTO race_attempts (delivery_key) VALUES ($1)', [effect.idempotencyKey]);
  await db.client.query('INSERT INTO race_effects (delivery_key) VALUES ($1) ON CONFLICT DO NOTHING', [effect.idempotencyKey]);
}

function casefileDesk(storage: MikroOrmStorage, options: { clock?: TestClock; conflictRetries?: number; workerId?: string } = {}): Desk {
  return createDesk({
    storage,
    workflows: [casefileWorkflow],
    clock: options.clock ?? new TestClock(T0),
    ...(options.conflictRetries !== undefined ? { conflictRetries: options.conflictRetries } : {}),
    ...(options.workerId ? { workerId: options.workerId } : {}),
    effects: { 'casefile.noted': deliver, 'casefile.lapsed': deliver },
    outbox: { afterCommit: 'off', leaseMs: LEASE_MS },
    timers: { leaseMs: LEASE_MS },
    logger: { warn: () => {}, error: () => {} },
  });
}

const q = async (sql: string, params: unknown[] = []) => (await db.client.query(sql, params)).rows as Record<string, unknown>[];

describe('races on PostgreSQL', () => {
  for (const retries of [0, 32]) {
    it(`16 concurrent staff commands on one instance from ${SERVERS} servers (${retries ? 'with' : 'without'} conflict retries), ${REPEAT.commands} times: no lost update`, { timeout: 600_000 }, async () => {
      const desks = storages.map((storage) => casefileDesk(storage, { conflictRetries: retries }));
      for (let rep = 0; rep < REPEAT.commands; rep++) {
        const instanceId = `CF-${retries}-${rep}`;
        const ref = { tenantId, instanceId };
        await desks[0]!.create({ tenantId, workflow: 'casefile', actor: registrar, instanceId, input: { subject: 'census appeal' } });
        const texts = Array.from({ length: 16 }, (_, i) => `note ${i}`);
        const results = await Promise.allSettled(texts.map((text, i) => desks[i % SERVERS]!.send({ tenantId, instanceId, actor: officer, event: { type: 'note', text } })));
        const applied = results.flatMap((r, i) => (r.status === 'fulfilled' ? [{ text: texts[i]!, result: r.value }] : []));
        for (const r of results) if (r.status === 'rejected') expect(isStatdeskError(r.reason, 'CONFLICT'), String(r.reason)).toBe(true);
        if (retries) expect(applied).toHaveLength(16);
        expect(applied.length).toBeGreaterThan(0);
        figures.commands += 16;
        figures.applied += applied.length;
        figures.conflicts += 16 - applied.length;

        // Each applied command got its own version; the instance is at the last one.
        const versions = applied.map((a) => (a.result as CommandResult).version).sort((a, b) => a - b);
        expect(versions).toEqual(applied.map((_, i) => i + 2));
        const [instance] = await q('SELECT version, history_seq, snapshot FROM statdesk_instances WHERE id = $1', [instanceId]);
        expect(instance).toMatchObject({ version: 1 + applied.length, history_seq: 1 + applied.length });
        expect((decodeJson(instance!.snapshot as never) as { context: { notes: number } }).context.notes).toBe(applied.length);
        // History: contiguous, one row per applied command, chain intact.
        const history = await q('SELECT seq, event_type, payload FROM statdesk_history WHERE instance_id = $1 ORDER BY seq', [instanceId]);
        expect(history.map((h) => h.seq)).toEqual(history.map((_, i) => i + 1));
        expect(history.slice(1).map((h) => (h.payload as { text: string }).text).sort()).toEqual(applied.map((a) => a.text).sort());
        expect(await desks[1]!.verifyHistory(ref)).toEqual({ ok: true, length: 1 + applied.length });
        // Effects: one outbox row per applied command, none for a rejected one.
        const outbox = await q(`SELECT payload FROM statdesk_outbox WHERE instance_id = $1 AND type = 'casefile.noted'`, [instanceId]);
        expect(outbox.map((o) => (o.payload as { text: string }).text).sort()).toEqual(applied.map((a) => a.text).sort());
      }
    });
  }

  it(`two workers on one due timer, the second past the first one's lease, ${REPEAT.timers} times: delivered once, its effect once`, { timeout: 600_000 }, async () => {
    await db.truncate();
    for (let rep = 0; rep < REPEAT.timers; rep++) {
      const instanceId = `CF-timer-${rep}`;
      const ref = { tenantId, instanceId };
      await casefileDesk(storages[0]!).create({ tenantId, workflow: 'casefile', actor: registrar, instanceId, input: { subject: 'lapse' } });
      const due = T0.getTime() + HOUR + 1_000;
      const first = casefileDesk(storages[1]!, { clock: new TestClock(new Date(due)), workerId: 'worker-a' });
      const second = casefileDesk(storages[2]!, { clock: new TestClock(new Date(due + LEASE_MS + 1_000)), workerId: 'worker-b' });
      const runs = await Promise.all([first.runDueTimers(), second.runDueTimers()]);
      const delivered = runs.reduce((n, r) => n + r.delivered, 0);
      const claimed = runs.reduce((n, r) => n + r.delivered + r.skipped + r.failed, 0);
      expect(runs.every((r) => r.failed === 0)).toBe(true);
      figures.timerRaces++;
      if (claimed === 2) figures.bothClaimed++;
      // Other reps' timers may be claimed in the same run: count this instance's history only.
      const history = await q('SELECT event_type FROM statdesk_history WHERE instance_id = $1 ORDER BY seq', [instanceId]);
      expect(history.map((h) => h.event_type)).toEqual(['statdesk.create', `xstate.after.${HOUR}.casefile.open`]);
      expect(delivered).toBeGreaterThanOrEqual(1);
      expect(await first.verifyHistory(ref)).toMatchObject({ ok: true });
      // Both dispatch too: the lapse effect reaches the outside system once.
      await Promise.all([first.dispatchOutbox(), second.dispatchOutbox()]);
      const outbox = await q(`SELECT idempotency_key, status FROM statdesk_outbox WHERE instance_id = $1`, [instanceId]);
      expect(outbox).toEqual([{ idempotency_key: `${tenantId}:${instanceId}:2:0`, status: 'done' }]);
      const kept = await q('SELECT COUNT(*)::int AS n FROM race_effects WHERE delivery_key = $1', [outbox[0]!.idempotency_key]);
      expect(kept).toEqual([{ n: 1 }]);
      const [attempts] = await q('SELECT COUNT(*)::int AS n FROM race_attempts WHERE delivery_key = $1', [outbox[0]!.idempotency_key]);
      figures.effectRedeliveries += (attempts!.n as number) - 1;
    }
    expect(await q(`SELECT COUNT(*)::int AS n FROM statdesk_timers WHERE instance_id LIKE 'CF-timer-%'`)).toEqual([{ n: 0 }]);
  });

  it(`three callbacks and two reconciler sweeps racing on one paid payment, from three servers, ${REPEAT.payments} times: paid once`, { timeout: 600_000 }, async () => {
    await db.truncate();
    const shop: ShopCluster = await shopCluster(db, 3);
    try {
      for (let rep = 0; rep < REPEAT.payments; rep++) {
        const [a, b, c] = shop.servers as [ShopCluster['servers'][number], ShopCluster['servers'][number], ShopCluster['servers'][number]];
        const { orderId, paymentId, authority } = await orderAtTheBank(a.desk, `SO-RACE-${rep}`);
        const callback = new URL(shop.sim.pay(authority)).searchParams;
        const verifiesBefore = shop.sim.callsTo('verify').filter((body) => body.authority === authority).length;
        const outcomes = await Promise.allSettled([
          handlePaymentCallback(a.desk, { tenantId, query: callback }),
          handlePaymentCallback(b.desk, { tenantId, query: callback }),
          handlePaymentCallback(c.desk, { tenantId, query: callback }),
          b.reconciler.sweep(),
          c.reconciler.sweep(),
        ]);
        await settle(shop.servers);
        figures.paymentRaces++;
        figures.callbacks += 3;
        // Nobody gets an error: a callback that lost the race is a duplicate, not a failure.
        for (const o of outcomes) expect(o.status, o.status === 'rejected' ? String(o.reason) : '').toBe('fulfilled');
        const values = outcomes.map((o) => (o as PromiseFulfilledResult<unknown>).value);
        const accepted = values.slice(0, 3).filter((v) => (v as { accepted: boolean }).accepted).length;
        const reported = values.slice(3).reduce<number>((n, v) => n + (v as { reported: number }).reported, 0);
        expect(accepted + reported, `rep ${rep}`).toBe(1);

        const events = async (id: string) => (await q('SELECT event_type FROM statdesk_history WHERE instance_id = $1 ORDER BY seq', [id])).map((h) => h.event_type as string);
        const count = (list: string[], type: string) => list.filter((e) => e === type).length;
        const payment = await events(paymentId);
        expect(count(payment, 'callback') + count(payment, 'reportedPaid')).toBe(1);
        expect(count(payment, 'verificationSucceeded')).toBe(1);
        expect(payment.at(-1)).toBe('settled');
        expect(shop.sim.callsTo('verify').filter((body) => body.authority === authority).length - verifiesBefore).toBe(1);
        expect(count(await events(orderId), 'paymentVerified')).toBe(1);
        expect(await q(`SELECT type FROM statdesk_outbox WHERE instance_id = $1 AND type = 'payment.settle'`, [paymentId])).toHaveLength(1);
        const view = await a.desk.get({ tenantId, instanceId: orderId }, systemActor);
        expect(view.state).toBe('completed');
        // One message per channel (e-mail and SMS), each once.
        const ready = shop.notifier.calls.filter((m) => m.template === 'shop-order.download-ready' && m.idempotencyKey.includes(`:${orderId}:`));
        expect(ready.map((m) => m.channel).sort()).toEqual(['email', 'sms']);
      }
    } finally {
      await shop.close();
    }
  });
});
