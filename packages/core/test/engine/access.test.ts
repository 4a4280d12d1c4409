import { createTestDesk } from '@statdesk/testing';
import { setup } from 'xstate';
import { describe, expect, it } from 'vitest';
import { defineWorkflow, DefinitionError, NotAllowedError, NotFoundError, ValidationError } from '../../src';
import { applicant, officer, otherApplicant, reviewInput, reviewWorkflow, supervisor } from './review.workflow';

describe('tenants, owners and views', () => {
  it('every read is scoped by tenant: another portal sees nothing', async () => {
    const t = createTestDesk({ workflows: [reviewWorkflow()] });
    const { instanceId } = await t.desk.create({ tenantId: 'portal-a', workflow: 'review', actor: applicant, input: reviewInput });
    await expect(t.desk.get({ tenantId: 'portal-b', instanceId }, officer)).rejects.toBeInstanceOf(NotFoundError);
    await expect(t.desk.history({ tenantId: 'portal-b', instanceId }, officer)).rejects.toBeInstanceOf(NotFoundError);
    await expect(t.desk.send({ tenantId: 'portal-b', instanceId, actor: officer, event: { type: 'approve' } })).rejects.toBeInstanceOf(NotFoundError);
    expect((await t.desk.list({ tenantId: 'portal-b', workflow: 'review' }, officer)).items).toEqual([]);
    expect((await t.desk.list({ tenantId: 'portal-a', workflow: 'review' }, officer)).items.map((i) => i.id)).toEqual([instanceId]);
  });

  it("owners read their own records; another citizen's looks like nothing", async () => {
    const t = createTestDesk({ workflows: [reviewWorkflow()] });
    const tenantId = 'sci';
    const mine = await t.desk.create({ tenantId, workflow: 'review', actor: applicant, input: reviewInput });
    await t.desk.create({ tenantId, workflow: 'review', actor: otherApplicant, input: { ...reviewInput, applicantId: otherApplicant.id } });
    const view = await t.desk.get({ tenantId, instanceId: mine.instanceId }, applicant);
    expect(view).toMatchObject({ state: 'draft', ownerId: 'citizen-1', version: 1 });
    expect(view.availableEvents.sort()).toEqual(['cancel', 'submit']);
    await expect(t.desk.get({ tenantId, instanceId: mine.instanceId }, otherApplicant)).rejects.toBeInstanceOf(NotFoundError);
    await expect(t.desk.get({ tenantId, instanceId: mine.instanceId }, { id: 'x', roles: ['guest'] })).rejects.toBeInstanceOf(NotAllowedError);
    // A citizen's list is always their own, whatever they ask for.
    const own = await t.desk.list({ tenantId, workflow: 'review' }, applicant);
    expect(own.items.map((i) => i.ownerId)).toEqual(['citizen-1']);
    await expect(t.desk.list({ tenantId, workflow: 'review', ownerId: 'citizen-2' }, applicant)).rejects.toBeInstanceOf(NotAllowedError);
    // Staff see both, and their available events differ from the citizen's.
    const staff = await t.desk.list({ tenantId, workflow: 'review' }, supervisor);
    expect(staff.items).toHaveLength(2);
    expect(staff.items[0]!.availableEvents).toEqual(['cancel']);
  });

  it('lists page through a work queue and refuse unbounded pages', async () => {
    const t = createTestDesk({ workflows: [reviewWorkflow()] });
    const tenantId = 'sci';
    for (let i = 0; i < 5; i++) {
      const { instanceId } = await t.desk.create({ tenantId, workflow: 'review', actor: applicant, input: reviewInput });
      if (i % 2 === 0) await t.desk.send({ tenantId, instanceId, actor: applicant, event: { type: 'submit' } });
      t.clock.advance(1000);
    }
    const first = await t.desk.list({ tenantId, workflow: 'review', states: ['submitted'], limit: 2 }, officer);
    expect(first.items).toHaveLength(2);
    const second = await t.desk.list({ tenantId, workflow: 'review', states: ['submitted'], limit: 2, cursor: first.nextCursor! }, officer);
    expect(second.items).toHaveLength(1);
    expect(second.nextCursor).toBeUndefined();
    await expect(t.desk.list({ tenantId, workflow: 'review', limit: 100_000 }, officer)).rejects.toBeInstanceOf(ValidationError);
  });

  it('a machine that invokes actors or runs its own side effects is refused as not durable', async () => {
    const machine = setup({ actions: { sendEmail: () => {} } }).createMachine({
      id: 'leaky',
      initial: 'a',
      states: { a: { on: { go: { target: 'b', actions: 'sendEmail' } } }, b: {} },
    });
    const leaky = defineWorkflow({ name: 'leaky', version: '1', machine, create: { roles: ['clerk'] }, events: { go: { roles: ['clerk'] } } });
    const t = createTestDesk({ workflows: [leaky] });
    const clerk = { id: 'c', roles: ['clerk'] };
    const { instanceId } = await t.desk.create({ tenantId: 'sci', workflow: 'leaky', actor: clerk });
    const error = await t.desk.send({ tenantId: 'sci', instanceId, actor: clerk, event: { type: 'go' } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DefinitionError);
    expect((error as Error).message).toContain('"sendEmail"');
    expect((await t.storage.getInstance({ tenantId: 'sci', instanceId }))?.state).toBe('a');
  });

  it('definitions are checked when they are defined', () => {
    const machine = setup({}).createMachine({ id: 'm', initial: 'a', states: { a: { on: { go: 'a' } } } });
    expect(() => defineWorkflow({ name: 'Bad Name', version: '1', machine, create: { roles: ['x'] }, events: { go: { roles: ['x'] } } })).toThrow(DefinitionError);
    expect(() => defineWorkflow({ name: 'm', version: '1', machine, create: { roles: ['x'] }, events: { go: { roles: [] } } })).toThrow(/names no role/);
  });
});

describe('available events', () => {
  it('offers an event whose guard needs the payload or server-side facts, and leaves the verdict to the command', async () => {
    const t = createTestDesk({ workflows: [reviewWorkflow()] });
    const tenantId = 'sci';
    const { instanceId } = await t.desk.create({ tenantId, workflow: 'review', actor: applicant, input: reviewInput });
    await t.desk.send({ tenantId, instanceId, actor: applicant, event: { type: 'submit' } });
    for (let i = 0; i < 3; i++) {
      await t.desk.send({ tenantId, instanceId, actor: officer, event: { type: 'requestInfo', question: `q${i}` } });
      await t.desk.send({ tenantId, instanceId, actor: applicant, event: { type: 'reply', answer: `a${i}` } });
    }
    // requestInfo's guard (at most three questions) now refuses, but the state still handles it.
    expect((await t.desk.get({ tenantId, instanceId }, officer)).availableEvents.sort()).toEqual(['approve', 'requestInfo']);
    await expect(t.desk.send({ tenantId, instanceId, actor: officer, event: { type: 'requestInfo', question: 'q4' } })).rejects.toMatchObject({ code: 'INVALID_TRANSITION' });
    // Events the state does not handle are never offered.
    expect((await t.desk.get({ tenantId, instanceId }, applicant)).availableEvents.sort()).toEqual(['cancel']);
  });
});
