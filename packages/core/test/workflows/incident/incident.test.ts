import { actor, createTestDesk, TestClock, workflowStorage } from '@statdesk/testing';
import { describe, expect, it } from 'vitest';
import { customiseWorkflow, incidentPublicStatus, incidentWorkflow, isStatdeskError, notify, type IncidentWorkflow } from '../../../src';

const tenantId = 'sci';
const operator = actor('operator-1', 'operator');
const supervisor = actor('supervisor-1', 'supervisor');
const HOUR = 3_600_000;
const MINUTE = 60_000;
const T0 = '2025-03-20T20:00:00.000Z'; // Nowruz eve: an outage does not wait for working hours
const at = (ms: number) => new Date(new Date(T0).getTime() + ms).toISOString();
const report = { title: 'Amar Hamrah cannot sign in', publicMessage: 'ورود به نرم‌افزار آمار همراه با خطا روبه‌رو است.', description: 'SSO token endpoint 502s' };

async function mobileIncident(workflow: IncidentWorkflow = incidentWorkflow({ channel: 'mobile-app', escalateTo: 'duty-supervisor' })) {
  const { storage, oracle } = await workflowStorage();
  const clock = new TestClock(T0);
  const t = createTestDesk({ workflows: [workflow], storage, clock });
  const { instanceId } = await t.desk.create({ tenantId, workflow: workflow.name, actor: operator, input: report });
  const ref = { tenantId, instanceId };
  const sla = async () => (await oracle.history(ref)).filter((h) => h.eventType.startsWith('sla.'));
  return { ...t, oracle, ref, workflow, sla };
}

describe('service incidents: the 72-hour mobile-app restoration target', () => {
  it('restored at 71h59m: warnings at 36, 54 and 64.8 hours, no breach', async () => {
    const { desk, advance, ref, sla, notifier } = await mobileIncident();
    await desk.send({ ...ref, actor: operator, event: { type: 'acknowledge', publicMessage: 'در حال بررسی' } });
    expect(await advance(71 * HOUR + 59 * MINUTE)).toBe(3);
    await desk.send({ ...ref, actor: operator, event: { type: 'restore', publicMessage: 'برقرار شد' } });
    expect(await advance(30 * 24 * HOUR)).toBe(0);
    expect((await sla()).map((h) => [h.eventType, h.at.toISOString()])).toEqual([
      ['sla.warning', at(36 * HOUR)],
      ['sla.warning', at(54 * HOUR)],
      ['sla.warning', at(64.8 * HOUR)],
    ]);
    expect(notifier.sent).toHaveLength(0);
  });

  it('unrestored: breaches at exactly 72 hours, escalates once, and records the final overrun on restoration', async () => {
    const { desk, advance, runDue, ref, sla, notifier, oracle, workflow, clock } = await mobileIncident();
    expect(await advance(72 * HOUR - 1)).toBe(3);
    expect((await sla()).some((h) => h.eventType === 'sla.breach')).toBe(false);
    expect(await advance(1)).toBe(1);
    const breach = (await sla()).at(-1)!;
    expect(breach).toMatchObject({ eventType: 'sla.breach', actorRole: 'system', fromState: 'reported', toState: 'reported' });
    expect(breach.at.toISOString()).toBe(at(72 * HOUR));
    expect(breach.payload).toMatchObject({ target: 'restoration', kind: 'breach', clock: 'wall', budgetMs: 72 * HOUR, bestEffort: false, dueAt: at(72 * HOUR), overrun: { businessMs: null, wallMs: 0 } });
    expect(notifier.sent.map((m) => [m.template, m.recipient.profileId, m.channel, m.params])).toEqual([
      ['incident.restoration-breached', 'duty-supervisor', 'email', { channel: 'mobile-app', title: report.title, dueAt: at(72 * HOUR) }],
    ]);

    expect(await advance(3 * HOUR)).toBe(0);
    await desk.send({ ...ref, actor: operator, event: { type: 'restore' } });
    expect(await runDue()).toBe(1);
    expect((await sla()).at(-1)).toMatchObject({ eventType: 'sla.overrun', payload: { overrun: { businessMs: null, wallMs: 3 * HOUR } } });
    const [status] = workflow.sla.status((await oracle.history(ref)), clock.now());
    expect(status).toMatchObject({ state: 'breached', breach: { at: new Date(at(72 * HOUR)), overrun: { wallMs: 3 * HOUR }, final: true } });
    expect((await oracle.instance(ref))?.state).toBe('restored');
  });

  it('a reopened incident continues the same clock; the time it looked restored does not count', async () => {
    const { desk, advance, ref, sla } = await mobileIncident();
    await advance(40 * HOUR);
    await desk.send({ ...ref, actor: operator, event: { type: 'restore' } });
    await advance(10 * HOUR);
    await desk.send({ ...ref, actor: operator, event: { type: 'reopen', reason: 'sign-in fails again' } });
    // 40 h were spent; 32 h remain from hour 50.
    expect(await advance(32 * HOUR)).toBe(3);
    expect((await sla()).map((h) => [h.eventType, (h.payload as { threshold: number }).threshold, h.at.toISOString()])).toEqual([
      ['sla.warning', 0.5, at(36 * HOUR)],
      ['sla.warning', 0.75, at(64 * HOUR)],
      ['sla.warning', 0.9, at(74.8 * HOUR)],
      ['sla.breach', 1, at(82 * HOUR)],
    ]);
  });

  it('a dismissed report cancels the clock and final states keep no timers', async () => {
    const { desk, advance, ref, sla, oracle } = await mobileIncident();
    await desk.send({ ...ref, actor: supervisor, event: { type: 'dismiss', reason: 'test alert' } });
    expect((await oracle.timers(ref))).toEqual([]);
    expect(await advance(100 * HOUR)).toBe(0);
    expect((await sla())).toEqual([]);
  });
});

