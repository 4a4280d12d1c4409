/**
 * Timers delivered several per storage transaction (`timers.deliveriesPerTransaction`): fewer
 * commits, and a batch that conflicts or throws falls back to one-by-one delivery, so the other
 * timers of the batch are still delivered exactly once.
 */
import { ConflictError, createDesk, defineWorkflow, type InstanceRecord, type Storage, type StorageTransaction } from '@statdesk/core';
import { MemoryStorage, TestClock } from '@statdesk/testing';
import { describe, expect, it } from 'vitest';
import { assign, setup } from 'xstate';
import { z } from 'zod';

const tenantId = 'sci';
const officer = { id: 'officer-1', roles: ['officer'] };
const MINUTE = 60_000;

/** A request that escalates when nobody answers it within a minute; `poison` breaks the escalation. */
const escalation = defineWorkflow({
  name: 'escalation',
  version: '1',
  machine: setup({ types: {} as { context: { title: string }; input: { title: string } } }).createMachine({
    id: 'escalation',
    context: ({ input }) => ({ title: input.title }),
    initial: 'waiting',
    states: { waiting: { after: { [MINUTE]: 'escalated' } }, escalated: {} },
  }),
  create: { schema: z.object({ title: z.string() }), roles: ['officer'] },
  ownerRoles: [],
  readRoles: ['officer'],
  events: {},
  keys: (snapshot) => {
    if (snapshot.context.title === 'poison' && snapshot.value === 'escalated') throw new Error('this escalation cannot be written');
    return [];
  },
});

/** A reminder every minute re-enters `waiting` (re-arming both timers); two minutes without one expire it. */
const reminders = defineWorkflow({
  name: 'reminders',
  version: '1',
  machine: setup({ types: {} as { context: { reminded: number } } }).createMachine({
    id: 'reminders',
    context: { reminded: 0 },
    initial: 'waiting',
    states: {
      waiting: {
        after: {
          [MINUTE]: { target: 'waiting', reenter: true, actions: assign({ reminded: ({ context }) => context.reminded + 1 }) },
          [2 * MINUTE]: 'expired',
        },
      },
      expired: { type: 'final' },
    },
  }),
  create: { roles: ['officer'] },
  ownerRoles: [],
  readRoles: ['officer'],
  events: {},
});

/** A storage that counts its transactions and can make one instance's next update conflict. */
class ObservedStorage implements Storage {
  transactions = 0;
  conflictOnce = new Set<string>();
  /** Offer only the required port methods (no consumeTimers/loadInstances). */
  plain = false;
  constructor(readonly inner: MemoryStorage) {}

  transaction<T>(fn: (tx: StorageTransaction) => Promise<T>): Promise<T> {
    this.transactions++;
    return this.inner.transaction((tx) =>
      fn(
        Object.assign(Object.create(tx) as StorageTransaction, this.plain ? { consumeTimers: undefined, loadInstances: undefined, takeDueTimers: undefined } : {}, {
          updateInstance: async (record: InstanceRecord, expectedVersion: number) => {
            if (this.conflictOnce.delete(record.id)) throw new ConflictError(`test: ${record.id} changed meanwhile`, { entity: 'instance', id: record.id });
            return tx.updateInstance(record, expectedVersion);
          },
        }),
      ),
    );
  }
  getInstance: Storage['getInstance'] = (ref) => this.inner.getInstance(ref);
  listInstances: Storage['listInstances'] = (query) => this.inner.listInstances(query);
  listWorkItems: Storage['listWorkItems'] = (query) => this.inner.listWorkItems(query);
  readHistory: Storage['readHistory'] = (ref) => this.inner.readHistory(ref);
  getCommand: Storage['getCommand'] = (t, k) => this.inner.getCommand(t, k);
  findInstancesByKey: Storage['findInstancesByKey'] = (t, n, v, l) => this.inner.findInstancesByKey(t, n, v, l);
  claimDueTimers: Storage['claimDueTimers'] = (o) => this.inner.claimDueTimers(o);
  nextTimerDue: Storage['nextTimerDue'] = () => this.inner.nextTimerDue();
  claimOutbox: Storage['claimOutbox'] = (o) => this.inner.claimOutbox(o);
  completeOutbox: Storage['completeOutbox'] = (id, at) => this.inner.completeOutbox(id, at);
  failOutbox: Storage['failOutbox'] = (id, f) => this.inner.failOutbox(id, f);
  reportSlaCompliance: Storage['reportSlaCompliance'] = (p) => this.inner.reportSlaCompliance(p);
  reportVolumes: Storage['reportVolumes'] = (p, k) => this.inner.reportVolumes(p, k);
  reportRevenue: Storage['reportRevenue'] = (p, l) => this.inner.reportRevenue(p, l);
  reportSatisfaction: Storage['reportSatisfaction'] = (p, s) => this.inner.reportSatisfaction(p, s);
}

