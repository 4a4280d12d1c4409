/**
 * The engine's own scenarios, run end to end on any storage: a desk on it must behave as it does
 * on the in-memory reference — restarts, races, duplicate deliveries, crashes between commit and
 * dispatch, several workers. Storage adapters run these beside their conformance suite:
 *
 *   describeEngineScenarios({ name: 'postgres', setup: async () => ({ storage, oracle, teardown }) });
 */
import { ConflictError, createDesk, isStatdeskError } from '@statdesk/core';
import { describe, expect } from 'vitest';
import { createTestDesk } from '../create-test-desk';
import { RecordingNotifier } from '../recording-notifier';
import { DAY, applicant, officer, reviewInput, reviewWorkflow } from '../sample-workflows/review.workflow';
import { TestClock } from '../test-clock';
import { namedTest } from './named-test';
import type { StorageUnderTest } from './storage-suite';

/** The names of the engine scenarios, run against a storage adapter with a real desk. */
export const engineScenarios = [
  'an `after` timer survives a restart and fires exactly once',
  'racing commands: one commits, the other is rejected, history has no gap',
  'with conflict retries, 16 racing commands are each applied once or rejected, never lost',
  'the same command delivered three times at once is applied once',
  'a crash between commit and dispatch delays the notification, never loses or repeats it',
  'two desks draining 300 timers together deliver each exactly once',
] as const;

/** The name of one engine scenario. */
export type EngineScenario = (typeof engineScenarios)[number];

/** Options of {@link describeEngineScenarios}. */
export interface EngineScenarioOptions {
  /** Label of the `describe` block, e.g. the adapter's name. */
  name: string;
  /** A fresh, empty storage for each scenario. */
  setup: () => Promise<StorageUnderTest>;
  /** Scenarios this adapter cannot pass yet, each with the reason. */
  disable?: Partial<Record<EngineScenario, string>>;
  /** Per-scenario time limit; databases on a busy machine may need more than vitest's default. */
  timeoutMs?: number;
}

const tenantId = 'sci';

/**
 * Registers the engine scenarios with vitest for a storage adapter: restarts, timers firing exactly once,
 * crashes between commit and dispatch, two desks draining one database.
 */
