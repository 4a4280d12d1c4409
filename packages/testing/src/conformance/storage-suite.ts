/**
 * The storage conformance suite: what every `Storage` adapter must do, as named tests. Run it
 * from your adapter's test file:
 *
 *   describeStorageConformance({
 *     name: 'my-adapter',
 *     setup: async () => ({ storage, oracle, teardown }),
 *   });
 *
 * The oracle reads the backend directly (not through the adapter under test), so a test sees
 * what was really written. A test can be disabled only with a written reason.
 */
import { describe, expect } from 'vitest';
import { namedTest } from './named-test';
import {
  ConflictError,
  ValidationError,
  workItemOrder,
  type HistoryRecord,
  type InstanceRecord,
  type InstanceRef,
  type OutboxRecord,
  type Storage,
  type TimerRecord,
  type WorkItemRecord,
} from '@statdesk/core';

import type { StorageUnderTest } from '../storage-oracle';

export type { StorageOracle, StorageUnderTest } from '../storage-oracle';

/** The names of the storage conformance tests, in order. */
export const storageConformanceTests = [
  'inserts and loads an instance',
  'rejects inserting an instance that exists',
  'compare-and-set updates at the expected version',
  'compare-and-set rejects a stale version',
  'concurrent compare-and-set: exactly one commits',
  'a transaction that throws writes nothing',
  'a conflict at commit writes nothing',
  'a transaction reads its own writes',
  'history comes back in seq order',
  'rejects a duplicate history seq',
  'timers: put replaces by key, delete by key, delete all',
  'claims due timers soonest first, once per lease',
  'a timer is claimable again after its lease expires',
  'two claimers never receive the same timer',
  'a timer is consumed once across concurrent transactions',
  'a replaced timer cannot be consumed by its old id',
  'a transaction cannot consume a timer it cancelled or replaced itself',
  'consumeTimers and loadInstances act as the single calls, for many rows',
  'takeDueTimers consumes due timers soonest first; concurrent takers never share one',
  'next timer due is the earliest',
  'claims due outbox rows once per lease',
  'outbox completion, retry and dead bookkeeping',
  'a late finisher cannot overwrite a newer claim of an outbox row; leases renew only for their owner',
  'idempotency keys are unique per tenant',
  'concurrent saves of one idempotency key: one commits',
  'tenant isolation on every read',
  'lists instances by workflow, state, status and owner, paginated',
  'returns copies, not live references',
  'instance keys: set, replace and find, shared and unique',
  'a unique key is held by one instance per tenant',
  'concurrent claims of one unique key: one commits',
  'work items: put replaces, delete removes, only on commit',
  'lists work items most urgent first, paginated by cursor',
  'filters work items by workflow, state group, assignee, role, condition, escalation and dates',
] as const;

/** The name of one storage conformance test. */
export type StorageConformanceTest = (typeof storageConformanceTests)[number];

/** Options of {@link describeStorageConformance}. */
export interface StorageConformanceOptions {
  /** Label of the `describe` block, e.g. the adapter's name. */
  name: string;
  /** A fresh, empty storage for each test. */
  setup: () => Promise<StorageUnderTest>;
  /** Tests this adapter cannot pass yet, each with the reason. */
  disable?: Partial<Record<StorageConformanceTest, string>>;
}

const T0 = new Date('2025-03-22T05:30:00.000Z');
const at = (ms: number) => new Date(T0.getTime() + ms);
let counter = 0;
const uid = (prefix: string) => `${prefix}-${++counter}-${Math.random().toString(36).slice(2, 8)}`;

/** A valid instance row for storage tests, with unique ids; override any field. */
export function instanceRecord(overrides: Partial<InstanceRecord> = {}): InstanceRecord {
  return {
    tenantId: 'tenant-a',
    id: uid('inst'),
    workflow: 'sample',
    definitionVersion: '1',
    state: 'draft',
    status: 'active',
    ownerId: 'user-1',
    snapshot: { value: 'draft', context: { amount: { $bigint: '1200000' }, note: 'سلام' } },
    version: 1,
    historySeq: 1,
    historyHash: 'h1',
    keys: [],
    createdAt: T0,
    updatedAt: T0,
    ...overrides,
  };
}

/** History entry `seq` of an instance, hash fields filled; override any field. */
export function historyRecord(instance: InstanceRecord, seq: number, overrides: Partial<HistoryRecord> = {}): HistoryRecord {
  return {
    tenantId: instance.tenantId,
    instanceId: instance.id,
    seq,
    at: at(seq * 1000),
    actorId: 'user-1',
    actorRole: 'applicant',
    eventType: seq === 1 ? 'statdesk.create' : 'submit',
    fromState: seq === 1 ? null : 'draft',
    toState: 'submitted',
    definitionVersion: '1',
    payload: { note: 'x' },
    prevHash: `h${seq - 1}`,
    hash: `h${seq}`,
    ...overrides,
  };
}

/** A timer of an instance due at `dueAt`; override any field. */
export function timerRecord(instance: InstanceRecord, key: string, dueAt: Date, overrides: Partial<TimerRecord> = {}): TimerRecord {
  return {
    id: uid('timer'),
    tenantId: instance.tenantId,
    instanceId: instance.id,
    key,
    dueAt,
    event: { type: `xstate.after.${key}` },
    createdAt: T0,
    ...overrides,
  };
}

/** Outbox entry number `index` of an instance; override any field. */
export function outboxRecord(instance: InstanceRecord, index: number, overrides: Partial<OutboxRecord> = {}): OutboxRecord {
  return {
    id: uid('outbox'),
    tenantId: instance.tenantId,
    instanceId: instance.id,
    type: 'notify',
    payload: { template: 'hello', n: index },
    idempotencyKey: `${instance.tenantId}:${instance.id}:1:${index}`,
    status: 'pending',
    attempts: 0,
    nextAttemptAt: T0,
    lastError: null,
    createdAt: T0,
    completedAt: null,
    ...overrides,
  };
}

