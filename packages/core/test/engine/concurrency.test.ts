import { createTestDesk } from '@statdesk/testing';
import { describe, expect, it } from 'vitest';
import { ConflictError, isStatdeskError } from '../../src';
import { applicant, officer, reviewInput, reviewWorkflow, supervisor } from './review.workflow';

const tenantId = 'sci';

async function submitted(t: ReturnType<typeof createTestDesk>) {
  const { instanceId } = await t.desk.create({ tenantId, workflow: 'review', actor: applicant, input: reviewInput });
  await t.desk.send({ tenantId, instanceId, actor: applicant, event: { type: 'submit' } });
  return instanceId;
}

describe('concurrent commands on one instance', () => {
  it('one commits, the other gets a conflict; nothing is lost and history has no gap', async () => {
    const t = createTestDesk({ workflows: [reviewWorkflow()] });
    const instanceId = await submitted(t);
    const results = await Promise.allSettled([
      t.desk.send({ tenantId, instanceId, actor: officer, event: { type: 'approve', note: 'ok' } }),
      t.desk.send({ tenantId, instanceId, actor: officer, event: { type: 'requestInfo', question: 'Which years?' } }),
    ]);
    const fulfilled = results.filter((r) => r.status === 'fulfilled');
    const rejected = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(fulfilled).toHaveLength(1);
    expect(rejected).toHaveLength(1);
    expect(rejected[0]!.reason).toBeInstanceOf(ConflictError);

    const oracle = t.storage.oracle;
    const instance = oracle.instance({ tenantId, instanceId })!;
    const history = oracle.history({ tenantId, instanceId });
    expect(instance.version).toBe(3);
    expect(history.map((h) => h.seq)).toEqual([1, 2, 3]);
    expect(history[2]!.toState).toBe(instance.state);
    expect(await t.desk.verifyHistory({ tenantId, instanceId })).toEqual({ ok: true, length: 3 });
  });

  it('with conflictRetries, the loser is re-run on the fresh state', async () => {
    const t = createTestDesk({ workflows: [reviewWorkflow()], conflictRetries: 3 });
    const instanceId = await submitted(t);
    // Both are accepted in `submitted`; after the question, cancel is still accepted.
    const results = await Promise.all([
      t.desk.send({ tenantId, instanceId, actor: officer, event: { type: 'requestInfo', question: 'Which years?' } }),
      t.desk.send({ tenantId, instanceId, actor: supervisor, event: { type: 'cancel', reason: 'duplicate order' } }),
    ]);
    expect(results.map((r) => r.version).sort()).toEqual([3, 4]);
    const history = await t.historyOf({ tenantId, instanceId });
    expect(history.map((h) => h.eventType)).toEqual(['statdesk.create', 'submit', 'requestInfo', 'cancel']);
    expect((await t.storage.getInstance({ tenantId, instanceId }))?.state).toBe('cancelled');
  });

  it('an event made invalid by the winner is rejected on retry, not applied', async () => {
    const t = createTestDesk({ workflows: [reviewWorkflow()], conflictRetries: 3 });
    const instanceId = await submitted(t);
    const results = await Promise.allSettled([
      t.desk.send({ tenantId, instanceId, actor: officer, event: { type: 'approve' } }),
      t.desk.send({ tenantId, instanceId, actor: officer, event: { type: 'requestInfo', question: 'Which years?' } }),
    ]);
    const rejected = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(rejected).toHaveLength(1);
    expect(isStatdeskError(rejected[0]!.reason, 'INVALID_TRANSITION')).toBe(true);
    expect((await t.historyOf({ tenantId, instanceId })).map((h) => h.seq)).toEqual([1, 2, 3]);
  });

  it('16 concurrent staff commands: each is applied once or rejected, never lost', async () => {
    const t = createTestDesk({ workflows: [reviewWorkflow()], conflictRetries: 20 });
    const instanceId = await submitted(t);
    // requestInfo → awaitingApplicant, reply → submitted: a ping-pong that accepts many rounds.
    const sends = Array.from({ length: 16 }, (_, i) =>
      i % 2
        ? t.desk.send({ tenantId, instanceId, actor: applicant, event: { type: 'reply', answer: `answer ${i}` } })
        : t.desk.send({ tenantId, instanceId, actor: officer, event: { type: 'requestInfo', question: `question ${i}` } }),
    );
    const results = await Promise.allSettled(sends);
    const applied = results.filter((r) => r.status === 'fulfilled').length;
    for (const r of results) if (r.status === 'rejected') expect(isStatdeskError(r.reason, 'INVALID_TRANSITION')).toBe(true);
    const history = await t.historyOf({ tenantId, instanceId });
    expect(history).toHaveLength(2 + applied);
    expect(history.map((h) => h.seq)).toEqual(history.map((_, i) => i + 1));
    expect((await t.desk.verifyHistory({ tenantId, instanceId })).ok).toBe(true);
  });

  it('expectedVersion turns a stale screen into a conflict, even with retries on', async () => {
    const t = createTestDesk({ workflows: [reviewWorkflow()], conflictRetries: 5 });
    const instanceId = await submitted(t);
    const seen = await t.desk.get({ tenantId, instanceId }, officer);
    await t.desk.send({ tenantId, instanceId, actor: officer, event: { type: 'requestInfo', question: 'Scope?' } });
    await expect(
      t.desk.send({ tenantId, instanceId, actor: supervisor, event: { type: 'cancel', reason: 'stale' }, expectedVersion: seen.version }),
    ).rejects.toMatchObject({ code: 'CONFLICT', details: { expectedVersion: 2, actualVersion: 3 } });
    expect((await t.storage.getInstance({ tenantId, instanceId }))?.state).toBe('awaitingApplicant');
  });
});
