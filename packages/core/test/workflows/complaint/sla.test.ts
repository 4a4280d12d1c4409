import { TestClock, createTestDesk, workflowStorage } from '@statdesk/testing';
import { describe, expect, it } from 'vitest';
import { complaintWorkflow, fileMessage } from '../../../src';
import { SATURDAY_MORNING, citizen, complaintDesk, messageInput, officer, supervisor, tenantId } from './fixture';

const DAY = 24 * 60 * 60 * 1000;

describe('SLA breaches', () => {
  it('escalates an unacknowledged complaint to stage 2 when the target breaches, even after a restart', async () => {
    const { storage, oracle } = await workflowStorage();
    const clock = new TestClock(SATURDAY_MORNING);
    const before = createTestDesk({ workflows: [complaintWorkflow()], storage, clock });
    const { instanceId } = await fileMessage(before.desk, { tenantId, actor: citizen, input: messageInput() });

    // The process restarts: a new desk on the same storage, nothing carried in memory.
    const after = createTestDesk({ workflows: [complaintWorkflow()], storage, clock, notifier: before.notifier });
    // In the queue, due at the acknowledgement deadline; once breached, in the supervisors' escalations, due at stage 2's deadline.
    expect((await after.desk.queue({ tenantId }, officer)).items.map((i) => [i.instanceId, i.slaCondition, i.dueAt?.toISOString(), i.escalated])).toEqual([
      [instanceId, 'on-time', '2025-04-08T05:00:00.000Z', false],
    ]);
    expect(await after.advance(2 * DAY)).toBe(0);
    expect((await storage.getInstance({ tenantId, instanceId }))?.state).toBe('stage1.active.filed');
    // Tuesday 08:30 is 3 working days after filing: the acknowledgement target breaches.
    expect(await after.advance(DAY)).toBe(1);
    const record = await storage.getInstance({ tenantId, instanceId });
    expect(record?.state).toBe('stage2.active.escalated');
    const history = (await oracle.history({ tenantId, instanceId }));
    expect(history.at(-1)).toMatchObject({ eventType: 'sla.breach', actorRole: 'system', at: new Date('2025-04-08T05:00:00.000Z') });
    expect((await after.desk.queue({ tenantId, escalated: true }, supervisor)).items.map((i) => [i.instanceId, i.slaCondition, i.dueAt?.toISOString()])).toEqual([
      [instanceId, 'on-time', '2025-04-13T05:00:00.000Z'],
    ]);
    const view = (await after.desk.get({ tenantId, instanceId }, supervisor)).data as Record<string, unknown>;
    expect(view).toMatchObject({
      stage: 2,
      escalation: { reason: 'sla-breach', detail: 'stage1-acknowledge', at: '2025-04-08T05:00:00.000Z' },
      breaches: [{ target: 'stage1-acknowledge', stage: 1, round: 0 }],
    });
    // Stage 1's own answer timer went with it; stage 2's clocks run from the escalation.
    expect((await oracle.timers({ tenantId, instanceId })).map((x) => [x.key, x.dueAt.toISOString()]).sort()).toEqual([
      ['sla.stage2-acknowledge', '2025-04-13T05:00:00.000Z'],
      ['sla.stage2-answer', '2025-05-06T05:00:00.000Z'],
    ]);
    // The complainant is told it went to a supervisor (e-mail and SMS); the reason stays with the staff.
    expect(after.notifier.sent.filter((m) => m.template === 'complaint.escalated').map((m) => m.params)).toEqual([{ trackingCode: expect.stringMatching(/^\d{4} \d{4} \d{4}$/) }, { trackingCode: expect.stringMatching(/^\d{4} \d{4} \d{4}$/) }]);

    // A stage-2 breach is recorded for the supervisors; there is no stage 3.
    await after.advance(5 * DAY);
    const late = (await after.desk.get({ tenantId, instanceId }, supervisor)).data as { state: string; breaches: { target: string }[] };
    expect(late.state).toBe('stage2.active.escalated');
    expect(late.breaches.map((b) => b.target)).toEqual(['stage1-acknowledge', 'stage2-acknowledge']);
    // Nothing fires twice, however many desks look.
    const third = createTestDesk({ workflows: [complaintWorkflow()], storage, clock });
    expect(await third.runDue()).toBe(0);
  });

  it('escalates when the stage-1 answer is late, not counting time awaiting the complainant', async () => {
    const t = await complaintDesk();
    const { instanceId } = await t.file();
    await t.send(instanceId, officer, { type: 'assign', officerId: 'officer-1' });
    await t.send(instanceId, officer, { type: 'requestInfo', question: 'Which years?' });
    await t.advance(10 * DAY); // paused: nothing breaches
    expect(await t.stateOf(instanceId)).toBe('stage1.awaitingComplainant');
    await t.send(instanceId, citizen, { type: 'reply', text: 'All of them' });
    // Filed Sat 5 Apr 08:30, paused at once, resumed Tue 15 Apr 08:30 with all 5 working days left.
    expect(await t.advance(6 * DAY)).toBe(0);
    expect(await t.stateOf(instanceId)).toBe('stage1.active.underReview');
    expect(await t.advance(DAY)).toBe(1);
    expect(await t.stateOf(instanceId)).toBe('stage2.active.escalated');
    expect((await t.oracle.history({ tenantId, instanceId })).at(-1)?.at.toISOString()).toBe('2025-04-22T05:00:00.000Z');
  });

  it('records a breach on a question without escalating it (no stage 2), and does not re-arm it', async () => {
    const t = await complaintDesk({ sla: { question: { acknowledge: 1, answer: 2 } } });
    const { instanceId } = await t.file('question');
    expect(await t.advance(3 * DAY)).toBe(2);
    expect(await t.stateOf(instanceId)).toBe('stage1.active.filed');
    const context = await t.contextOf(instanceId);
    expect((context.breaches as { target: string }[]).map((b) => b.target)).toEqual(['stage1-acknowledge', 'stage1-answer']);
    await t.send(instanceId, officer, { type: 'assign', officerId: 'officer-1' });
    await t.send(instanceId, officer, { type: 'requestInfo', question: '?' });
    await t.send(instanceId, citizen, { type: 'reply', text: '!' });
    expect((await t.oracle.timers({ tenantId, instanceId }))).toEqual([]);
  });

  it('uses per-kind targets and the portal calendar', async () => {
    const t = await complaintDesk({ sla: { complaint: { acknowledge: 1 } } });
    const { instanceId } = await t.file();
    const ack = (await t.oracle.timers({ tenantId, instanceId })).find((x) => x.key === 'sla.stage1-acknowledge');
    expect(ack?.dueAt.toISOString()).toBe('2025-04-06T05:00:00.000Z');
    expect(() => complaintWorkflow({ sla: { complaint: { answer: 0 } } })).toThrow(/sla.complaint.answer/);
    expect(() => complaintWorkflow({ windows: { reopen: 30, survey: 10 } })).toThrow(/windows.survey/);
    expect(() => complaintWorkflow({ kinds: { question: { reopen: true } } })).toThrow(/kinds.question.reopen/);
  });
});

