import { createTestDesk } from '@statdesk/testing';
import { describe, expect, it } from 'vitest';
import { DuplicateCommandError } from '../../src';
import { applicant, officer, reviewInput, reviewWorkflow } from './review.workflow';

const tenantId = 'sci';

describe('idempotency keys', () => {
  it('a repeated command returns the first result and changes nothing', async () => {
    const t = createTestDesk({ workflows: [reviewWorkflow()] });
    const oracle = t.storage.oracle;
    const created = await t.desk.create({ tenantId, workflow: 'review', actor: applicant, input: reviewInput, idempotencyKey: 'create-1' });
    const again = await t.desk.create({ tenantId, workflow: 'review', actor: applicant, input: reviewInput, idempotencyKey: 'create-1' });
    expect(again).toEqual({ ...created, replayed: true });
    expect(oracle.counts().instances).toBe(1);

    const first = await t.desk.send({ tenantId, instanceId: created.instanceId, actor: applicant, event: { type: 'submit' }, idempotencyKey: 'submit-1' });
    const counts = oracle.counts();
    const notifications = t.notifier.calls.length;
    const second = await t.desk.send({ tenantId, instanceId: created.instanceId, actor: applicant, event: { type: 'submit' }, idempotencyKey: 'submit-1' });
    expect(first.replayed).toBe(false);
    expect(second).toEqual({ ...first, replayed: true });
    expect(oracle.counts()).toEqual(counts);
    expect(t.notifier.calls).toHaveLength(notifications);
  });

  it('a key reused for a different command is a DuplicateCommandError', async () => {
    const t = createTestDesk({ workflows: [reviewWorkflow()] });
    const { instanceId } = await t.desk.create({ tenantId, workflow: 'review', actor: applicant, input: reviewInput });
    await t.desk.send({ tenantId, instanceId, actor: applicant, event: { type: 'submit' }, idempotencyKey: 'k' });
    await expect(
      t.desk.send({ tenantId, instanceId, actor: officer, event: { type: 'requestInfo', question: 'why?' }, idempotencyKey: 'k' }),
    ).rejects.toBeInstanceOf(DuplicateCommandError);
    expect((await t.storage.getInstance({ tenantId, instanceId }))?.state).toBe('submitted');
  });

  it('the same command delivered twice at once is applied once', async () => {
    const t = createTestDesk({ workflows: [reviewWorkflow()] });
    const oracle = t.storage.oracle;
    const { instanceId } = await t.desk.create({ tenantId, workflow: 'review', actor: applicant, input: reviewInput });
    const send = () => t.desk.send({ tenantId, instanceId, actor: applicant, event: { type: 'submit' }, idempotencyKey: 'dup' });
    const [a, b, c] = await Promise.all([send(), send(), send()]);
    expect([a, b, c].filter((r) => !r.replayed)).toHaveLength(1);
    expect(new Set([a, b, c].map((r) => r.version))).toEqual(new Set([2]));
    expect(oracle.history({ tenantId, instanceId })).toHaveLength(2);
    expect(oracle.outbox({ tenantId, instanceId })).toHaveLength(1);
  });

  it('keys are scoped to the tenant', async () => {
    const t = createTestDesk({ workflows: [reviewWorkflow()] });
    const a = await t.desk.create({ tenantId: 'portal-a', workflow: 'review', actor: applicant, input: reviewInput, idempotencyKey: 'same' });
    const b = await t.desk.create({ tenantId: 'portal-b', workflow: 'review', actor: applicant, input: reviewInput, idempotencyKey: 'same' });
    expect(b.replayed).toBe(false);
    expect(b.instanceId).not.toBe(a.instanceId);
  });
});
