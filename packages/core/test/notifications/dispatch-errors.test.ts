import { MemoryStorage, TestClock } from '@statdesk/testing';
import { describe, expect, it } from 'vitest';
import { createDesk, DeliveryDeferredError, PermanentDeliveryError, type NotificationMessage, type Notifier } from '../../src';
import { applicant, reviewInput, reviewWorkflow } from '../engine/review.workflow';

const tenantId = 'sci';
const quiet = { warn: () => {}, error: () => {} };

/** A notifier that throws whatever the test hands it next. */
function throwingNotifier(next: () => Error | undefined): Notifier & { calls: NotificationMessage[] } {
  const calls: NotificationMessage[] = [];
  return {
    calls,
    async send(message) {
      calls.push(message);
      const error = next();
      if (error) throw error;
      return { duplicate: false };
    },
  };
}

async function submitted(notifier: Notifier, leaseMs = 30_000) {
  const storage = new MemoryStorage();
  const clock = new TestClock('2024-07-15T06:00:00Z');
  const desk = createDesk({ storage, clock, notifier, workflows: [reviewWorkflow()], logger: quiet, outbox: { afterCommit: 'off', leaseMs } });
  const { instanceId } = await desk.create({ tenantId, workflow: 'review', actor: applicant, input: reviewInput });
  await desk.send({ tenantId, instanceId, actor: applicant, event: { type: 'submit' } });
  const row = () => storage.oracle.outbox({ tenantId, instanceId })[0]!;
  return { desk, clock, row };
}

describe('how the outbox treats delivery errors', () => {
  it('a permanent delivery failure is dead-lettered on the first attempt, with its message', async () => {
    const notifier = throwingNotifier(() => new PermanentDeliveryError('mailbox unavailable (550)'));
    const { desk, row } = await submitted(notifier);
    expect(await desk.dispatchOutbox()).toEqual({ sent: 0, retried: 0, dead: 1 });
    expect(row()).toMatchObject({ status: 'dead', attempts: 1, lastError: 'mailbox unavailable (550)' });
  });

  it('a deferred delivery keeps its attempts and is offered again when the lease ends', async () => {
    let defer = true;
    const notifier = throwingNotifier(() => (defer ? new DeliveryDeferredError('circuit open', new Date(0)) : undefined));
    const { desk, clock, row } = await submitted(notifier, 30_000);
    expect(await desk.dispatchOutbox()).toEqual({ sent: 0, retried: 0, dead: 0 });
    expect(row()).toMatchObject({ status: 'pending', attempts: 0, lastError: null });
    // Still leased: not offered again yet.
    clock.advance(29_999);
    await desk.dispatchOutbox();
    expect(notifier.calls).toHaveLength(1);
    clock.advance(1);
    defer = false;
    expect(await desk.dispatchOutbox()).toEqual({ sent: 1, retried: 0, dead: 0 });
    expect(row()).toMatchObject({ status: 'done', attempts: 1 });
    expect(notifier.calls).toHaveLength(2);
  });
});