describe('with the SLA layer', () => {
  it('the SLA policy form of the targets binds to the workflow, and with both timer sources a breach escalates once', async () => {
    const { withSla } = await import('../../../src/sla');
    const { DEFAULT_SLA_TARGETS, complaintSlaPolicy, iranGovernmentCalendar } = await import('../../../src');
    const bound = withSla(complaintWorkflow(), { policy: complaintSlaPolicy('complaint', DEFAULT_SLA_TARGETS), calendar: iranGovernmentCalendar });
    const { storage, oracle } = await workflowStorage();
    const t = { ...createTestDesk({ workflows: [bound], start: SATURDAY_MORNING, storage }), oracle };
    const { instanceId } = await fileMessage(t.desk, { tenantId, actor: citizen, input: messageInput() });
    await t.advance(3 * DAY);
    expect((await t.storage.getInstance({ tenantId, instanceId }))?.state).toBe('stage2.active.escalated');
    const rows = (await t.oracle.history({ tenantId, instanceId }));
    const breaches = rows.filter((r) => r.eventType === 'sla.breach');
    // Whichever source fires first escalates; the other, if it still fires, is recorded and changes nothing.
    expect(breaches.length).toBeGreaterThanOrEqual(1);
    expect(rows.filter((r) => r.fromState?.startsWith('stage1') && r.toState.startsWith('stage2'))).toHaveLength(1);
    expect((await t.desk.get({ tenantId, instanceId }, supervisor)).data).toMatchObject({ breaches: [{ target: 'stage1-acknowledge' }] });
    expect(rows.filter((r) => r.eventType === 'sla.warning').length).toBeGreaterThan(0);
    expect(t.notifier.sent.filter((m) => m.template === 'complaint.escalated')).toHaveLength(2); // e-mail + SMS, once
  });
});
