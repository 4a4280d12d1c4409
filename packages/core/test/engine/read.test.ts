/**
 * `desk.read`: the view and the history from one load of the instance (the HTTP view's SLA
 * summary needs both). It must answer exactly what `get` and `history` answer, refuse exactly
 * whom they refuse, and load the instance once.
 */
import { createTestDesk } from '@statdesk/testing';
import { describe, expect, it } from 'vitest';
import { NotAllowedError, NotFoundError } from '../../src';
import { CountingStorage } from './counting-storage';
import { applicant, officer, otherApplicant, reviewInput, reviewWorkflow, supervisor } from './review.workflow';

async function submittedReview() {
  const storage = new CountingStorage();
  const t = createTestDesk({ workflows: [reviewWorkflow()], storage });
  const tenantId = 'sci';
  const { instanceId } = await t.desk.create({ tenantId, workflow: 'review', actor: applicant, input: reviewInput });
  t.clock.advance(60_000);
  await t.desk.send({ tenantId, instanceId, actor: applicant, event: { type: 'submit' } });
  t.clock.advance(60_000);
  await t.desk.send({ tenantId, instanceId, actor: officer, event: { type: 'requestInfo', question: 'Which years?' } });
  return { t, storage, ref: { tenantId, instanceId } };
}

describe('desk.read', () => {
  it('answers what get and history answer, for the owner and for staff', async () => {
    const { t, ref } = await submittedReview();
    for (const actor of [applicant, officer, supervisor]) {
      const reading = await t.desk.read(ref, actor);
      expect(reading.view).toEqual(await t.desk.get(ref, actor));
      const history = await reading.history();
      expect(history).toEqual(await t.desk.history(ref, actor));
      expect(history.map((h) => h.eventType)).toEqual(['statdesk.create', 'submit', 'requestInfo']);
    }
    // The view is this reader's: the owner may reply, the officer may not.
    expect((await t.desk.read(ref, applicant)).view.availableEvents).toContain('reply');
    expect((await t.desk.read(ref, officer)).view.availableEvents).not.toContain('reply');
  });

  it('loads the instance once, and reads history only when asked', async () => {
    const { t, storage, ref } = await submittedReview();
    storage.instanceLoads = 0;
    storage.historyReads = 0;
    const reading = await t.desk.read(ref, applicant);
    expect([storage.instanceLoads, storage.historyReads]).toEqual([1, 0]);
    await reading.history();
    expect([storage.instanceLoads, storage.historyReads]).toEqual([1, 1]);
  });

  it('refuses whom get refuses, before reading any history', async () => {
    const { t, storage, ref } = await submittedReview();
    storage.historyReads = 0;
    await expect(t.desk.read(ref, otherApplicant)).rejects.toBeInstanceOf(NotFoundError);
    await expect(t.desk.read({ ...ref, tenantId: 'another-portal' }, officer)).rejects.toBeInstanceOf(NotFoundError);
    await expect(t.desk.read({ ...ref, instanceId: 'no-such-instance' }, officer)).rejects.toBeInstanceOf(NotFoundError);
    await expect(t.desk.read(ref, { id: 'visitor', roles: ['guest'] })).rejects.toBeInstanceOf(NotAllowedError);
    expect(storage.historyReads).toBe(0);
  });
});