/** An open instance's work item; the sort fields follow from the condition, deadline and creation. */
export function workItemRecord(overrides: Partial<Omit<WorkItemRecord, 'urgencyRank' | 'sortAt'>> = {}): WorkItemRecord {
  const base = {
    tenantId: 'tenant-a',
    instanceId: uid('inst'),
    workflow: 'sample',
    state: 'review.pricing',
    assignee: null,
    actRoles: ['clerk'],
    slaCondition: 'on-time' as const,
    dueAt: at(3_600_000),
    escalated: false,
    createdAt: T0,
    updatedAt: T0,
    ...overrides,
  };
  return { ...base, ...workItemOrder(base) };
}

const refOf = (r: InstanceRecord): InstanceRef => ({ tenantId: r.tenantId, instanceId: r.id });
const claimOpts = (now: Date, workerId = 'w1', limit = 100, leaseMs = 60_000) => ({ now, workerId, limit, leaseMs });

async function seed(storage: Storage, record: InstanceRecord): Promise<InstanceRecord> {
  await storage.transaction(async (tx) => {
    await tx.insertInstance(record);
    await tx.appendHistory(historyRecord(record, 1));
  });
  return record;
}

async function expectConflict(promise: Promise<unknown>): Promise<void> {
  await expect(promise).rejects.toBeInstanceOf(ConflictError);
}

/**
 * Registers the storage conformance suite with vitest for your `Storage` adapter: optimistic versions,
 * history order, timers and outbox claimed with leases exactly once, idempotent commands, unique keys per
 * tenant.
 */
