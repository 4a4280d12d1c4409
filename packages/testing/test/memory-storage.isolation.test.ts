// The memory storage must isolate callers from what it keeps, as a database does: nothing a
// caller holds — a record it wrote or one it was given back — is the stored object, down to
// nested snapshot values and Date objects.
import type { CommandRecord, HistoryRecord, InstanceRecord, OutboxRecord, TimerRecord } from '@statdesk/core';
import { describe, expect, it } from 'vitest';
import { copyRow } from '../src/copy-row';
import { MemoryStorage } from '../src/memory-storage';

const T0 = new Date('2025-03-22T05:30:00.000Z');
const ref = { tenantId: 'tenant-a', instanceId: 'i-1' };

function instance(): InstanceRecord {
  return {
    tenantId: ref.tenantId,
    id: ref.instanceId,
    workflow: 'review',
    definitionVersion: '1',
    state: 'draft',
    status: 'active',
    ownerId: 'citizen-1',
    snapshot: { value: 'draft', context: { amount: { $bigint: '1200' }, lines: [{ title: 'tables' }] } },
    version: 1,
    historySeq: 1,
    historyHash: 'h1',
    keys: [{ name: 'code', value: 'C-1', unique: true }],
    createdAt: new Date(T0),
    updatedAt: new Date(T0),
  };
}

function history(): HistoryRecord {
  return {
    tenantId: ref.tenantId,
    instanceId: ref.instanceId,
    seq: 1,
    at: new Date(T0),
    actorId: 'citizen-1',
    actorRole: 'applicant',
    eventType: 'statdesk.create',
    fromState: null,
    toState: 'draft',
    definitionVersion: '1',
    payload: { title: 'tables', lines: [1, 2] },
    prevHash: '0',
    hash: 'h1',
  };
}

function timer(): TimerRecord {
  return { id: 't-1', tenantId: ref.tenantId, instanceId: ref.instanceId, key: 'deadline', dueAt: new Date(T0), event: { type: 'expire', at: [1] }, createdAt: new Date(T0) };
}

function outbox(): OutboxRecord {
  return {
    id: 'o-1',
    tenantId: ref.tenantId,
    instanceId: ref.instanceId,
    type: 'notify',
    payload: { params: { title: 'tables' } },
    idempotencyKey: 'k-1',
    status: 'pending',
    attempts: 0,
    nextAttemptAt: new Date(T0),
    lastError: null,
    createdAt: new Date(T0),
    completedAt: null,
  };
}

function command(): CommandRecord {
  return { tenantId: ref.tenantId, idempotencyKey: 'cmd-1', fingerprint: 'f', result: { state: 'draft', nested: { version: 1 } }, createdAt: new Date(T0) };
}

/** Changes every level of a record a careless caller could reach, Dates included. */
function vandalise(value: unknown): void {
  if (Array.isArray(value)) {
    for (const item of value) vandalise(item);
    value.push('vandalised');
    return;
  }
  if (value instanceof Date) {
    value.setTime(0);
    return;
  }
  if (value === null || typeof value !== 'object') return;
  const record = value as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    const field = record[key];
    if (typeof field === 'string') record[key] = 'vandalised';
    else vandalise(field);
  }
  record.vandalised = true;
}

async function seeded() {
  const storage = new MemoryStorage();
  const written = { instance: instance(), history: history(), timer: timer(), outbox: outbox(), command: command() };
  await storage.transaction(async (tx) => {
    await tx.insertInstance(written.instance);
    await tx.setInstanceKeys(ref, written.instance.keys);
    await tx.appendHistory(written.history);
    await tx.putTimer(written.timer);
    await tx.enqueueOutbox([written.outbox]);
    await tx.saveCommand(written.command);
    // Mutated while the transaction is still open: the commit must not see it.
    for (const record of Object.values(written)) vandalise(record);
  });
  return { storage, oracle: storage.oracle, written };
}

