/**
 * The engine's own scenarios, end to end on PostgreSQL: a desk on this storage behaves as it
 * does on the in-memory reference (restarts, races, duplicate deliveries, crashes between
 * commit and dispatch). The workflow is the core engine tests' own.
 */
import { ConflictError, createDesk } from '@statdesk/core';
import { createTestDesk, RecordingNotifier, TestClock } from '@statdesk/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { applicant, DAY, officer, reviewInput, reviewWorkflow } from '../../core/test/engine/review.workflow';
import { numbered, sqlOracle } from './support/oracle';
import { postgresSchema, type PostgresSchema } from './support/postgres';

const tenantId = 'sci';
let db: PostgresSchema;
const oracle = () => sqlOracle(async (sql, params) => (await db.client.query(numbered(sql), params)).rows);

beforeAll(async () => {
  db = await postgresSchema('scenarios');
});
afterAll(async () => db?.drop());
beforeEach(async () => db.truncate());

describe('engine scenarios on PostgreSQL', () => {
  it('an `after` timer survives a restart and fires exactly once', async () => {
    const clock = new TestClock('2025-04-05T06:00:00.000Z');
    const first = createTestDesk({ workflows: [reviewWorkflow()], storage: db.storage, clock });
    const { instanceId } = await first.desk.create({ tenantId, workflow: 'review', actor: applicant, input: reviewInput });
    await first.desk.send({ tenantId, instanceId, actor: applicant, event: { type: 'submit' } });
    const ref = { tenantId, instanceId };
    expect((await oracle().timers(ref)).map((t) => [t.key, t.dueAt.toISOString()])).toEqual([
      ['xstate.after.86400000.review.submitted', '2025-04-06T06:00:00.000Z'],
      ['xstate.after.decisionDeadline.review.submitted', '2025-04-08T06:00:00.000Z'],
    ]);

    // A new process: a new desk on the same database, nothing carried over in memory.
    const second = createTestDesk({ workflows: [reviewWorkflow()], storage: db.storage, clock });
    expect(await second.advance(2 * DAY)).toBe(1);
    expect(await second.advance(DAY)).toBe(1);
    expect(await oracle().instance(ref)).toMatchObject({ state: 'expired', status: 'done' });
    expect(await second.advance(30 * DAY)).toBe(0);
    expect(await createTestDesk({ workflows: [reviewWorkflow()], storage: db.storage, clock }).runDue()).toBe(0);
    expect((await oracle().history(ref)).map((h) => [h.eventType, h.at.toISOString()])).toEqual([
      ['statdesk.create', '2025-04-05T06:00:00.000Z'],
      ['submit', '2025-04-05T06:00:00.000Z'],
      ['xstate.after.86400000.review.submitted', '2025-04-06T06:00:00.000Z'],
      ['xstate.after.decisionDeadline.review.submitted', '2025-04-08T06:00:00.000Z'],
    ]);
    expect(await oracle().timers()).toEqual([]);
    expect(await second.desk.verifyHistory(ref)).toEqual({ ok: true, length: 4 });
  });

  it('racing commands: one commits, the other gets a conflict, history has no gap', async () => {
    const t = createTestDesk({ workflows: [reviewWorkflow()], storage: db.storage });
    const { instanceId } = await t.desk.create({ tenantId, workflow: 'review', actor: applicant, input: reviewInput });
    await t.desk.send({ tenantId, instanceId, actor: applicant, event: { type: 'submit' } });
    const results = await Promise.allSettled([
      t.desk.send({ tenantId, instanceId, actor: officer, event: { type: 'approve', note: 'ok' } }),
      t.desk.send({ tenantId, instanceId, actor: officer, event: { type: 'requestInfo', question: 'Which years?' } }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(rejected).toHaveLength(1);
    expect(rejected[0]!.reason).toBeInstanceOf(ConflictError);
    const ref = { tenantId, instanceId };
    const history = await oracle().history(ref);
    expect(history.map((h) => h.seq)).toEqual([1, 2, 3]);
    expect(history[2]!.toState).toBe((await oracle().instance(ref))!.state);
    expect(await t.desk.verifyHistory(ref)).toEqual({ ok: true, length: 3 });
  });

  it('with conflict retries, 16 racing commands are each applied once or rejected, never lost', async () => {
    const t = createTestDesk({ workflows: [reviewWorkflow()], storage: db.storage, conflictRetries: 20 });
    const { instanceId } = await t.desk.create({ tenantId, workflow: 'review', actor: applicant, input: reviewInput });
    await t.desk.send({ tenantId, instanceId, actor: applicant, event: { type: 'submit' } });
    const results = await Promise.allSettled(
      Array.from({ length: 16 }, (_, i) =>
        i % 2
          ? t.desk.send({ tenantId, instanceId, actor: applicant, event: { type: 'reply', answer: `answer ${i}` } })
          : t.desk.send({ tenantId, instanceId, actor: officer, event: { type: 'requestInfo', question: `question ${i}` } }),
      ),
    );
    for (const r of results) if (r.status === 'rejected') expect((r.reason as { code?: string }).code).toBe('INVALID_TRANSITION');
    const applied = results.filter((r) => r.status === 'fulfilled').length;
    const history = await oracle().history({ tenantId, instanceId });
    expect(history).toHaveLength(2 + applied);
    expect(history.map((h) => h.seq)).toEqual(history.map((_, i) => i + 1));
    expect((await t.desk.verifyHistory({ tenantId, instanceId })).ok).toBe(true);
  });

  it('the same command delivered three times at once is applied once', async () => {
    const t = createTestDesk({ workflows: [reviewWorkflow()], storage: db.storage });
    const { instanceId } = await t.desk.create({ tenantId, workflow: 'review', actor: applicant, input: reviewInput, idempotencyKey: 'create-1' });
    const replay = await t.desk.create({ tenantId, workflow: 'review', actor: applicant, input: reviewInput, idempotencyKey: 'create-1' });
    expect(replay).toMatchObject({ instanceId, replayed: true });
    const send = () => t.desk.send({ tenantId, instanceId, actor: applicant, event: { type: 'submit' }, idempotencyKey: 'dup' });
    const all = await Promise.all([send(), send(), send()]);
    expect(all.filter((r) => !r.replayed)).toHaveLength(1);
    expect(new Set(all.map((r) => r.version))).toEqual(new Set([2]));
    const ref = { tenantId, instanceId };
    expect(await oracle().history(ref)).toHaveLength(2);
    expect(await oracle().outbox(ref)).toHaveLength(1);
    expect((await oracle().counts()).commands).toBe(2);
    expect(t.notifier.sent).toHaveLength(1);
  });

  it('a crash between commit and dispatch delays the notification, never loses or repeats it', async () => {
    const clock = new TestClock();
    const notifier = new RecordingNotifier();
    const crashed = createDesk({ storage: db.storage, clock, notifier, workflows: [reviewWorkflow()], outbox: { afterCommit: 'off' } });
    const { instanceId } = await crashed.create({ tenantId, workflow: 'review', actor: applicant, input: reviewInput });
    await crashed.send({ tenantId, instanceId, actor: applicant, event: { type: 'submit' } });
    expect(notifier.calls).toEqual([]);
    expect((await oracle().outbox())[0]).toMatchObject({ status: 'pending', attempts: 0 });

    const restarted = createDesk({ storage: db.storage, clock, notifier, workflows: [reviewWorkflow()] });
    expect(await restarted.dispatchOutbox()).toEqual({ sent: 1, retried: 0, dead: 0 });
    expect(await restarted.dispatchOutbox()).toEqual({ sent: 0, retried: 0, dead: 0 });
    expect(notifier.sent.map((m) => m.idempotencyKey)).toEqual([`${tenantId}:${instanceId}:2:0`]);
    expect((await oracle().outbox())[0]).toMatchObject({ status: 'done', attempts: 1 });
  });

  it('two desks draining 300 timers together deliver each exactly once', async () => {
    const clock = new TestClock('2025-04-05T06:00:00.000Z');
    const workflows = [reviewWorkflow({ decisionDeadlineMs: 60_000 })];
    const a = createTestDesk({ workflows, storage: db.storage, clock, timers: { batchSize: 37 } });
    const b = createTestDesk({ workflows, storage: db.storage, clock, timers: { batchSize: 41 } });
    const ids: string[] = [];
    for (let i = 0; i < 300; i++) {
      const { instanceId } = await a.desk.create({ tenantId, workflow: 'review', actor: applicant, input: reviewInput });
      await a.desk.send({ tenantId, instanceId, actor: applicant, event: { type: 'submit' } });
      ids.push(instanceId);
    }
    clock.advance(60_000);
    const drain = async (desk: typeof a.desk) => {
      let delivered = 0;
      for (;;) {
        const run = await desk.runDueTimers();
        delivered += run.delivered;
        if (run.delivered + run.skipped + run.failed === 0) return delivered;
      }
    };
    const [da, db2] = await Promise.all([drain(a.desk), drain(b.desk)]);
    expect(da + db2).toBe(300);
    expect(await oracle().timers()).toEqual([]);
    const { rows } = await db.client.query(
      `SELECT instance_id, COUNT(*)::int AS n FROM statdesk_history WHERE event_type LIKE '%decisionDeadline%' GROUP BY instance_id`,
    );
    expect(rows).toHaveLength(300);
    expect(rows.every((r: { n: number }) => r.n === 1)).toBe(true);
  });
});
