/**
 * The writes of one durable command, as both sides of the durable-* suites do them: read the
 * instance, compare-and-set update of a ~1 KB snapshot, a history row, an outbox row and a timer
 * row, all in one transaction. Here: the statdesk side (through the storage port of the MikroORM
 * adapter) and what both sides share (the snapshot, the seeded instances, the sequence numbers).
 */
import { randomUUID } from 'node:crypto';
import type { InstanceRecord, JsonValue, Storage } from '@statdesk/core';
import type { Variant } from '../harness';

/** The tenant every row of the durable suites belongs to. */
export const TENANT_ID = 'bench';
/** The key of the timer each command (re)schedules, a day ahead. */
export const TIMER_KEY = 'xstate.after.decisionDeadline.review.submitted';
export const DAY_MS = 86_400_000;

/** A snapshot of about 1 KB, different on every write. */
export function benchSnapshot(n: number): JsonValue {
  return {
    status: 'active',
    value: { consultation: 'awaitingApplicant' },
    context: {
      title: 'Census tables by province, 1395-1400',
      amount: { $bigint: String(1_200_000 + n) },
      applicantId: 'citizen-1',
      questions: n % 3,
      lines: Array.from({ length: 8 }, (_, i) => ({ rule: `tier-${i}`, quantity: i * 10 + (n % 7), unit: { $bigint: '35' }, note: 'per record' })),
      notes: 'x'.repeat(200),
    },
    historyValue: {},
    children: {},
  };
}

/** The instance client `client` works on: each client owns one, so both sides measure commits, not conflicts. */
export const clientInstance = (client: number) => `bench-${client}`;

/** Inserts one instance per client through the storage port (both sides then work on these rows). */
export async function seedInstances(storage: Storage, clients: number): Promise<void> {
  const now = new Date();
  await storage.transaction(async (tx) => {
    for (let i = 0; i < clients; i++) {
      const record: InstanceRecord = {
        tenantId: TENANT_ID, id: clientInstance(i), workflow: 'bench', definitionVersion: '1', state: 'submitted', status: 'active', ownerId: 'citizen-1',
        snapshot: benchSnapshot(0), version: 1, historySeq: 1, historyHash: 'h1', keys: [], createdAt: now, updatedAt: now,
      };
      await tx.insertInstance(record);
    }
  });
}

/** History sequence numbers per instance, shared by both sides (they write to the same rows in turn). */
export class SequenceCounter {
  private readonly seqs = new Map<string, number>();
  next(instanceId: string): number {
    const seq = (this.seqs.get(instanceId) ?? 1) + 1;
    this.seqs.set(instanceId, seq);
    return seq;
  }
}

/** The statdesk side: one command's writes through the storage port. */
export function storagePortCommand(storage: Storage, seqs: SequenceCounter, name: string): Variant {
  return {
    name,
    async op(client, n) {
      const ref = { tenantId: TENANT_ID, instanceId: clientInstance(client) };
      const seq = seqs.next(ref.instanceId);
      const now = new Date();
      await storage.transaction(async (tx) => {
        const record = await tx.loadInstance(ref);
        if (!record) throw new Error(`instance ${ref.instanceId} is missing`);
        await tx.updateInstance({ ...record, snapshot: benchSnapshot(n), version: record.version + 1, historySeq: seq, historyHash: `h${seq}`, updatedAt: now }, record.version);
        await tx.appendHistory({
          tenantId: TENANT_ID, instanceId: ref.instanceId, seq, at: now, actorId: 'officer-1', actorRole: 'officer', eventType: 'requestInfo',
          fromState: 'submitted', toState: 'awaitingApplicant', definitionVersion: '1', payload: { question: 'Which years?' }, prevHash: record.historyHash, hash: `h${seq}`,
        });
        await tx.enqueueOutbox([{
          id: randomUUID(), tenantId: TENANT_ID, instanceId: ref.instanceId, type: 'notify', payload: { template: 'review.question', channel: 'email' },
          idempotencyKey: `${TENANT_ID}:${ref.instanceId}:${seq}:0`, status: 'pending', attempts: 0, nextAttemptAt: now, lastError: null, createdAt: now, completedAt: null,
        }]);
        await tx.putTimer({
          id: randomUUID(), tenantId: TENANT_ID, instanceId: ref.instanceId, key: TIMER_KEY, dueAt: new Date(now.getTime() + DAY_MS), event: { type: TIMER_KEY }, createdAt: now,
        });
      });
    },
  };
}
