import { createTestDesk, MemoryStorage } from '@statdesk/testing';
import { describe, expect, it } from 'vitest';
import { InvalidTransitionError, NotAllowedError, NotFoundError, ValidationError } from '../../src';
import { applicant, officer, otherApplicant, reviewInput, reviewWorkflow } from './review.workflow';

const tenantId = 'sci';

async function setup() {
  const t = createTestDesk({ workflows: [reviewWorkflow()] });
  const { instanceId } = await t.desk.create({ tenantId, workflow: 'review', actor: applicant, input: reviewInput });
  const oracle = t.storage.oracle;
  const before = { counts: oracle.counts(), instance: oracle.instance({ tenantId, instanceId }) };
  const unchanged = () => {
    expect(oracle.counts()).toEqual(before.counts);
    expect(oracle.instance({ tenantId, instanceId })).toEqual(before.instance);
    expect(t.notifier.calls).toHaveLength(0);
  };
  return { t, instanceId, unchanged };
}

describe('rejected commands write nothing', () => {
  it('an event that fails its schema: ValidationError naming the field', async () => {
    const { t, instanceId } = await setup();
    await t.desk.send({ tenantId, instanceId, actor: applicant, event: { type: 'submit' } });
    const oracle = t.storage.oracle;
    const counts = oracle.counts();
    const error = await t.desk.send({ tenantId, instanceId, actor: officer, event: { type: 'requestInfo', question: '' } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).fields).toEqual(['question']);
    expect((error as ValidationError).message).toContain('question');
    expect(oracle.counts()).toEqual(counts);
  });

  it('an unknown event type: ValidationError on `type`', async () => {
    const { t, instanceId, unchanged } = await setup();
    const error = await t.desk.send({ tenantId, instanceId, actor: officer, event: { type: 'xstate.after.1.review.submitted' } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).fields).toEqual(['type']);
    unchanged();
  });

  it('invalid create input: ValidationError naming every bad field, no instance', async () => {
    const { t, unchanged } = await setup();
    const error = await t.desk
      .create({ tenantId, workflow: 'review', actor: applicant, input: { ...reviewInput, title: 'x', nationalId: '12', amount: '-5' } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).fields.sort()).toEqual(['amount', 'nationalId', 'title']);
    unchanged();
  });

  it('an event the role may not send: NotAllowedError', async () => {
    const { t, instanceId, unchanged } = await setup();
    await expect(t.desk.send({ tenantId, instanceId, actor: applicant, event: { type: 'approve' } })).rejects.toBeInstanceOf(NotAllowedError);
    await expect(t.desk.send({ tenantId, instanceId, actor: { id: 'x', roles: [] }, event: { type: 'submit' } })).rejects.toBeInstanceOf(NotAllowedError);
    unchanged();
  });

  it("an owner role acting on someone else's record: NotFoundError, exactly as for a missing record", async () => {
    const { t, instanceId, unchanged } = await setup();
    const missing = 'no-such-instance';
    // Whatever the event, its fields or the version named, the answer is the one for no record.
    for (const [event, expectedVersion] of [
      [{ type: 'submit' }, undefined],
      [{ type: 'approve' }, undefined],
      [{ type: 'requestInfo', question: '' }, undefined],
      [{ type: 'no-such-event' }, undefined],
      [{ type: 'submit' }, 99],
    ] as const) {
      const send = (id: string) =>
        t.desk.send({ tenantId, instanceId: id, actor: otherApplicant, event, ...(expectedVersion !== undefined ? { expectedVersion } : {}) }).catch((e: unknown) => e);
      const [other, none] = [await send(instanceId), await send(missing)];
      expect(other).toBeInstanceOf(NotFoundError);
      expect((other as Error).message.replace(instanceId, '<id>')).toBe((none as Error).message.replace(missing, '<id>'));
    }
    unchanged();
  });

  it("a citizen who is also staff keeps the staff role's standing on others' records", async () => {
    const { t, instanceId } = await setup();
    await t.desk.send({ tenantId, instanceId, actor: applicant, event: { type: 'submit' } });
    const both = { id: 'citizen-2', roles: ['applicant', 'officer'] };
    // Not hidden: as an officer it may approve; as an applicant it may not submit someone else's.
    const error = await t.desk.send({ tenantId, instanceId, actor: both, event: { type: 'cancel', reason: 'x' } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotAllowedError);
    expect((error as Error).message).toContain('belongs to someone else');
    const approved = await t.desk.send({ tenantId, instanceId, actor: both, event: { type: 'approve' } });
    expect(approved.state).toBe('approved');
  });

  it('roles are checked before fields: a role that may not send the event gets NotAllowedError, not the schema', async () => {
    const { t, instanceId, unchanged } = await setup();
    await t.desk.send({ tenantId, instanceId, actor: applicant, event: { type: 'submit' } });
    const counts = t.storage.oracle.counts();
    const error = await t.desk.send({ tenantId, instanceId, actor: applicant, event: { type: 'requestInfo', question: '' } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotAllowedError);
    const create = await t.desk.create({ tenantId, workflow: 'review', actor: { id: 'boss-1', roles: ['supervisor'] }, input: { title: 1 } }).catch((e: unknown) => e);
    expect(create).toBeInstanceOf(NotAllowedError);
    expect(t.storage.oracle.counts()).toEqual(counts);
    void unchanged;
  });

  it('an event not accepted in the current state: InvalidTransitionError', async () => {
    const { t, instanceId, unchanged } = await setup();
    const error = await t.desk.send({ tenantId, instanceId, actor: applicant, event: { type: 'reply', answer: 'too early' } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidTransitionError);
    expect(error).toMatchObject({ eventType: 'reply', state: 'draft' });
    unchanged();
  });

  it('a guard that refuses: InvalidTransitionError', async () => {
    const t = createTestDesk({ workflows: [reviewWorkflow()] });
    const { instanceId } = await t.desk.create({ tenantId, workflow: 'review', actor: applicant, input: reviewInput });
    await t.desk.send({ tenantId, instanceId, actor: applicant, event: { type: 'submit' } });
    for (let i = 0; i < 3; i++) {
      await t.desk.send({ tenantId, instanceId, actor: officer, event: { type: 'requestInfo', question: `q${i}` } });
      await t.desk.send({ tenantId, instanceId, actor: applicant, event: { type: 'reply', answer: `a${i}` } });
    }
    await expect(t.desk.send({ tenantId, instanceId, actor: officer, event: { type: 'requestInfo', question: 'q4' } })).rejects.toBeInstanceOf(
      InvalidTransitionError,
    );
  });

  it('a finished instance accepts nothing', async () => {
    const t = createTestDesk({ workflows: [reviewWorkflow()] });
    const { instanceId } = await t.desk.create({ tenantId, workflow: 'review', actor: applicant, input: reviewInput });
    await t.desk.send({ tenantId, instanceId, actor: applicant, event: { type: 'cancel', reason: 'changed my mind' } });
    await expect(t.desk.send({ tenantId, instanceId, actor: applicant, event: { type: 'submit' } })).rejects.toBeInstanceOf(InvalidTransitionError);
  });

  it('an unknown instance or workflow: NotFoundError', async () => {
    const { t, unchanged } = await setup();
    await expect(t.desk.send({ tenantId, instanceId: 'nope', actor: applicant, event: { type: 'submit' } })).rejects.toBeInstanceOf(NotFoundError);
    await expect(t.desk.create({ tenantId, workflow: 'nope', actor: applicant })).rejects.toBeInstanceOf(NotFoundError);
    unchanged();
  });

  it('a storage failure mid-commit leaves no outbox row and no state change', async () => {
    const storage = new MemoryStorage();
    const t = createTestDesk({ workflows: [reviewWorkflow()], storage });
    const { instanceId } = await t.desk.create({ tenantId, workflow: 'review', actor: applicant, input: reviewInput });
    const counts = storage.oracle.counts();
    const original = storage.transaction.bind(storage);
    storage.transaction = (fn) =>
      original(async (tx) => {
        tx.appendHistory = async () => {
          throw new Error('disk full');
        };
        return fn(tx);
      });
    await expect(t.desk.send({ tenantId, instanceId, actor: applicant, event: { type: 'submit' } })).rejects.toThrow('disk full');
    expect(storage.oracle.counts()).toEqual(counts);
    expect(storage.oracle.outbox()).toEqual([]);
    expect(storage.oracle.instance({ tenantId, instanceId })?.state).toBe('draft');
    expect(t.notifier.calls).toEqual([]);
  });
});