export function describeStorageConformance(options: StorageConformanceOptions): void {
  const test = namedTest<StorageConformanceTest, StorageUnderTest>(options);

  describe(`storage conformance: ${options.name}`, () => {
    test('inserts and loads an instance', async ({ storage, oracle }) => {
      const record = await seed(storage, instanceRecord());
      expect(await storage.getInstance(refOf(record))).toEqual(record);
      expect(await oracle.instance(refOf(record))).toEqual(record);
      expect(await storage.getInstance({ tenantId: record.tenantId, instanceId: 'missing' })).toBeUndefined();
    });

    test('rejects inserting an instance that exists', async ({ storage, oracle }) => {
      const record = await seed(storage, instanceRecord());
      await expectConflict(storage.transaction((tx) => tx.insertInstance({ ...record, state: 'other' })));
      expect((await oracle.instance(refOf(record)))?.state).toBe('draft');
    });

    test('compare-and-set updates at the expected version', async ({ storage, oracle }) => {
      const record = await seed(storage, instanceRecord());
      const next = { ...record, state: 'submitted', version: 2, updatedAt: at(5000) };
      await storage.transaction((tx) => tx.updateInstance(next, 1));
      expect(await oracle.instance(refOf(record))).toEqual(next);
    });

    test('compare-and-set rejects a stale version', async ({ storage, oracle }) => {
      const record = await seed(storage, instanceRecord());
      await storage.transaction((tx) => tx.updateInstance({ ...record, state: 'submitted', version: 2 }, 1));
      await expectConflict(storage.transaction((tx) => tx.updateInstance({ ...record, state: 'lost', version: 2 }, 1)));
      const stored = await oracle.instance(refOf(record));
      expect(stored?.state).toBe('submitted');
      expect(stored?.version).toBe(2);
    });

    test('concurrent compare-and-set: exactly one commits', async ({ storage, oracle }) => {
      const record = await seed(storage, instanceRecord());
      const attempt = (state: string) =>
        storage.transaction(async (tx) => {
          const loaded = await tx.loadInstance(refOf(record));
          await new Promise((r) => setTimeout(r, 5));
          await tx.updateInstance({ ...loaded!, state, version: loaded!.version + 1, historySeq: 2 }, loaded!.version);
          await tx.appendHistory(historyRecord(record, 2, { toState: state }));
          return state;
        });
      const results = await Promise.allSettled([attempt('a'), attempt('b'), attempt('c')]);
      const won = results.filter((r) => r.status === 'fulfilled');
      expect(won).toHaveLength(1);
      for (const r of results) if (r.status === 'rejected') expect(r.reason).toBeInstanceOf(ConflictError);
      const winner = (won[0] as PromiseFulfilledResult<string>).value;
      expect((await oracle.instance(refOf(record)))?.state).toBe(winner);
      const rows = await oracle.history(refOf(record));
      expect(rows.map((r) => r.seq)).toEqual([1, 2]);
      expect(rows[1]?.toState).toBe(winner);
    });

    test('a transaction that throws writes nothing', async ({ storage, oracle }) => {
      const before = await oracle.counts();
      const record = instanceRecord();
      await expect(
        storage.transaction(async (tx) => {
          await tx.insertInstance(record);
          await tx.appendHistory(historyRecord(record, 1));
          await tx.putTimer(timerRecord(record, 'k', at(1000)));
          await tx.enqueueOutbox([outboxRecord(record, 0)]);
          await tx.saveCommand({ tenantId: record.tenantId, idempotencyKey: uid('key'), fingerprint: 'f', result: null, createdAt: T0 });
          throw new Error('boom');
        }),
      ).rejects.toThrow('boom');
      expect(await oracle.counts()).toEqual(before);
    });

    test('a conflict at commit writes nothing', async ({ storage, oracle }) => {
      const record = await seed(storage, instanceRecord());
      const before = await oracle.counts();
      await expectConflict(
        storage.transaction(async (tx) => {
          await tx.putTimer(timerRecord(record, 'k', at(1000)));
          await tx.enqueueOutbox([outboxRecord(record, 0)]);
          await tx.saveCommand({ tenantId: record.tenantId, idempotencyKey: uid('key'), fingerprint: 'f', result: null, createdAt: T0 });
          await tx.appendHistory(historyRecord(record, 2));
          await tx.updateInstance({ ...record, version: 2 }, 7);
        }),
      );
      expect(await oracle.counts()).toEqual(before);
    });

    test('a transaction reads its own writes', async ({ storage }) => {
      const record = instanceRecord();
      await storage.transaction(async (tx) => {
        await tx.insertInstance(record);
        expect(await tx.loadInstance(refOf(record))).toEqual(record);
        await tx.updateInstance({ ...record, state: 'next', version: 2 }, 1);
        expect((await tx.loadInstance(refOf(record)))?.state).toBe('next');
        const key = uid('key');
        await tx.saveCommand({ tenantId: record.tenantId, idempotencyKey: key, fingerprint: 'f', result: { ok: true }, createdAt: T0 });
        expect((await tx.getCommand(record.tenantId, key))?.result).toEqual({ ok: true });
        await tx.putTimer(timerRecord(record, 'a', at(2000)));
        await tx.putTimer(timerRecord(record, 'b', at(1000)));
        expect((await tx.listTimers(refOf(record))).map((t) => t.key)).toEqual(['b', 'a']);
        await tx.appendHistory(historyRecord(record, 1));
        await tx.appendHistory(historyRecord(record, 2));
        expect((await tx.readHistory(refOf(record))).map((h) => h.seq)).toEqual([1, 2]);
      });
      const committed = await seed(storage, instanceRecord());
      await storage.transaction(async (tx) => {
        await tx.appendHistory(historyRecord(committed, 2));
        expect((await tx.readHistory(refOf(committed))).map((h) => h.seq)).toEqual([1, 2]);
        expect(await tx.readHistory({ tenantId: 'tenant-other', instanceId: committed.id })).toEqual([]);
      });
    });

    test('history comes back in seq order', async ({ storage, oracle }) => {
      const record = await seed(storage, instanceRecord());
      for (let seq = 2; seq <= 12; seq++) {
        await storage.transaction((tx) => tx.appendHistory(historyRecord(record, seq)));
      }
      const rows = await storage.readHistory(refOf(record));
      expect(rows.map((r) => r.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
      expect(rows[3]).toEqual(historyRecord(record, 4));
      expect(await oracle.history(refOf(record))).toEqual(rows);
    });

    test('rejects a duplicate history seq', async ({ storage, oracle }) => {
      const record = await seed(storage, instanceRecord());
      await expectConflict(storage.transaction((tx) => tx.appendHistory(historyRecord(record, 1, { eventType: 'forged' }))));
      expect((await oracle.history(refOf(record))).map((r) => r.eventType)).toEqual(['statdesk.create']);
    });

    test('timers: put replaces by key, delete by key, delete all', async ({ storage, oracle }) => {
      const record = await seed(storage, instanceRecord());
      const ref = refOf(record);
      await storage.transaction(async (tx) => {
        await tx.putTimer(timerRecord(record, 'a', at(1000)));
        await tx.putTimer(timerRecord(record, 'b', at(2000)));
        await tx.putTimer(timerRecord(record, 'c', at(3000)));
      });
      const replacement = timerRecord(record, 'a', at(9000));
      await storage.transaction((tx) => tx.putTimer(replacement));
      let timers = await oracle.timers(ref);
      expect(timers).toHaveLength(3);
      expect(timers.find((t) => t.key === 'a')).toEqual(replacement);
      await storage.transaction((tx) => tx.deleteTimers(ref, ['b', 'unknown']));
      timers = await oracle.timers(ref);
      expect(timers.map((t) => t.key).sort()).toEqual(['a', 'c']);
      await storage.transaction((tx) => tx.deleteAllTimers(ref));
      expect(await oracle.timers(ref)).toEqual([]);
    });

    test('claims due timers soonest first, once per lease', async ({ storage }) => {
      const record = await seed(storage, instanceRecord());
      await storage.transaction(async (tx) => {
        await tx.putTimer(timerRecord(record, 'late', at(3000)));
        await tx.putTimer(timerRecord(record, 'early', at(1000)));
        await tx.putTimer(timerRecord(record, 'future', at(60_000)));
      });
      const first = await storage.claimDueTimers(claimOpts(at(5000)));
      expect(first.map((t) => t.key)).toEqual(['early', 'late']);
      expect(await storage.claimDueTimers(claimOpts(at(5000), 'w2'))).toEqual([]);
      const limited = await storage.claimDueTimers(claimOpts(at(64_000), 'w3', 1));
      expect(limited.map((t) => t.key)).toEqual(['future']);
    });

    test('a timer is claimable again after its lease expires', async ({ storage }) => {
      const record = await seed(storage, instanceRecord());
      await storage.transaction((tx) => tx.putTimer(timerRecord(record, 'k', at(0))));
      expect(await storage.claimDueTimers(claimOpts(at(0), 'w1', 10, 1000))).toHaveLength(1);
      expect(await storage.claimDueTimers(claimOpts(at(999), 'w2', 10, 1000))).toHaveLength(0);
      expect(await storage.claimDueTimers(claimOpts(at(1000), 'w2', 10, 1000))).toHaveLength(1);
    });

    test('two claimers never receive the same timer', async ({ storage }) => {
      const record = await seed(storage, instanceRecord());
      await storage.transaction(async (tx) => {
        for (let i = 0; i < 200; i++) await tx.putTimer(timerRecord(record, `k${i}`, at(i)));
      });
      const claims = await Promise.all([1, 2, 3, 4].map((w) => storage.claimDueTimers(claimOpts(at(10_000), `w${w}`, 80))));
      const ids = claims.flat().map((t) => t.id);
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids).toHaveLength(200);
    });

    test('a timer is consumed once across concurrent transactions', async ({ storage, oracle }) => {
      const record = await seed(storage, instanceRecord());
      const timer = timerRecord(record, 'k', at(0));
      await storage.transaction((tx) => tx.putTimer(timer));
      const consume = () =>
        storage.transaction(async (tx) => {
          const took = await tx.consumeTimer(record.tenantId, timer.id);
          await new Promise((r) => setTimeout(r, 5));
          if (took) await tx.enqueueOutbox([outboxRecord(record, 0, { idempotencyKey: uid('effect') })]);
          return took;
        });
      const results = await Promise.allSettled([consume(), consume(), consume()]);
      const took = results.filter((r) => r.status === 'fulfilled' && r.value === true);
      expect(took).toHaveLength(1);
      for (const r of results) if (r.status === 'rejected') expect(r.reason).toBeInstanceOf(ConflictError);
      expect(await oracle.timers(refOf(record))).toEqual([]);
      expect(await oracle.outbox(refOf(record))).toHaveLength(1);
      expect(await storage.transaction((tx) => tx.consumeTimer(record.tenantId, timer.id))).toBe(false);
    });

    test('a replaced timer cannot be consumed by its old id', async ({ storage }) => {
      const record = await seed(storage, instanceRecord());
      const old = timerRecord(record, 'k', at(0));
      await storage.transaction((tx) => tx.putTimer(old));
      await storage.transaction((tx) => tx.putTimer(timerRecord(record, 'k', at(5000))));
      expect(await storage.transaction((tx) => tx.consumeTimer(record.tenantId, old.id))).toBe(false);
      expect(await storage.transaction((tx) => tx.consumeTimer('tenant-other', old.id))).toBe(false);
    });

    test('a transaction cannot consume a timer it cancelled or replaced itself', async ({ storage, oracle }) => {
      const record = await seed(storage, instanceRecord());
      const cancelled = timerRecord(record, 'cancelled', at(0));
      const replaced = timerRecord(record, 'replaced', at(0));
      const again = timerRecord(record, 'again', at(0));
      await storage.transaction(async (tx) => {
        for (const t of [cancelled, replaced, again]) await tx.putTimer(t);
      });
      const renewed = timerRecord(record, 'again', at(9000));
      await storage.transaction(async (tx) => {
        await tx.deleteTimers(refOf(record), ['cancelled']);
        await tx.putTimer(timerRecord(record, 'replaced', at(5000)));
        expect(await tx.consumeTimer(record.tenantId, cancelled.id)).toBe(false);
        expect(await tx.consumeTimer(record.tenantId, replaced.id)).toBe(false);
        // Consumed, put again under the same key, then cancelled: the new row goes too.
        expect(await tx.consumeTimer(record.tenantId, again.id)).toBe(true);
        await tx.putTimer(renewed);
        await tx.deleteTimers(refOf(record), ['again']);
      });
      expect((await oracle.timers(refOf(record))).map((t) => [t.key, t.dueAt.getTime()])).toEqual([['replaced', at(5000).getTime()]]);
      // Consumed, cancelled (nothing left to cancel), then put again: the new row stays.
      const current = (await oracle.timers(refOf(record)))[0]!;
      await storage.transaction(async (tx) => {
        expect(await tx.consumeTimer(record.tenantId, current.id)).toBe(true);
        await tx.deleteTimers(refOf(record), ['replaced']);
        await tx.putTimer(timerRecord(record, 'replaced', at(7000)));
      });
      expect((await oracle.timers(refOf(record))).map((t) => [t.key, t.dueAt.getTime()])).toEqual([['replaced', at(7000).getTime()]]);
    });

    test('consumeTimers and loadInstances act as the single calls, for many rows', async ({ storage, oracle }) => {
      const records: InstanceRecord[] = [];
      for (let i = 0; i < 30; i++) records.push(await seed(storage, instanceRecord()));
      const timers = records.map((r, i) => timerRecord(r, `k${i}`, at(i)));
      await storage.transaction(async (tx) => {
        for (const t of timers) await tx.putTimer(t);
      });
      const other = await seed(storage, instanceRecord({ tenantId: 'tenant-other' }));
      await storage.transaction(async (tx) => {
        if (!tx.consumeTimers || !tx.loadInstances) throw new Error('this storage offers no consumeTimers/loadInstances: leave the test out');
        // Consumed already in this transaction, another tenant's id, unknown: not consumed again.
        expect(await tx.consumeTimer(timers[0]!.tenantId, timers[0]!.id)).toBe(true);
        const asked = [...timers.slice(0, 20), { ...timers[20]!, tenantId: 'tenant-other' }, { ...timers[21]!, id: 'no-such-timer' }];
        const consumed = await tx.consumeTimers(asked.map((t) => ({ tenantId: t.tenantId, timerId: t.id })));
        expect([...consumed].sort()).toEqual(timers.slice(1, 20).map((t) => t.id).sort());
        // Its own write is seen; a missing or foreign instance is left out.
        await tx.updateInstance({ ...records[3]!, state: 'changed', version: 2 }, 1);
        const refs = [...records.slice(0, 10).map(refOf), { tenantId: 'tenant-a', instanceId: 'missing' }, { tenantId: 'tenant-a', instanceId: other.id }];
        const loaded = await tx.loadInstances(refs);
        expect(loaded.map((r) => r.id).sort()).toEqual(records.slice(0, 10).map((r) => r.id).sort());
        expect(loaded.find((r) => r.id === records[3]!.id)).toMatchObject({ state: 'changed', version: 2 });
      });
      expect((await oracle.timers()).map((t) => t.key).sort()).toEqual(timers.slice(20).map((t) => t.key).sort());
    });

    test('takeDueTimers consumes due timers soonest first; concurrent takers never share one', async ({ storage, oracle }) => {
      const record = await seed(storage, instanceRecord());
      await storage.transaction(async (tx) => {
        for (let i = 0; i < 60; i++) await tx.putTimer(timerRecord(record, `k${i}`, at(i)));
        await tx.putTimer(timerRecord(record, 'later', at(50_000)));
      });
      // A leased timer is passed over until its lease runs out.
      const [leased] = await storage.claimDueTimers(claimOpts(at(0), 'w1', 1, 60_000));
      expect(leased?.key).toBe('k0');
      const take = (limit: number) =>
        storage.transaction(async (tx) => {
          if (!tx.takeDueTimers) throw new Error('this storage offers no takeDueTimers: leave the test out');
          const taken = await tx.takeDueTimers({ now: at(10_000), limit });
          await new Promise((r) => setTimeout(r, 5));
          return taken;
        });
      const first = await take(5);
      expect(first.map((t) => t.key)).toEqual(['k1', 'k2', 'k3', 'k4', 'k5']);
      // Rolled back: taken timers are due again at once.
      await expect(
        storage.transaction(async (tx) => {
          await tx.takeDueTimers!({ now: at(10_000), limit: 3 });
          throw new Error('roll back');
        }),
      ).rejects.toThrow('roll back');
      const results = await Promise.allSettled([take(20), take(20), take(20)]);
      const committed = results.flatMap((r) => (r.status === 'fulfilled' ? r.value.map((t) => t.key) : []));
      for (const r of results) if (r.status === 'rejected') expect(r.reason).toBeInstanceOf(ConflictError);
      expect(new Set(committed).size).toBe(committed.length);
      expect(committed).toContain('k6');
      const left = (await oracle.timers(refOf(record))).map((t) => t.key);
      expect(left).toContain('k0');
      expect(left).toContain('later');
      expect(left.length + committed.length + first.length).toBe(61);
    });

    test('next timer due is the earliest', async ({ storage }) => {
      expect(await storage.nextTimerDue()).toBeUndefined();
      const record = await seed(storage, instanceRecord());
      await storage.transaction(async (tx) => {
        await tx.putTimer(timerRecord(record, 'b', at(7000)));
        await tx.putTimer(timerRecord(record, 'a', at(3000)));
      });
      expect(await storage.nextTimerDue()).toEqual(at(3000));
    });

    test('claims due outbox rows once per lease', async ({ storage }) => {
      const record = await seed(storage, instanceRecord());
      await storage.transaction((tx) =>
        tx.enqueueOutbox([
          outboxRecord(record, 0, { nextAttemptAt: at(2000), createdAt: at(2000) }),
          outboxRecord(record, 1, { nextAttemptAt: at(1000), createdAt: at(1000) }),
          outboxRecord(record, 2, { nextAttemptAt: at(50_000) }),
        ]),
      );
      const claimed = await storage.claimOutbox(claimOpts(at(3000)));
      expect(claimed.map((o) => (o.payload as { n: number }).n)).toEqual([1, 0]);
      expect(await storage.claimOutbox(claimOpts(at(3000), 'w2'))).toEqual([]);
      const many = await Promise.all([1, 2, 3].map((w) => storage.claimOutbox(claimOpts(at(100_000), `x${w}`))));
      expect(many.flat()).toHaveLength(3);
    });

    test('outbox completion, retry and dead bookkeeping', async ({ storage, oracle }) => {
      const record = await seed(storage, instanceRecord());
      const [a, b, c] = [outboxRecord(record, 0), outboxRecord(record, 1), outboxRecord(record, 2)];
      await storage.transaction((tx) => tx.enqueueOutbox([a, b, c]));
      await storage.claimOutbox(claimOpts(at(0)));
      await storage.completeOutbox(a.id, at(10));
      await storage.failOutbox(b.id, { error: 'smtp down', nextAttemptAt: at(5000), dead: false });
      await storage.failOutbox(c.id, { error: 'bad address', nextAttemptAt: at(5000), dead: true });
      const rows = new Map((await oracle.outbox(refOf(record))).map((o) => [o.id, o]));
      expect(rows.get(a.id)).toMatchObject({ status: 'done', attempts: 1, completedAt: at(10) });
      expect(rows.get(b.id)).toMatchObject({ status: 'pending', attempts: 1, lastError: 'smtp down', nextAttemptAt: at(5000) });
      expect(rows.get(c.id)).toMatchObject({ status: 'dead', attempts: 1, lastError: 'bad address' });
      expect(await storage.claimOutbox(claimOpts(at(4999), 'w2'))).toEqual([]);
      expect((await storage.claimOutbox(claimOpts(at(5000), 'w2'))).map((o) => o.id)).toEqual([b.id]);
      await storage.completeOutbox(c.id, at(6000));
      expect((await oracle.outbox(refOf(record))).find((o) => o.id === c.id)?.status).toBe('dead');
    });

    test('a late finisher cannot overwrite a newer claim of an outbox row; leases renew only for their owner', async ({ storage, oracle }) => {
      const record = await seed(storage, instanceRecord());
      const row = outboxRecord(record, 0);
      await storage.transaction((tx) => tx.enqueueOutbox([row]));
      expect(await storage.claimOutbox(claimOpts(at(0), 'first', 10, 1_000))).toHaveLength(1);
      // The first claim's lease runs out while its effect is still running; a second claim takes the row.
      expect(await storage.claimOutbox(claimOpts(at(1_000), 'second', 10, 60_000))).toHaveLength(1);
      if (storage.renewOutboxLease) {
        expect(await storage.renewOutboxLease(row.id, 'first', at(100_000))).toBe(false);
        expect(await storage.renewOutboxLease(row.id, 'second', at(120_000))).toBe(true);
        // Renewed to 120 s: nobody may claim it at 90 s.
        expect(await storage.claimOutbox(claimOpts(at(90_000), 'third'))).toEqual([]);
      }
      await storage.failOutbox(row.id, { error: 'late', nextAttemptAt: at(2_000), dead: false, leaseOwner: 'first' });
      await storage.completeOutbox(row.id, at(2_000), 'first');
      expect((await oracle.outbox(refOf(record)))[0]).toMatchObject({ status: 'pending', attempts: 0, lastError: null });
      expect(await storage.claimOutbox(claimOpts(at(2_000), 'third'))).toEqual([]);
      await storage.completeOutbox(row.id, at(3_000), 'second');
      expect((await oracle.outbox(refOf(record)))[0]).toMatchObject({ status: 'done', attempts: 1, completedAt: at(3_000) });
      expect(await storage.renewOutboxLease?.(row.id, 'second', at(200_000))).not.toBe(true);
    });

    test('idempotency keys are unique per tenant', async ({ storage, oracle }) => {
      const command = { tenantId: 'tenant-a', idempotencyKey: 'k-1', fingerprint: 'f1', result: { v: 1 }, createdAt: T0 };
      await storage.transaction((tx) => tx.saveCommand(command));
      await expectConflict(storage.transaction((tx) => tx.saveCommand({ ...command, fingerprint: 'f2' })));
      await storage.transaction((tx) => tx.saveCommand({ ...command, tenantId: 'tenant-b', result: { v: 2 } }));
      expect(await storage.getCommand('tenant-a', 'k-1')).toEqual(command);
      expect((await storage.getCommand('tenant-b', 'k-1'))?.result).toEqual({ v: 2 });
      expect((await oracle.counts()).commands).toBe(2);
    });

    test('concurrent saves of one idempotency key: one commits', async ({ storage, oracle }) => {
      const record = await seed(storage, instanceRecord());
      const save = (n: number) =>
        storage.transaction(async (tx) => {
          await tx.enqueueOutbox([outboxRecord(record, n)]);
          await new Promise((r) => setTimeout(r, 5));
          await tx.saveCommand({ tenantId: 'tenant-a', idempotencyKey: 'same', fingerprint: `f${n}`, result: n, createdAt: T0 });
        });
      const results = await Promise.allSettled([save(1), save(2), save(3)]);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      expect(await oracle.outbox(refOf(record))).toHaveLength(1);
    });

    test('tenant isolation on every read', async ({ storage }) => {
      const a = await seed(storage, instanceRecord({ tenantId: 'tenant-a', id: 'shared-id' }));
      const b = await seed(storage, instanceRecord({ tenantId: 'tenant-b', id: 'shared-id', state: 'b-state' }));
      expect((await storage.getInstance(refOf(a)))?.state).toBe('draft');
      expect((await storage.getInstance(refOf(b)))?.state).toBe('b-state');
      expect(await storage.getInstance({ tenantId: 'tenant-c', instanceId: 'shared-id' })).toBeUndefined();
      expect(await storage.readHistory({ tenantId: 'tenant-c', instanceId: 'shared-id' })).toEqual([]);
      const listA = await storage.listInstances({ tenantId: 'tenant-a', limit: 10 });
      expect(listA.items.map((i) => i.tenantId)).toEqual(['tenant-a']);
      await storage.transaction(async (tx) => {
        expect(await tx.loadInstance({ tenantId: 'tenant-c', instanceId: 'shared-id' })).toBeUndefined();
        await tx.putTimer(timerRecord(a, 'k', at(0)));
      });
      expect(await storage.transaction((tx) => tx.listTimers(refOf(b)))).toEqual([]);
      // Updating tenant b's row must not touch tenant a's row with the same id.
      await storage.transaction((tx) => tx.updateInstance({ ...b, state: 'b2', version: 2 }, 1));
      expect((await storage.getInstance(refOf(a)))?.state).toBe('draft');
    });

    test('lists instances by workflow, state, status and owner, paginated', async ({ storage }) => {
      for (let i = 0; i < 7; i++) {
        await seed(
          storage,
          instanceRecord({
            id: `list-${i}`,
            createdAt: at(i * 1000),
            workflow: i < 5 ? 'sample' : 'other',
            state: i % 2 ? 'odd' : 'even',
            ownerId: i < 3 ? 'u1' : 'u2',
            status: i === 4 ? 'done' : 'active',
          }),
        );
      }
      const page1 = await storage.listInstances({ tenantId: 'tenant-a', workflow: 'sample', limit: 2 });
      expect(page1.items.map((i) => i.id)).toEqual(['list-0', 'list-1']);
      expect(page1.nextCursor).toBeTypeOf('string');
      const page2 = await storage.listInstances({ tenantId: 'tenant-a', workflow: 'sample', limit: 2, cursor: page1.nextCursor! });
      expect(page2.items.map((i) => i.id)).toEqual(['list-2', 'list-3']);
      const page3 = await storage.listInstances({ tenantId: 'tenant-a', workflow: 'sample', limit: 2, cursor: page2.nextCursor! });
      expect(page3.items.map((i) => i.id)).toEqual(['list-4']);
      expect(page3.nextCursor).toBeUndefined();
      const even = await storage.listInstances({ tenantId: 'tenant-a', states: ['even'], limit: 10 });
      expect(even.items.map((i) => i.id)).toEqual(['list-0', 'list-2', 'list-4', 'list-6']);
      const owned = await storage.listInstances({ tenantId: 'tenant-a', ownerId: 'u1', limit: 10 });
      expect(owned.items.map((i) => i.id)).toEqual(['list-0', 'list-1', 'list-2']);
      const done = await storage.listInstances({ tenantId: 'tenant-a', status: 'done', limit: 10 });
      expect(done.items.map((i) => i.id)).toEqual(['list-4']);
    });

    test('instance keys: set, replace and find, shared and unique', async ({ storage }) => {
      const a = await seed(storage, instanceRecord({ createdAt: at(1) }));
      const b = await seed(storage, instanceRecord({ createdAt: at(2) }));
      const receipt = { name: 'receipt.bankTracking', value: '778899', unique: false };
      await storage.transaction((tx) => tx.setInstanceKeys(refOf(a), [receipt, { name: 'code', value: 'A1', unique: true }]));
      await storage.transaction(async (tx) => {
        await tx.setInstanceKeys(refOf(b), [receipt]);
        expect(await tx.findInstancesByKey('tenant-a', 'receipt.bankTracking', '778899')).toEqual([refOf(a), refOf(b)]);
      });
      expect(await storage.findInstancesByKey('tenant-a', 'receipt.bankTracking', '778899')).toEqual([refOf(a), refOf(b)]);
      expect(await storage.findInstancesByKey('tenant-a', 'receipt.bankTracking', '778899', 1)).toEqual([refOf(a)]);
      expect(await storage.findInstancesByKey('tenant-a', 'code', 'A1')).toEqual([refOf(a)]);
      expect(await storage.findInstancesByKey('tenant-b', 'code', 'A1')).toEqual([]);
      // Replacing the keys drops the old ones.
      await storage.transaction((tx) => tx.setInstanceKeys(refOf(a), [{ name: 'code', value: 'A2', unique: true }]));
      expect(await storage.findInstancesByKey('tenant-a', 'code', 'A1')).toEqual([]);
      expect(await storage.findInstancesByKey('tenant-a', 'receipt.bankTracking', '778899')).toEqual([refOf(b)]);
      expect(await storage.findInstancesByKey('tenant-a', 'code', 'A2')).toEqual([refOf(a)]);
    });

    test('a unique key is held by one instance per tenant', async ({ storage }) => {
      const a = await seed(storage, instanceRecord());
      const b = await seed(storage, instanceRecord());
      const other = await seed(storage, instanceRecord({ tenantId: 'tenant-b' }));
      const code = { name: 'complaint.trackingCode', value: '12345678', unique: true };
      await storage.transaction((tx) => tx.setInstanceKeys(refOf(a), [code]));
      const error = await storage
        .transaction(async (tx) => {
          await tx.enqueueOutbox([outboxRecord(b, 0)]);
          await tx.setInstanceKeys(refOf(b), [code]);
        })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ConflictError);
      expect((error as ConflictError).details).toMatchObject({ entity: 'instance-key', id: 'complaint.trackingCode' });
      expect(await storage.findInstancesByKey('tenant-a', code.name, code.value)).toEqual([refOf(a)]);
      expect(await storage.readHistory(refOf(b))).toHaveLength(1);
      // A shared holder of the same value does not block a unique one (and is found alike).
      await storage.transaction((tx) => tx.setInstanceKeys(refOf(b), [{ ...code, value: '99999999', unique: false }]));
      const c = await seed(storage, instanceRecord());
      await storage.transaction((tx) => tx.setInstanceKeys(refOf(c), [{ ...code, value: '99999999' }]));
      expect(await storage.findInstancesByKey('tenant-a', code.name, '99999999')).toEqual([refOf(b), refOf(c)]);
      // Another tenant may hold the same value, and an instance may re-set its own key.
      await storage.transaction((tx) => tx.setInstanceKeys(refOf(other), [code]));
      await storage.transaction((tx) => tx.setInstanceKeys(refOf(a), [code]));
      expect(await storage.findInstancesByKey('tenant-b', code.name, code.value)).toEqual([refOf(other)]);
    });

    test('concurrent claims of one unique key: one commits', async ({ storage }) => {
      const records = await Promise.all([1, 2, 3].map(() => seed(storage, instanceRecord())));
      const claim = (record: InstanceRecord) =>
        storage.transaction(async (tx) => {
          await new Promise((r) => setTimeout(r, 5));
          await tx.setInstanceKeys(refOf(record), [{ name: 'code', value: 'SAME', unique: true }]);
          await new Promise((r) => setTimeout(r, 5));
        });
      const results = await Promise.allSettled(records.map(claim));
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      for (const r of results) if (r.status === 'rejected') expect(r.reason).toBeInstanceOf(ConflictError);
      expect(await storage.findInstancesByKey('tenant-a', 'code', 'SAME')).toHaveLength(1);
    });

    test('work items: put replaces, delete removes, only on commit', async ({ storage }) => {
      const item = workItemRecord({ instanceId: 'wi-1', assignee: 'officer-1' });
      const list = async (tenantId = 'tenant-a') => (await storage.listWorkItems({ tenantId, limit: 10 })).items;
      await storage
        .transaction(async (tx) => {
          await tx.putWorkItem(item);
          throw new Error('boom');
        })
        .catch(() => undefined);
      expect(await list()).toEqual([]);
      await storage.transaction((tx) => tx.putWorkItem(item));
      expect(await list()).toEqual([item]);
      const moved = workItemRecord({ instanceId: 'wi-1', state: 'review.payment', assignee: null, actRoles: ['finance', 'supervisor'], slaCondition: 'breached', dueAt: at(5), escalated: true, updatedAt: at(9) });
      await storage.transaction(async (tx) => {
        await tx.putWorkItem(item);
        await tx.putWorkItem(moved);
      });
      expect(await list()).toEqual([moved]);
      expect(await list('tenant-b')).toEqual([]);
      const returned = (await list())[0]!;
      returned.actRoles.push('mutated');
      expect((await list())[0]!.actRoles).toEqual(['finance', 'supervisor']);
      await storage.transaction((tx) => tx.deleteWorkItem({ tenantId: 'tenant-b', instanceId: 'wi-1' }));
      expect(await list()).toHaveLength(1);
      await storage.transaction((tx) => tx.deleteWorkItem({ tenantId: 'tenant-a', instanceId: 'wi-1' }));
      expect(await list()).toEqual([]);
    });

    test('lists work items most urgent first, paginated by cursor', async ({ storage }) => {
      const items = [
        workItemRecord({ instanceId: 'none-old', slaCondition: 'none', dueAt: null, createdAt: at(-5000) }),
        workItemRecord({ instanceId: 'paused', slaCondition: 'paused', dueAt: null, createdAt: at(-9000) }),
        workItemRecord({ instanceId: 'due-later', slaCondition: 'on-time', dueAt: at(90_000) }),
        workItemRecord({ instanceId: 'due-soon', slaCondition: 'warning', dueAt: at(10_000) }),
        workItemRecord({ instanceId: 'due-mid-b', slaCondition: 'on-time', dueAt: at(50_000) }),
        workItemRecord({ instanceId: 'due-mid-a', slaCondition: 'on-time', dueAt: at(50_000) }),
        workItemRecord({ instanceId: 'breached-new', slaCondition: 'breached', dueAt: at(-1000) }),
        workItemRecord({ instanceId: 'breached-old', slaCondition: 'breached', dueAt: at(-100_000) }),
        workItemRecord({ instanceId: 'other-tenant', tenantId: 'tenant-b', slaCondition: 'breached', dueAt: at(-200_000) }),
      ];
      await storage.transaction(async (tx) => {
        for (const item of items) await tx.putWorkItem(item);
      });
      const order = ['breached-old', 'breached-new', 'due-soon', 'due-mid-a', 'due-mid-b', 'due-later', 'paused', 'none-old'];
      const seen: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await storage.listWorkItems({ tenantId: 'tenant-a', limit: 3, ...(cursor ? { cursor } : {}) });
        expect(page.items.length).toBeLessThanOrEqual(3);
        seen.push(...page.items.map((i) => i.instanceId));
        cursor = page.nextCursor;
      } while (cursor);
      expect(seen).toEqual(order);
      expect((await storage.listWorkItems({ tenantId: 'tenant-a', limit: 1 })).items[0]).toEqual(items[7]);
      await expect(storage.listWorkItems({ tenantId: 'tenant-a', limit: 10, cursor: 'not-a-cursor' })).rejects.toBeInstanceOf(ValidationError);
      await expect(storage.listWorkItems({ tenantId: 'tenant-a', limit: 0 })).rejects.toBeInstanceOf(ValidationError);
      await expect(storage.listWorkItems({ tenantId: 'tenant-a', limit: 501 })).rejects.toBeInstanceOf(ValidationError);
    });

    test('filters work items by workflow, state group, assignee, role, condition, escalation and dates', async ({ storage }) => {
      const items = [
        workItemRecord({ instanceId: 'a', workflow: 'order', state: 'review.pricing', assignee: 'u1', actRoles: ['pricing_officer', 'supervisor'], createdAt: at(0), updatedAt: at(100) }),
        workItemRecord({ instanceId: 'b', workflow: 'order', state: 'review', assignee: null, actRoles: ['consultant'], slaCondition: 'breached', dueAt: at(-10), escalated: true, createdAt: at(1000), updatedAt: at(200) }),
        workItemRecord({ instanceId: 'c', workflow: 'order', state: 'reviewed', assignee: 'u2', actRoles: ['pricingXofficer'], slaCondition: 'warning', createdAt: at(2000), updatedAt: at(300) }),
        workItemRecord({ instanceId: 'd', workflow: 'complaint', state: 'review.pricing', assignee: 'u1', actRoles: ['consultant', 'supervisor'], slaCondition: 'paused', dueAt: null, createdAt: at(3000), updatedAt: at(400) }),
      ];
      await storage.transaction(async (tx) => {
        for (const item of items) await tx.putWorkItem(item);
      });
      const ids = async (filter: Record<string, unknown>) =>
        (await storage.listWorkItems({ tenantId: 'tenant-a', limit: 50, ...filter })).items.map((i) => i.instanceId).sort();
      expect(await ids({ workflows: ['order'] })).toEqual(['a', 'b', 'c']);
      expect(await ids({ workflows: [] })).toEqual([]);
      expect(await ids({ states: ['review', 'reviewed'] })).toEqual(['b', 'c']);
      // A state group is the state and its sub-states, not every state sharing the prefix.
      expect(await ids({ stateGroup: 'review' })).toEqual(['a', 'b', 'd']);
      expect(await ids({ assignee: 'u1' })).toEqual(['a', 'd']);
      expect(await ids({ assignee: null })).toEqual(['b']);
      // Roles match whole names: `pricing_officer` does not match `pricingXofficer` (no wildcard leaks).
      expect(await ids({ roles: ['pricing_officer'] })).toEqual(['a']);
      expect(await ids({ roles: ['consultant', 'pricingXofficer'] })).toEqual(['b', 'c', 'd']);
      expect(await ids({ roles: ['supervisor'], workflows: ['complaint'] })).toEqual(['d']);
      expect(await ids({ slaConditions: ['breached', 'warning'] })).toEqual(['b', 'c']);
      expect(await ids({ escalated: true })).toEqual(['b']);
      expect(await ids({ escalated: false })).toEqual(['a', 'c', 'd']);
      expect(await ids({ createdFrom: at(1000), createdTo: at(3000) })).toEqual(['b', 'c']);
      expect(await ids({ updatedFrom: at(300) })).toEqual(['c', 'd']);
      expect(await ids({ updatedTo: at(200) })).toEqual(['a']);
      await expect(storage.listWorkItems({ tenantId: 'tenant-a', limit: 5, slaConditions: ['late' as never] })).rejects.toBeInstanceOf(ValidationError);
    });

    test('returns copies, not live references', async ({ storage, oracle }) => {
      const record = await seed(storage, instanceRecord());
      const loaded = await storage.getInstance(refOf(record));
      (loaded!.snapshot as { value: string }).value = 'mutated';
      loaded!.state = 'mutated';
      const rows = await storage.readHistory(refOf(record));
      rows[0]!.eventType = 'mutated';
      expect((await oracle.instance(refOf(record)))?.state).toBe('draft');
      expect((await oracle.instance(refOf(record)))?.snapshot).toEqual(record.snapshot);
      expect((await oracle.history(refOf(record)))[0]?.eventType).toBe('statdesk.create');
    });
  });
}