describe('service incidents: who is told of a breach', () => {
  it('without escalateTo, a breach is counted and recorded but no message goes out (there is nobody to address)', async () => {
    const { advance, sla, notifier, oracle, ref } = await mobileIncident(incidentWorkflow({ channel: 'mobile-app' }));
    await advance(72 * HOUR);
    expect((await sla()).filter((h) => h.eventType === 'sla.breach')).toHaveLength(1);
    expect(((await oracle.instance(ref))?.snapshot as { context: { escalations: number } }).context.escalations).toBe(1);
    expect(notifier.sent).toEqual([]);
    expect((await oracle.outbox())).toEqual([]);
  });
});

describe('service incidents: the portal, best effort', () => {
  it('records a missed objective without escalating', async () => {
    const workflow = incidentWorkflow({ channel: 'portal', escalateTo: 'duty-supervisor' });
    expect(workflow.name).toBe('incident-portal');
    const { advance, sla, notifier, oracle, ref } = await mobileIncident(workflow);
    expect(await advance(2 * HOUR)).toBe(4);
    expect((await sla()).map((h) => h.eventType)).toEqual(['sla.warning', 'sla.warning', 'sla.warning', 'sla.missed']);
    expect((await sla()).at(-1)!.at.toISOString()).toBe(at(HOUR));
    expect(notifier.sent).toEqual([]);
    expect(((await oracle.instance(ref))?.snapshot as { context: { escalations: number } }).context.escalations).toBe(0);
  });

  it('takes its target from options, and needs one for channels the agreement does not name', () => {
    const strict = incidentWorkflow({ channel: 'portal', restoration: { budget: { minutes: 30 }, warnings: [0.5] } });
    expect(strict.sla.policy.targets[0]).toMatchObject({ budget: { minutes: 30 }, bestEffort: false, warnings: [0.5] });
    expect(strict.version).toBe('1+sla.incident-portal.30minutes');
    expect(() => incidentWorkflow({ channel: 'sms-gateway' })).toThrow(/no agreed restoration target/);
    try {
      incidentWorkflow({ channel: 'portal', restoration: { budget: { hours: -1 } } });
      expect.unreachable();
    } catch (error) {
      expect(isStatdeskError(error, 'VALIDATION') && error.fields).toEqual(['targets.0.budget.hours']);
    }
  });
});