function expectUntouched(oracle: MemoryStorage['oracle']): void {
  expect(oracle.instance(ref)).toEqual(instance());
  expect(oracle.history(ref)).toEqual([history()]);
  expect(oracle.timers(ref)).toEqual([timer()]);
  expect(oracle.commands()).toEqual([command()]);
  const [row] = oracle.outbox(ref);
  expect(row).toMatchObject({ ...outbox(), status: row!.status, attempts: row!.attempts, completedAt: row!.completedAt });
  expect(row!.payload).toEqual(outbox().payload);
}

describe('memory storage isolates callers from stored rows', () => {
  it('keeps what was written, whatever the writer does to its objects afterwards', async () => {
    const { oracle, written } = await seeded();
    for (const record of Object.values(written)) vandalise(record);
    expectUntouched(oracle);
  });

  it('hands out copies from every read, committed or inside a transaction', async () => {
    const { storage, oracle } = await seeded();
    const claimAt = { now: new Date(T0.getTime() + 1), limit: 10, leaseMs: 1_000, workerId: 'w' };
    vandalise(await storage.getInstance(ref));
    vandalise((await storage.listInstances({ tenantId: ref.tenantId, limit: 10 })).items);
    vandalise(await storage.readHistory(ref));
    vandalise(await storage.getCommand(ref.tenantId, 'cmd-1'));
    vandalise(await storage.claimDueTimers(claimAt));
    vandalise(await storage.claimOutbox(claimAt));
    vandalise(oracle.instance(ref));
    vandalise(oracle.history(ref));
    vandalise(oracle.timers(ref));
    vandalise(oracle.outbox(ref));
    vandalise(oracle.commands());
    await storage.transaction(async (tx) => {
      vandalise(await tx.loadInstance(ref));
      vandalise(await tx.readHistory(ref));
      vandalise(await tx.listTimers(ref));
      vandalise(await tx.getCommand(ref.tenantId, 'cmd-1'));
    });
    expectUntouched(oracle);
  });

  it("a transaction's own writes, read back inside it, are copies too", async () => {
    const storage = new MemoryStorage();
    await storage.transaction(async (tx) => {
      await tx.insertInstance(instance());
      vandalise(await tx.loadInstance(ref));
      await tx.saveCommand(command());
      vandalise(await tx.getCommand(ref.tenantId, 'cmd-1'));
      await tx.appendHistory(history());
      vandalise(await tx.readHistory(ref));
      await tx.putTimer(timer());
      vandalise(await tx.listTimers(ref));
      const updated = { ...instance(), version: 2, state: 'submitted' };
      await tx.updateInstance(updated, 1);
      vandalise(updated);
      expect(await tx.loadInstance(ref)).toEqual({ ...instance(), version: 2, state: 'submitted' });
    });
    expect(storage.oracle.instance(ref)).toEqual({ ...instance(), version: 2, state: 'submitted' });
    expect(storage.oracle.history(ref)).toEqual([history()]);
    expect(storage.oracle.timers(ref)).toEqual([timer()]);
    expect(storage.oracle.commands()).toEqual([command()]);
  });
});

describe('copyRow', () => {
  it('copies JSON values, Dates and plain objects deeply', () => {
    const value = { a: [1, { b: 'x', at: new Date(T0) }], n: null, nested: { deeper: { list: [true] } } };
    const copy = copyRow(value);
    expect(copy).toEqual(value);
    vandalise(copy);
    expect(value).toEqual({ a: [1, { b: 'x', at: new Date(T0) }], n: null, nested: { deeper: { list: [true] } } });
  });

  it('keeps a "__proto__" key read from JSON as data', () => {
    const parsed = JSON.parse('{"__proto__": {"polluted": true}, "ok": 1}') as Record<string, unknown>;
    const copy = copyRow(parsed);
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
    expect(Object.keys(copy)).toEqual(['__proto__', 'ok']);
    expect((copy as { polluted?: boolean }).polluted).toBeUndefined();
  });

  it('falls back to structuredClone for other objects', () => {
    const value = { bytes: new Uint8Array([1, 2]), tags: new Set(['a']) };
    const copy = copyRow(value);
    expect(copy).toEqual(value);
    expect(copy.bytes).not.toBe(value.bytes);
    expect(copy.tags).not.toBe(value.tags);
  });
});
