import { createTestDesk, MemoryStorage, TestClock } from '@statdesk/testing';
import { describe, expect, it } from 'vitest';
import { customiseWorkflow, DefinitionError, NotAllowedError, type PersistedWorkflowSnapshot } from '../../src';
import { DAY, applicant, officer, reviewInput, reviewWorkflow, supervisor } from './review.workflow';

const tenantId = 'sci';

describe('definition versions and customisation', () => {
  it('instances stay on the version they started on; new ones take the current version', async () => {
    const storage = new MemoryStorage();
    const clock = new TestClock();
    const v1 = reviewWorkflow({ version: '1', decisionDeadlineMs: 3 * DAY });
    const before = createTestDesk({ workflows: [v1], storage, clock });
    const old = await before.desk.create({ tenantId, workflow: 'review', actor: applicant, input: reviewInput });

    const v2 = reviewWorkflow({ version: '2', decisionDeadlineMs: 10 * DAY });
    const after = createTestDesk({ workflows: [v1, v2], storage, clock });
    const fresh = await after.desk.create({ tenantId, workflow: 'review', actor: applicant, input: reviewInput });
    expect(old.definitionVersion).toBe('1');
    expect(fresh.definitionVersion).toBe('2');

    await after.desk.send({ tenantId, instanceId: old.instanceId, actor: applicant, event: { type: 'submit' } });
    await after.desk.send({ tenantId, instanceId: fresh.instanceId, actor: applicant, event: { type: 'submit' } });
    await after.advance(3 * DAY);
    expect((await storage.getInstance({ tenantId, instanceId: old.instanceId }))?.state).toBe('expired');
    expect((await storage.getInstance({ tenantId, instanceId: fresh.instanceId }))?.state).toBe('submitted');
  });

  it('an unregistered old version is a DefinitionError, not a silent upgrade', async () => {
    const storage = new MemoryStorage();
    const before = createTestDesk({ workflows: [reviewWorkflow({ version: '1' })], storage });
    const { instanceId } = await before.desk.create({ tenantId, workflow: 'review', actor: applicant, input: reviewInput });
    const after = createTestDesk({ workflows: [reviewWorkflow({ version: '2' })], storage });
    await expect(after.desk.send({ tenantId, instanceId, actor: applicant, event: { type: 'submit' } })).rejects.toBeInstanceOf(DefinitionError);
  });

  it('an explicit migration moves an instance forward, recorded in history', async () => {
    const v1 = reviewWorkflow({ version: '1' });
    const base = reviewWorkflow({ version: '2' });
    const v2: typeof base = { ...base, migrations: { '1': (s: PersistedWorkflowSnapshot) => ({ ...s, context: { ...(s.context as object), reminders: 100 } }) } };
    const t = createTestDesk({ workflows: [v1, v2], currentVersions: { review: '1' } });
    const { instanceId } = await t.desk.create({ tenantId, workflow: 'review', actor: applicant, input: reviewInput });
    await expect(t.desk.migrate({ tenantId, instanceId, toVersion: '2', actor: officer })).rejects.toBeInstanceOf(NotAllowedError);
    const moved = await t.desk.migrate({ tenantId, instanceId, toVersion: '2', actor: { id: 'ops', roles: ['system'] } });
    expect(moved.definitionVersion).toBe('2');
    const view = await t.desk.get({ tenantId, instanceId }, officer);
    expect((view.data as { context: { reminders: number } }).context.reminders).toBe(100);
    const history = await t.historyOf({ tenantId, instanceId });
    expect(history.at(-1)).toMatchObject({ eventType: 'statdesk.migrate', payload: { fromVersion: '1', toVersion: '2' }, definitionVersion: '2' });
    expect((await t.desk.verifyHistory({ tenantId, instanceId })).ok).toBe(true);
  });

  it('two portals run one definition with their own rules and versions', async () => {
    const base = reviewWorkflow({ version: '1' });
    const strict = customiseWorkflow(base, {
      version: '1+strict',
      provide: { guards: { mayAskAgain: () => false } },
      roles: { approve: ['supervisor'] },
    });
    expect(() => customiseWorkflow(base, { version: '1' })).toThrow(DefinitionError);

    const portalA = createTestDesk({ workflows: [base] });
    const portalB = createTestDesk({ workflows: [strict] });
    for (const [portal, canAsk, officerMayApprove] of [
      [portalA, true, true],
      [portalB, false, false],
    ] as const) {
      const { instanceId, definitionVersion } = await portal.desk.create({ tenantId, workflow: 'review', actor: applicant, input: reviewInput });
      expect(definitionVersion).toBe(portal === portalA ? '1' : '1+strict');
      await portal.desk.send({ tenantId, instanceId, actor: applicant, event: { type: 'submit' } });
      const ask = portal.desk.send({ tenantId, instanceId, actor: officer, event: { type: 'requestInfo', question: 'More?' } });
      if (canAsk) await expect(ask).resolves.toMatchObject({ state: 'awaitingApplicant' });
      else await expect(ask).rejects.toMatchObject({ code: 'INVALID_TRANSITION' });
      if (!canAsk) {
        const approve = portal.desk.send({ tenantId, instanceId, actor: officer, event: { type: 'approve' } });
        if (officerMayApprove) await expect(approve).resolves.toBeDefined();
        else await expect(approve).rejects.toBeInstanceOf(NotAllowedError);
        await expect(portal.desk.send({ tenantId, instanceId, actor: supervisor, event: { type: 'approve' } })).resolves.toMatchObject({ state: 'approved' });
      }
    }
  });

  it('registering one version twice is a DefinitionError', () => {
    expect(() => createTestDesk({ workflows: [reviewWorkflow(), reviewWorkflow()] })).toThrow(DefinitionError);
  });
});
