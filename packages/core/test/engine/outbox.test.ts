import { createTestDesk, MemoryStorage, RecordingNotifier, TestClock } from '@statdesk/testing';
import { describe, expect, it } from 'vitest';
import { createDesk } from '../../src';
import { applicant, officer, reviewInput, reviewWorkflow } from './review.workflow';

const tenantId = 'sci';

describe('the outbox', () => {
  it('sends a notification once, after the commit, with a stable key', async () => {
    const t = createTestDesk({ workflows: [reviewWorkflow()] });
    const { instanceId } = await t.desk.create({ tenantId, workflow: 'review', actor: applicant, input: reviewInput });
    expect(t.notifier.sent).toHaveLength(0);
    await t.desk.send({ tenantId, instanceId, actor: applicant, event: { type: 'submit' } });
    expect(t.notifier.sent).toEqual([
      {
        recipient: { tenantId, profileId: 'citizen-1' },
        channel: 'email',
        template: 'review.received',
        params: { title: 'Census tables', amount: { $bigint: '1200000' } },
        language: 'fa',
        idempotencyKey: `${tenantId}:${instanceId}:2:0`,
      },
    ]);
    const row = t.storage.oracle.outbox({ tenantId, instanceId })[0]!;
    expect(row).toMatchObject({ status: 'done', attempts: 1, type: 'notify' });
  });

  it('a crash after commit and before dispatch still dispatches once on the next run', async () => {
    const storage = new MemoryStorage();
    const clock = new TestClock();
    const notifier = new RecordingNotifier();
    // The first process commits but dies before its after-commit dispatch runs.
    const crashed = createDesk({ storage, clock, notifier, workflows: [reviewWorkflow()], outbox: { afterCommit: 'off' } });
    const { instanceId } = await crashed.create({ tenantId, workflow: 'review', actor: applicant, input: reviewInput });
    await crashed.send({ tenantId, instanceId, actor: applicant, event: { type: 'submit' } });
    expect(notifier.calls).toEqual([]);
    expect(storage.oracle.outbox()[0]?.status).toBe('pending');

    const restarted = createDesk({ storage, clock, notifier, workflows: [reviewWorkflow()] });
    expect(await restarted.dispatchOutbox()).toEqual({ sent: 1, retried: 0, dead: 0 });
    expect(await restarted.dispatchOutbox()).toEqual({ sent: 0, retried: 0, dead: 0 });
    expect(notifier.sent).toHaveLength(1);
  });

  it('a dispatch that crashed after sending is retried with the same key and not delivered twice', async () => {
    const storage = new MemoryStorage();
    const clock = new TestClock();
    const notifier = new RecordingNotifier();
    const desk = createDesk({ storage, clock, notifier, workflows: [reviewWorkflow()], outbox: { afterCommit: 'off', leaseMs: 30_000 } });
    const { instanceId } = await desk.create({ tenantId, workflow: 'review', actor: applicant, input: reviewInput });
    await desk.send({ tenantId, instanceId, actor: applicant, event: { type: 'submit' } });
    // Simulate: a worker claimed the row and delivered, then died before marking it done.
    const [row] = await storage.claimOutbox({ now: clock.now(), limit: 10, leaseMs: 30_000, workerId: 'dead-worker' });
    await notifier.send({ recipient: { tenantId, profileId: 'citizen-1' }, channel: 'email', template: 'review.received', params: {}, language: 'fa', idempotencyKey: row!.idempotencyKey });
    expect(await desk.dispatchOutbox()).toEqual({ sent: 0, retried: 0, dead: 0 }); // lease still held
    clock.advance(30_000);
    expect(await desk.dispatchOutbox()).toEqual({ sent: 1, retried: 0, dead: 0 });
    expect(notifier.calls).toHaveLength(2);
    expect(notifier.sent).toHaveLength(1);
  });

  it('retries with exponential backoff and jitter, then gives up as dead with the last error', async () => {
    const t = createTestDesk({
      workflows: [reviewWorkflow()],
      outbox: { maxAttempts: 4, baseDelayMs: 1_000, maxDelayMs: 60_000 },
      random: () => 1, // the top of the jitter range, so delays are exact
      logger: { warn: () => {}, error: () => {} },
    });
    t.notifier.failNext(10);
    const { instanceId } = await t.desk.create({ tenantId, workflow: 'review', actor: applicant, input: reviewInput });
    await t.desk.send({ tenantId, instanceId, actor: applicant, event: { type: 'submit' } });
    const oracle = t.storage.oracle;
    const start = t.clock.now().getTime();
    const row = () => oracle.outbox({ tenantId, instanceId })[0]!;
    expect(row()).toMatchObject({ status: 'pending', attempts: 1 });
    expect(row().nextAttemptAt.getTime() - start).toBe(1_000);
    t.clock.advance(999);
    expect(await t.desk.dispatchOutbox()).toEqual({ sent: 0, retried: 0, dead: 0 });
    t.clock.advance(1);
    expect(await t.desk.dispatchOutbox()).toEqual({ sent: 0, retried: 1, dead: 0 });
    expect(row().nextAttemptAt.getTime() - t.clock.now().getTime()).toBe(2_000);
    t.clock.advance(2_000);
    await t.desk.dispatchOutbox();
    expect(row().nextAttemptAt.getTime() - t.clock.now().getTime()).toBe(4_000);
    t.clock.advance(4_000);
    expect(await t.desk.dispatchOutbox()).toEqual({ sent: 0, retried: 0, dead: 1 });
    expect(row()).toMatchObject({ status: 'dead', attempts: 4, lastError: 'RecordingNotifier: simulated delivery failure' });
    t.clock.advance(3_600_000);
    expect(await t.desk.dispatchOutbox()).toEqual({ sent: 0, retried: 0, dead: 0 });
    expect(t.notifier.sent).toEqual([]);
  });

  it('a transient failure is retried and then delivered once', async () => {
    const t = createTestDesk({ workflows: [reviewWorkflow()], random: () => 0.5 });
    t.notifier.failNext(2);
    const { instanceId } = await t.desk.create({ tenantId, workflow: 'review', actor: applicant, input: reviewInput });
    await t.desk.send({ tenantId, instanceId, actor: applicant, event: { type: 'submit' } });
    await t.advance({ minutes: 1 }); // second attempt fails
    await t.advance({ minutes: 1 }); // third succeeds
    await t.desk.send({ tenantId, instanceId, actor: officer, event: { type: 'approve' } });
    expect(t.notifier.sent.map((m) => m.template)).toEqual(['review.received', 'review.approved']);
    expect(t.notifier.calls).toHaveLength(4);
  });

  it('custom effect types run their registered handler; unknown ones die with a clear error', async () => {
    const handled: unknown[] = [];
    const t = createTestDesk({
      workflows: [reviewWorkflow()],
      effects: { notify: async (effect) => void handled.push(effect.payload) },
    });
    const { instanceId } = await t.desk.create({ tenantId, workflow: 'review', actor: applicant, input: reviewInput });
    await t.desk.send({ tenantId, instanceId, actor: applicant, event: { type: 'submit' } });
    expect(handled).toEqual([{ recipient: { profileId: 'citizen-1' }, channel: 'email', template: 'review.received', params: { title: 'Census tables', amount: 1200000n } }]);

    // A desk without a notifier cannot ever deliver `notify`: the row dies at once, loudly.
    const errors: unknown[] = [];
    const storage = new MemoryStorage();
    const unconfigured = createDesk({
      storage,
      clock: new TestClock(),
      workflows: [reviewWorkflow()],
      logger: { warn: () => {}, error: (_m, f) => void errors.push(f) },
      outbox: { afterCommit: 'await' },
    });
    const created = await unconfigured.create({ tenantId, workflow: 'review', actor: applicant, input: reviewInput });
    await unconfigured.send({ tenantId, instanceId: created.instanceId, actor: applicant, event: { type: 'submit' } });
    const row = storage.oracle.outbox({ tenantId, instanceId: created.instanceId })[0]!;
    expect(row).toMatchObject({ status: 'dead', attempts: 1 });
    expect(row.lastError).toContain('needs a notifier');
    expect(errors).toHaveLength(1);
  });
});

