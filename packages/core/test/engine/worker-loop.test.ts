import { MemoryStorage, RecordingNotifier } from '@statdesk/testing';
import { describe, expect, it } from 'vitest';
import { createDesk } from '../../src';
import { applicant, reviewInput, reviewWorkflow } from './review.workflow';

describe('the worker loop', () => {
  it('delivers timers and dispatches the outbox on the real clock until stopped', async () => {
    const storage = new MemoryStorage();
    const notifier = new RecordingNotifier();
    notifier.failNext(1);
    const desk = createDesk({
      storage,
      notifier,
      workflows: [reviewWorkflow({ decisionDeadlineMs: 30 })],
      outbox: { afterCommit: 'off', baseDelayMs: 10, maxDelayMs: 20 },
      logger: { warn: () => {}, error: () => {} },
    });
    const { instanceId } = await desk.create({ tenantId: 'sci', workflow: 'review', actor: applicant, input: reviewInput });
    await desk.send({ tenantId: 'sci', instanceId, actor: applicant, event: { type: 'submit' } });
    desk.start({ pollIntervalMs: 5 });
    desk.start(); // idempotent
    const deadline = Date.now() + 5_000;
    while (Date.now() < deadline) {
      const done = storage.oracle.instance({ tenantId: 'sci', instanceId })?.state === 'expired' && notifier.sent.length === 1;
      if (done) break;
      await new Promise((r) => setTimeout(r, 5));
    }
    await desk.stop();
    expect(storage.oracle.instance({ tenantId: 'sci', instanceId })?.state).toBe('expired');
    expect(notifier.sent.map((m) => m.template)).toEqual(['review.received']);
    expect(notifier.calls).toHaveLength(2);
    await desk.stop(); // stopping twice is harmless
  });
});