export function describeEngineScenarios(options: EngineScenarioOptions): void {
  const scenario = namedTest<EngineScenario, StorageUnderTest>(options, options.timeoutMs ?? 60_000);

  describe(`engine scenarios: ${options.name}`, () => {
    scenario('an `after` timer survives a restart and fires exactly once', async ({ storage, oracle }) => {
      const clock = new TestClock('2025-04-05T06:00:00.000Z');
      const first = createTestDesk({ workflows: [reviewWorkflow()], storage, clock });
      const { instanceId } = await first.desk.create({ tenantId, workflow: 'review', actor: applicant, input: reviewInput });
      await first.desk.send({ tenantId, instanceId, actor: applicant, event: { type: 'submit' } });
      const ref = { tenantId, instanceId };
      expect((await oracle.timers(ref)).map((t) => [t.key, t.dueAt.toISOString()]).sort()).toEqual([
        ['xstate.after.86400000.review.submitted', '2025-04-06T06:00:00.000Z'],
        ['xstate.after.decisionDeadline.review.submitted', '2025-04-08T06:00:00.000Z'],
      ]);

      // A new process: a new desk on the same storage, nothing carried over in memory.
      const second = createTestDesk({ workflows: [reviewWorkflow()], storage, clock });
      expect(await second.advance(2 * DAY)).toBe(1);
      expect(await second.advance(DAY)).toBe(1);
      expect(await oracle.instance(ref)).toMatchObject({ state: 'expired', status: 'done' });
      expect(await second.advance(30 * DAY)).toBe(0);
      expect(await createTestDesk({ workflows: [reviewWorkflow()], storage, clock }).runDue()).toBe(0);
      expect((await oracle.history(ref)).map((h) => [h.eventType, h.actorRole, h.at.toISOString()])).toEqual([
        ['statdesk.create', 'applicant', '2025-04-05T06:00:00.000Z'],
        ['submit', 'applicant', '2025-04-05T06:00:00.000Z'],
        ['xstate.after.86400000.review.submitted', 'system', '2025-04-06T06:00:00.000Z'],
        ['xstate.after.decisionDeadline.review.submitted', 'system', '2025-04-08T06:00:00.000Z'],
      ]);
      expect(await oracle.timers()).toEqual([]);
      expect(await second.desk.verifyHistory(ref)).toEqual({ ok: true, length: 4 });
    });

    scenario('racing commands: one commits, the other is rejected, history has no gap', async ({ storage, oracle }) => {
      const t = createTestDesk({ workflows: [reviewWorkflow()], storage });
      const { instanceId } = await t.desk.create({ tenantId, workflow: 'review', actor: applicant, input: reviewInput });
      await t.desk.send({ tenantId, instanceId, actor: applicant, event: { type: 'submit' } });
      const results = await Promise.allSettled([
        t.desk.send({ tenantId, instanceId, actor: officer, event: { type: 'approve', note: 'ok' } }),
        t.desk.send({ tenantId, instanceId, actor: officer, event: { type: 'requestInfo', question: 'Which years?' } }),
      ]);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      const rejected = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
      expect(rejected).toHaveLength(1);
      // Optimistic storage reports the lost race as a conflict; a single-writer one (SQLite)
      // runs the loser after the winner, where the state no longer accepts it.
      const loser = rejected[0]!.reason;
      expect(loser instanceof ConflictError || isStatdeskError(loser, 'INVALID_TRANSITION')).toBe(true);
      const ref = { tenantId, instanceId };
      const history = await oracle.history(ref);
      expect(history.map((h) => h.seq)).toEqual([1, 2, 3]);
      expect(history[2]!.toState).toBe((await oracle.instance(ref))!.state);
      expect(await t.desk.verifyHistory(ref)).toEqual({ ok: true, length: 3 });
    });

    scenario('with conflict retries, 16 racing commands are each applied once or rejected, never lost', async ({ storage, oracle }) => {
      const t = createTestDesk({ workflows: [reviewWorkflow()], storage, conflictRetries: 20 });
      const { instanceId } = await t.desk.create({ tenantId, workflow: 'review', actor: applicant, input: reviewInput });
      await t.desk.send({ tenantId, instanceId, actor: applicant, event: { type: 'submit' } });
      // requestInfo → awaitingApplicant, reply → submitted: a ping-pong that accepts many rounds.
      const results = await Promise.allSettled(
        Array.from({ length: 16 }, (_, i) =>
          i % 2
            ? t.desk.send({ tenantId, instanceId, actor: applicant, event: { type: 'reply', answer: `answer ${i}` } })
            : t.desk.send({ tenantId, instanceId, actor: officer, event: { type: 'requestInfo', question: `question ${i}` } }),
        ),
      );
      for (const r of results) if (r.status === 'rejected') expect(isStatdeskError(r.reason, 'INVALID_TRANSITION')).toBe(true);
      const applied = results.filter((r) => r.status === 'fulfilled').length;
      const history = await oracle.history({ tenantId, instanceId });
      expect(history).toHaveLength(2 + applied);
      expect(history.map((h) => h.seq)).toEqual(history.map((_, i) => i + 1));
      expect((await t.desk.verifyHistory({ tenantId, instanceId })).ok).toBe(true);
    });

    scenario('the same command delivered three times at once is applied once', async ({ storage, oracle }) => {
      const t = createTestDesk({ workflows: [reviewWorkflow()], storage });
      const { instanceId } = await t.desk.create({ tenantId, workflow: 'review', actor: applicant, input: reviewInput, idempotencyKey: 'create-1' });
      const replay = await t.desk.create({ tenantId, workflow: 'review', actor: applicant, input: reviewInput, idempotencyKey: 'create-1' });
      expect(replay).toMatchObject({ instanceId, replayed: true });
      const send = () => t.desk.send({ tenantId, instanceId, actor: applicant, event: { type: 'submit' }, idempotencyKey: 'dup' });
      const all = await Promise.all([send(), send(), send()]);
      expect(all.filter((r) => !r.replayed)).toHaveLength(1);
      expect(new Set(all.map((r) => r.version))).toEqual(new Set([2]));
      const ref = { tenantId, instanceId };
      expect(await oracle.history(ref)).toHaveLength(2);
      expect(await oracle.outbox(ref)).toHaveLength(1);
      expect((await oracle.counts()).commands).toBe(2);
      expect(t.notifier.sent).toHaveLength(1);
    });

    scenario('a crash between commit and dispatch delays the notification, never loses or repeats it', async ({ storage, oracle }) => {
      const clock = new TestClock();
      const notifier = new RecordingNotifier();
      const crashed = createDesk({ storage, clock, notifier, workflows: [reviewWorkflow()], outbox: { afterCommit: 'off' } });
      const { instanceId } = await crashed.create({ tenantId, workflow: 'review', actor: applicant, input: reviewInput });
      await crashed.send({ tenantId, instanceId, actor: applicant, event: { type: 'submit' } });
      expect(notifier.calls).toEqual([]);
      expect((await oracle.outbox())[0]).toMatchObject({ status: 'pending', attempts: 0 });

      const restarted = createDesk({ storage, clock, notifier, workflows: [reviewWorkflow()] });
      expect(await restarted.dispatchOutbox()).toEqual({ sent: 1, retried: 0, dead: 0 });
      expect(await restarted.dispatchOutbox()).toEqual({ sent: 0, retried: 0, dead: 0 });
      expect(notifier.sent.map((m) => m.idempotencyKey)).toEqual([`${tenantId}:${instanceId}:2:0`]);
      expect((await oracle.outbox())[0]).toMatchObject({ status: 'done', attempts: 1 });
    });

    scenario('two desks draining 300 timers together deliver each exactly once', async ({ storage, oracle }) => {
      const clock = new TestClock('2025-04-05T06:00:00.000Z');
      const workflows = [reviewWorkflow({ decisionDeadlineMs: 60_000 })];
      const a = createTestDesk({ workflows, storage, clock, timers: { batchSize: 37 } });
      const b = createTestDesk({ workflows, storage, clock, timers: { batchSize: 41 } });
      const ids: string[] = [];
      for (let i = 0; i < 300; i++) {
        const { instanceId } = await a.desk.create({ tenantId, workflow: 'review', actor: applicant, input: reviewInput });
        await a.desk.send({ tenantId, instanceId, actor: applicant, event: { type: 'submit' } });
        ids.push(instanceId);
      }
      clock.advance(60_000);
      // Both workers drain concurrently until nothing is due.
      const [fromA, fromB] = await Promise.all([a.runDue(), b.runDue()]);
      expect(fromA + fromB).toBe(300);
      expect(await oracle.timers()).toEqual([]);
      for (const instanceId of ids) {
        const deadlines = (await oracle.history({ tenantId, instanceId })).filter((h) => h.eventType.includes('decisionDeadline'));
        expect(deadlines).toHaveLength(1);
      }
    });
  });
}