async function setupDesk(count: number, options: { deliveriesPerTransaction?: number; titles?: (i: number) => string; plain?: boolean } = {}) {
  const memory = new MemoryStorage();
  const storage = new ObservedStorage(memory);
  storage.plain = options.plain ?? false;
  const clock = new TestClock('2025-04-05T06:00:00.000Z');
  const errors: unknown[] = [];
  const desk = createDesk({
    storage,
    clock,
    workflows: [escalation],
    timers: { batchSize: 500, ...(options.deliveriesPerTransaction ? { deliveriesPerTransaction: options.deliveriesPerTransaction } : {}) },
    logger: { warn: () => {}, error: (_message, fields) => errors.push(fields) },
  });
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    ids.push((await desk.create({ tenantId, workflow: 'escalation', actor: officer, input: { title: options.titles?.(i) ?? `request ${i}` } })).instanceId);
  }
  clock.advance(MINUTE);
  storage.transactions = 0;
  const escalations = (instanceId: string) => memory.oracle.history({ tenantId, instanceId }).filter((h) => h.eventType.startsWith('xstate.after'));
  return { desk, memory, storage, clock, ids, errors, escalations };
}

describe('timers delivered in batches', () => {
  it.each([
    ['with consumeTimers/loadInstances', false],
    ['on a storage without them', true],
  ])('delivers 120 due timers in three transactions of at most 50, each exactly once (%s)', async (_label, plain) => {
    const { desk, memory, storage, ids, escalations } = await setupDesk(120, { deliveriesPerTransaction: 50, plain });
    expect(await desk.runDueTimers()).toEqual({ delivered: 120, skipped: 0, failed: 0 });
    // Without takeDueTimers, the first run also spends one empty transaction learning that.
    expect(storage.transactions).toBe(plain ? 4 : 3);
    for (const instanceId of ids) {
      expect(escalations(instanceId)).toHaveLength(1);
      expect(memory.oracle.instance({ tenantId, instanceId })).toMatchObject({ state: 'escalated', version: 2, historySeq: 2 });
    }
    expect(memory.oracle.timers()).toEqual([]);
    expect(await desk.runDueTimers()).toEqual({ delivered: 0, skipped: 0, failed: 0 });
  });

  it('deliveriesPerTransaction 1 keeps one transaction per timer', async () => {
    const { desk, storage } = await setupDesk(7, { deliveriesPerTransaction: 1 });
    expect(await desk.runDueTimers()).toEqual({ delivered: 7, skipped: 0, failed: 0 });
    expect(storage.transactions).toBe(7);
  });

  it('a timer whose transition throws fails alone: the rest of its batch is delivered once, it stays pending', async () => {
    const { desk, memory, clock, ids, errors, escalations } = await setupDesk(20, { titles: (i) => (i === 13 ? 'poison' : `request ${i}`) });
    const poisoned = ids[13]!;
    expect(await desk.runDueTimers()).toEqual({ delivered: 19, skipped: 0, failed: 1 });
    for (const instanceId of ids) expect(escalations(instanceId)).toHaveLength(instanceId === poisoned ? 0 : 1);
    expect(memory.oracle.instance({ tenantId, instanceId: poisoned })).toMatchObject({ state: 'waiting', version: 1 });
    expect(errors).toEqual([expect.objectContaining({ instanceId: poisoned, error: 'this escalation cannot be written' })]);
    // Not lost: once its lease runs out it is offered again (and fails again, alone).
    expect(memory.oracle.timers().map((t) => t.instanceId)).toEqual([poisoned]);
    clock.advance(2 * MINUTE);
    expect(await desk.runDueTimers()).toEqual({ delivered: 0, skipped: 0, failed: 1 });
  });

  it('a conflict inside a batch rolls it back; one by one, every timer is still delivered exactly once', async () => {
    const { desk, memory, storage, ids, escalations } = await setupDesk(30);
    storage.conflictOnce.add(ids[7]!);
    expect(await desk.runDueTimers()).toEqual({ delivered: 30, skipped: 0, failed: 0 });
    // One rolled-back batch, then the same 30 timers one by one.
    expect(storage.transactions).toBe(1 + 30);
    for (const instanceId of ids) {
      expect(escalations(instanceId)).toHaveLength(1);
      expect(memory.oracle.instance({ tenantId, instanceId })).toMatchObject({ state: 'escalated', version: 2 });
    }
  });

  it('a timer consumed by another worker after our claim is skipped, and the batch around it is delivered', async () => {
    const { memory, clock } = await setupDesk(0);
    // Claims (not takes): a storage without takeDueTimers.
    const plain = new ObservedStorage(memory);
    plain.plain = true;
    const ours = createDesk({ storage: plain, workflows: [escalation], clock, timers: { leaseMs: 0 } });
    const ids: string[] = [];
    for (let i = 0; i < 10; i++) ids.push((await ours.create({ tenantId, workflow: 'escalation', actor: officer, input: { title: `request ${i}` } })).instanceId);
    clock.advance(MINUTE);
    // Leases expire at once, so another worker takes one of our claimed timers while we deliver.
    const other = createDesk({ storage: plain, workflows: [escalation], clock, timers: { batchSize: 1, leaseMs: 0 } });
    const [fromUs, fromOther] = await Promise.all([ours.runDueTimers(), other.runDueTimers()]);
    expect(fromOther).toEqual({ delivered: 1, skipped: 0, failed: 0 });
    expect(fromUs).toEqual({ delivered: 9, skipped: 1, failed: 0 });
    for (const instanceId of ids) expect(memory.oracle.history({ tenantId, instanceId })).toHaveLength(2);
    expect(memory.oracle.timers()).toEqual([]);
  });

  it('two desks with batched delivery on one storage deliver each of 500 timers once', async () => {
    const { desk, memory, clock, ids, escalations } = await setupDesk(500, { deliveriesPerTransaction: 25 });
    const second = createDesk({ storage: memory, clock, workflows: [escalation], timers: { batchSize: 60, deliveriesPerTransaction: 25 } });
    let total = 0;
    for (;;) {
      const [a, b] = await Promise.all([desk.runDueTimers({ limit: 70 }), second.runDueTimers()]);
      total += a.delivered + b.delivered;
      expect(a.failed + b.failed).toBe(0);
      if (a.delivered + a.skipped + b.delivered + b.skipped === 0) break;
    }
    expect(total).toBe(500);
    for (const instanceId of ids) expect(escalations(instanceId)).toHaveLength(1);
  });

  it('an earlier timer of the same batch that replaces a later one wins: the replaced timer is skipped, as one by one', async () => {
    const storage = new MemoryStorage();
    const clock = new TestClock('2025-04-05T06:00:00.000Z');
    const desk = createDesk({ storage, clock, workflows: [reminders], timers: { deliveriesPerTransaction: 10 } });
    const { instanceId } = await desk.create({ tenantId, workflow: 'reminders', actor: officer });
    // Both timers are due and claimed together; the reminder (due first) re-arms the expiry.
    clock.advance(2 * MINUTE);
    // The expiry is not delivered: the reminder replaced it (whether the batch skipped it or left it for later).
    expect(await desk.runDueTimers()).toMatchObject({ delivered: 1, failed: 0 });
    expect(storage.oracle.instance({ tenantId, instanceId })).toMatchObject({ state: 'waiting', version: 2 });
    expect(storage.oracle.history({ tenantId, instanceId }).map((h) => h.eventType)).toEqual(['statdesk.create', `xstate.after.${MINUTE}.reminders.waiting`]);
    expect(storage.oracle.timers({ tenantId, instanceId }).map((t) => t.dueAt.getTime() - clock.now().getTime()).sort((a, b) => a - b)).toEqual([MINUTE, 2 * MINUTE]);
  });
});