describe('service incidents: roles, status and customisation', () => {
  it('enforces roles and validates events with field names, writing nothing', async () => {
    const { desk, ref, oracle } = await mobileIncident();
    const rows = (await oracle.history(ref)).length;
    await expect(desk.send({ ...ref, actor: operator, event: { type: 'dismiss', reason: 'x' } })).rejects.toMatchObject({ code: 'NOT_ALLOWED' });
    await expect(desk.send({ ...ref, actor: operator, event: { type: 'update', publicMessage: '' } })).rejects.toMatchObject({ code: 'VALIDATION', fields: ['publicMessage'] });
    await expect(desk.send({ ...ref, actor: operator, event: { type: 'sla.breach', target: 'restoration', dueAt: T0 } })).rejects.toMatchObject({ code: 'NOT_ALLOWED' });
    expect((await oracle.history(ref))).toHaveLength(rows);
  });

  it('shows citizens a safe status: times, public messages, the target — no notes, description or causes', async () => {
    const { desk, advance, ref, workflow, clock } = await mobileIncident();
    await advance(HOUR);
    await desk.send({ ...ref, actor: operator, event: { type: 'acknowledge', publicMessage: 'در حال بررسی' } });
    await desk.send({ ...ref, actor: operator, event: { type: 'note', text: 'Reporter Ali Rezaei 09121234567 says it fails on Android' } });
    await advance(2 * HOUR);
    await desk.send({ ...ref, actor: operator, event: { type: 'restore', publicMessage: 'برقرار شد', cause: 'expired certificate on sso-2' } });
    const status = incidentPublicStatus(workflow, await desk.history(ref, operator), clock.now());
    expect(status).toEqual({
      channel: 'mobile-app',
      title: report.title,
      state: 'restored',
      reportedAt: new Date(T0),
      restoredAt: new Date(at(3 * HOUR)),
      publicMessage: 'برقرار شد',
      timeline: [
        { at: new Date(T0), state: 'reported', publicMessage: report.publicMessage },
        { at: new Date(at(HOUR)), state: 'investigating', publicMessage: 'در حال بررسی' },
        { at: new Date(at(3 * HOUR)), state: 'restored', publicMessage: 'برقرار شد' },
      ],
      restoration: { objective: 'committed', budgetMs: 72 * HOUR, deadline: null, missed: false },
    });
    const text = JSON.stringify(status);
    for (const secret of ['Rezaei', '0912', 'certificate', 'SSO token']) expect(text).not.toContain(secret);
    // The note stays in the staff view but never reaches history.
    expect(JSON.stringify(await desk.history(ref, operator))).not.toContain('Rezaei');
  });

  it('can be customised through machine.provide and role changes, on its own version', async () => {
    const base = incidentWorkflow({ channel: 'mobile-app', escalateTo: 'duty-supervisor' });
    const custom = customiseWorkflow(base, {
      version: `${base.version}+sci-tehran`,
      provide: {
        actions: {
          escalate: notify(() => ({ recipient: { profileId: 'it-director' }, channel: 'sms', template: 'incident.escalated.sms' })),
        },
      },
      roles: { dismiss: ['supervisor', 'operator'] },
    });
    const { storage, oracle } = await workflowStorage();
    const t = createTestDesk({ workflows: [custom], storage, clock: new TestClock(T0) });
    const ref = { tenantId, instanceId: (await t.desk.create({ tenantId, workflow: custom.name, actor: operator, input: report })).instanceId };
    expect(await t.advance(72 * HOUR)).toBe(4);
    expect(t.notifier.sent.map((m) => [m.template, m.recipient.profileId, m.channel])).toEqual([['incident.escalated.sms', 'it-director', 'sms']]);
    await t.desk.send({ ...ref, actor: operator, event: { type: 'dismiss', reason: 'duplicate' } });
    expect((await oracle.instance(ref))?.state).toBe('dismissed');
  });
});