describe('outbox leases', () => {
  const row = (n: number) => ({
    id: `row-${n}`,
    tenantId,
    instanceId: 'i-1',
    type: 'slow',
    payload: { n },
    idempotencyKey: `${tenantId}:i-1:1:${n}`,
    status: 'pending' as const,
    attempts: 0,
    nextAttemptAt: new Date('2025-01-01T00:00:00Z'),
    lastError: null,
    createdAt: new Date('2025-01-01T00:00:00Z'),
    completedAt: null,
  });

  async function twoWorkers(slowMs: number, competitor: boolean) {
    const storage = new MemoryStorage();
    const clock = new TestClock('2025-01-01T00:00:00Z');
    await storage.transaction((tx) => tx.enqueueOutbox([row(1), row(2)]));
    const runs: string[] = [];
    const others: { b?: ReturnType<typeof createDesk> } = {};
    const worker = (name: string) =>
      createDesk({
        storage,
        clock,
        workflows: [reviewWorkflow()],
        workerId: name,
        outbox: { afterCommit: 'off', leaseMs: 60_000, claimSize: 2 },
        effects: {
          slow: async (effect) => {
            runs.push(`${name}:${(effect.payload as { n: number }).n}`);
            if (name !== 'A' || (effect.payload as { n: number }).n !== 1) return;
            clock.advance(slowMs); // the first effect is slow
            if (competitor) await others.b!.dispatchOutbox();
          },
        },
      });
    const a = worker('A');
    others.b = worker('B');
    await a.dispatchOutbox();
    return { runs, rows: storage.oracle.outbox() };
  }

  it('a row claimed in a batch is renewed before it runs when its lease is running low', async () => {
    const { runs, rows } = await twoWorkers(40_000, false);
    expect(runs).toEqual(['A:1', 'A:2']);
    expect(rows.map((r) => [r.id, r.status, r.attempts])).toEqual([['row-1', 'done', 1], ['row-2', 'done', 1]]);
  });

  it('a row another worker took after the lease ran out is not run again by its first claimer, and its late result is not recorded', async () => {
    const { runs, rows } = await twoWorkers(60_001, true);
    // The slow row itself outlived its lease and ran twice (its handler must be idempotent);
    // the row waiting behind it ran once, by the worker that took it.
    expect(runs).toEqual(['A:1', 'B:1', 'B:2']);
    expect(rows.map((r) => [r.id, r.status, r.attempts])).toEqual([['row-1', 'done', 1], ['row-2', 'done', 1]]);
  });
});
