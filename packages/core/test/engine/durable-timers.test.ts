import { createTestDesk, MemoryStorage, TestClock } from '@statdesk/testing';
import { describe, expect, it } from 'vitest';
import { DAY, applicant, officer, reviewInput, reviewWorkflow } from './review.workflow';

const tenantId = 'sci';

describe('durable timers', () => {
  it('persists an `after` timer, survives a restart and fires exactly once', async () => {
    const storage = new MemoryStorage();
    const clock = new TestClock('2025-04-05T06:00:00.000Z');
    const first = createTestDesk({ workflows: [reviewWorkflow()], storage, clock });
    const { instanceId } = await first.desk.create({ tenantId, workflow: 'review', actor: applicant, input: reviewInput });
    await first.desk.send({ tenantId, instanceId, actor: applicant, event: { type: 'submit' } });

    const timers = storage.oracle.timers({ tenantId, instanceId });
    expect(timers.map((t) => [t.key, t.dueAt.toISOString()]).sort()).toEqual([
      ['xstate.after.86400000.review.submitted', '2025-04-06T06:00:00.000Z'],
      ['xstate.after.decisionDeadline.review.submitted', '2025-04-08T06:00:00.000Z'],
    ]);

    // The process "restarts": a new desk on the same storage, nothing carried in memory.
    const second = createTestDesk({ workflows: [reviewWorkflow()], storage, clock });
    expect(await second.advance(2 * DAY)).toBe(1); // the one-day reminder
    expect((await storage.getInstance({ tenantId, instanceId }))?.state).toBe('submitted');
    expect(await second.advance(DAY)).toBe(1); // the deadline
    const expired = await storage.getInstance({ tenantId, instanceId });
    expect(expired?.state).toBe('expired');
    expect(expired?.status).toBe('done');

    // Nothing left to fire, however long we wait, and a third desk finds nothing either.
    expect(await second.advance(30 * DAY)).toBe(0);
    const third = createTestDesk({ workflows: [reviewWorkflow()], storage, clock });
    expect(await third.runDue()).toBe(0);
    const history = storage.oracle.history({ tenantId, instanceId });
    expect(history.map((h) => [h.eventType, h.actorRole, h.at.toISOString()])).toEqual([
      ['statdesk.create', 'applicant', '2025-04-05T06:00:00.000Z'],
      ['submit', 'applicant', '2025-04-05T06:00:00.000Z'],
      ['xstate.after.86400000.review.submitted', 'system', '2025-04-06T06:00:00.000Z'],
      ['xstate.after.decisionDeadline.review.submitted', 'system', '2025-04-08T06:00:00.000Z'],
    ]);
    expect(storage.oracle.timers()).toEqual([]);
  });

  it('cancels the timers of a state that was left', async () => {
    const t = createTestDesk({ workflows: [reviewWorkflow()] });
    const { instanceId } = await t.desk.create({ tenantId, workflow: 'review', actor: applicant, input: reviewInput });
    await t.desk.send({ tenantId, instanceId, actor: applicant, event: { type: 'submit' } });
    expect(t.storage.oracle.timers({ tenantId, instanceId })).toHaveLength(2);
    await t.desk.send({ tenantId, instanceId, actor: officer, event: { type: 'requestInfo', question: 'Which province?' } });
    expect(t.storage.oracle.timers({ tenantId, instanceId })).toEqual([]);
    expect(await t.advance(10 * DAY)).toBe(0);
    expect((await t.storage.getInstance({ tenantId, instanceId }))?.state).toBe('awaitingApplicant');
  });

  it('re-entering a state re-arms its timer from the new entry', async () => {
    const t = createTestDesk({ workflows: [reviewWorkflow()], start: '2025-04-05T06:00:00.000Z' });
    const { instanceId } = await t.desk.create({ tenantId, workflow: 'review', actor: applicant, input: reviewInput });
    await t.desk.send({ tenantId, instanceId, actor: applicant, event: { type: 'submit' } });
    await t.advance(DAY / 2);
    await t.desk.send({ tenantId, instanceId, actor: officer, event: { type: 'requestInfo', question: 'Years?' } });
    await t.advance(DAY);
    await t.desk.send({ tenantId, instanceId, actor: applicant, event: { type: 'reply', answer: '1390 to 1400' } });
    const deadline = t.storage.oracle.timers({ tenantId, instanceId }).find((x) => x.key.includes('decisionDeadline'));
    expect(deadline?.dueAt.toISOString()).toBe('2025-04-09T18:00:00.000Z');
  });

  it.each([
    ['with claim leases', 60_000],
    ['even when leases expire at once and both desks claim every timer', 0],
  ])('two desks sharing one storage never deliver the same timer twice (1,000 timers, %s)', async (_label, leaseMs) => {
    const storage = new MemoryStorage();
    const clock = new TestClock('2025-04-05T06:00:00.000Z');
    const workflows = [reviewWorkflow({ decisionDeadlineMs: 60_000 })];
    const a = createTestDesk({ workflows, storage, clock, timers: { batchSize: 37, leaseMs } });
    const b = createTestDesk({ workflows, storage, clock, timers: { batchSize: 41, leaseMs } });
    const ids: string[] = [];
    for (let i = 0; i < 1000; i++) {
      const { instanceId } = await a.desk.create({ tenantId, workflow: 'review', actor: applicant, input: reviewInput });
      await a.desk.send({ tenantId, instanceId, actor: applicant, event: { type: 'submit' } });
      ids.push(instanceId);
    }
    clock.advance(60_000);
    // Both workers drain concurrently until nothing is due.
    const [da, db] = await Promise.all([a.runDue(), b.runDue()]);
    expect(da + db).toBe(1000);
    expect(da).toBeGreaterThan(0);
    expect(db).toBeGreaterThan(0);
    expect(storage.oracle.timers()).toEqual([]);
    for (const instanceId of ids) {
      const rows = storage.oracle.history({ tenantId, instanceId });
      expect(rows.filter((r) => r.eventType.includes('decisionDeadline'))).toHaveLength(1);
      expect(storage.oracle.instance({ tenantId, instanceId })?.state).toBe('expired');
    }
  }, 60_000);
});
