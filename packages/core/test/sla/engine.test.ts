import { actor, createTestDesk, MemoryStorage, TestClock } from '@statdesk/testing';
import { describe, expect, it } from 'vitest';
import { isStatdeskError, withSla, type SlaWorkflowDefinition } from '../../src';
import { office, officeWithThursday, t } from '../calendar/fixtures';
import { quotePolicy, quoteRequestWorkflow } from './quote.workflow';

const tenantId = 'sci';
const applicant = actor('citizen-1', 'applicant');
const consultant = actor('consultant-1', 'consultant');
const HOUR = 3_600_000;

const bound = () => withSla(quoteRequestWorkflow, { policy: quotePolicy, calendar: office });

describe('withSla on the durable engine', () => {
  it('pauses while awaiting the applicant; warnings and breach fire once each at their exact instants, across restarts', async () => {
    const storage = new MemoryStorage();
    // Saturday 1404-07-12 08:00 Tehran; the office works 08–12 and 13–16.
    const clock = new TestClock(t('2025-10-04T08:00+03:30'));
    const first = createTestDesk({ workflows: [bound()], storage, clock });
    const ref = { tenantId, instanceId: (await first.desk.create({ tenantId, workflow: 'quote-request', actor: applicant })).instanceId };
    const slaTimers = () =>
      storage.oracle
        .timers(ref)
        .filter((x) => x.key.startsWith('derived:'))
        .map((x) => [x.key, x.dueAt.toISOString()]);
    expect(slaTimers()).toEqual([
      ['derived:sla:quote-request:quote:0:warning:0.5', t('2025-10-04T10:00+03:30').toISOString()],
      ['derived:sla:quote-request:quote:0:warning:0.75', t('2025-10-04T11:00+03:30').toISOString()],
      ['derived:sla:quote-request:quote:0:warning:0.9', t('2025-10-04T11:36+03:30').toISOString()],
      ['derived:sla:quote-request:quote:0:breach', t('2025-10-04T12:00+03:30').toISOString()],
    ]);

    expect(await first.advance(HOUR)).toBe(0);
    await first.desk.send({ ...ref, actor: consultant, event: { type: 'requestInfo', question: 'Which provinces?' } });
    expect(slaTimers()).toEqual([]);
    // A day passes paused: nothing fires.
    expect(await first.advance(25 * HOUR)).toBe(0);
    await first.desk.send({ ...ref, actor: applicant, event: { type: 'reply', answer: 'All of them' } });
    // Sunday 10:00, one hour spent: 2 h at 11:00, 3 h at 12:00 (lunch), 3.6 h at 13:36, 4 h at 14:00.
    expect(slaTimers().map(([, due]) => due)).toEqual(
      ['2025-10-05T11:00+03:30', '2025-10-05T12:00+03:30', '2025-10-05T13:36+03:30', '2025-10-05T14:00+03:30'].map((x) => t(x).toISOString()),
    );

    // A restart: a new desk on the same storage fires the first warning.
    const second = createTestDesk({ workflows: [bound()], storage, clock });
    expect(await second.advance(HOUR)).toBe(1);
    const third = createTestDesk({ workflows: [bound()], storage, clock });
    expect(await third.advance(5 * HOUR)).toBe(3);
    expect(await third.advance(48 * HOUR)).toBe(0);

    const slaRows = storage.oracle.history(ref).filter((h) => h.eventType.startsWith('sla.'));
    expect(slaRows.map((h) => [h.eventType, (h.payload as { threshold: number }).threshold, h.at.toISOString(), h.actorRole, h.toState])).toEqual([
      ['sla.warning', 0.5, t('2025-10-05T11:00+03:30').toISOString(), 'system', 'consultation.reviewing'],
      ['sla.warning', 0.75, t('2025-10-05T12:00+03:30').toISOString(), 'system', 'consultation.reviewing'],
      ['sla.warning', 0.9, t('2025-10-05T13:36+03:30').toISOString(), 'system', 'consultation.reviewing'],
      ['sla.breach', 1, t('2025-10-05T14:00+03:30').toISOString(), 'system', 'consultation.reviewing'],
    ]);
    expect(slaRows[3]!.payload).toEqual({
      policy: 'quote-request',
      policyVersion: '1',
      target: 'quote',
      cycle: 0,
      kind: 'breach',
      threshold: 1,
      dueAt: t('2025-10-05T14:00+03:30').toISOString(),
      budgetMs: 4 * HOUR,
      clock: 'business',
      bestEffort: false,
      overrun: { businessMs: 0, wallMs: 0 },
    });
    // The machine escalated: its context changed and the supervisor was notified, once.
    const view = await third.desk.get(ref, consultant);
    expect((view.data as { context: { escalations: number } }).context.escalations).toBe(1);
    expect(third.notifier.sent.filter((m) => m.template === 'sla.breached')).toHaveLength(1);

    // Quoted on Tuesday 16:00: the clock stops breached, and the final overrun is recorded.
    await third.desk.send({ ...ref, actor: consultant, event: { type: 'quote' } });
    expect(await third.runDue()).toBe(1);
    const overrun = storage.oracle.history(ref).at(-1)!;
    expect(overrun.eventType).toBe('sla.overrun');
    // Business: Sunday 14:00–16:00, Monday and Tuesday 7 h each; wall: Sunday 14:00 to Tuesday 16:00.
    expect(overrun.at).toEqual(t('2025-10-07T16:00+03:30'));
    expect((overrun.payload as { overrun: unknown }).overrun).toEqual({ businessMs: 16 * HOUR, wallMs: 50 * HOUR });
    const [status] = bound().sla.status(await third.desk.history(ref, consultant), clock.now());
    expect(status).toMatchObject({ state: 'breached', phase: 'stopped', breach: { final: true, recordedAt: t('2025-10-05T14:00+03:30') } });
    expect(status!.warnings.every((w) => w.firedAt !== null)).toBe(true);
    expect((await third.desk.verifyHistory(ref)).ok).toBe(true);
  });

  it('gives the bound definition its own version and the SLA events as recorded events', () => {
    const def: SlaWorkflowDefinition = bound();
    expect(def.version).toBe('1+sla.quote-request.1.test-office.1');
    expect(def.recordedEvents).toEqual(['sla.warning', 'sla.breach', 'sla.overrun']);
    expect(withSla(quoteRequestWorkflow, { policy: quotePolicy, calendar: office, version: '1-sla' }).version).toBe('1-sla');
  });

  it('rejects a policy naming states or events the workflow does not have, with paths', () => {
    try {
      withSla(quoteRequestWorkflow, {
        calendar: office,
        policy: {
          id: 'typos',
          version: '1',
          targets: [{ name: 'quote', budget: { hours: 1 }, start: [{ event: 'submit' }], pause: [{ state: 'consultation' }], stop: [{ statePrefix: 'quotd' }] }],
        },
      });
      expect.unreachable('withSla accepted a policy with typos');
    } catch (error) {
      expect(isStatdeskError(error, 'VALIDATION') && error.fields).toEqual(['targets.0.start.0.event', 'targets.0.pause.0.state', 'targets.0.stop.0.statePrefix']);
    }
    expect(() => withSla(quoteRequestWorkflow, { policy: quotePolicy })).toThrow(/runs on business time; pass a calendar/);
  });

  it('moves instances onto a new calendar with desk.migrate and re-plans their timers from history', async () => {
    const storage = new MemoryStorage();
    const clock = new TestClock(t('2025-10-01T15:00+03:30'));
    const v1 = bound();
    const t1 = createTestDesk({ workflows: [v1], storage, clock });
    const ref = { tenantId, instanceId: (await t1.desk.create({ tenantId, workflow: 'quote-request', actor: applicant })).instanceId };
    const breachDue = () => storage.oracle.timers(ref).find((x) => x.key.endsWith(':breach'))?.dueAt;
    // Wednesday 15:00 + 4 h with Thursday off: 1 h Wednesday, Saturday 08:00 + 3 h.
    expect(breachDue()).toEqual(t('2025-10-04T11:00+03:30'));
    // The office starts opening Thursday mornings: a new calendar version, a new binding.
    const v2 = withSla(quoteRequestWorkflow, { policy: quotePolicy, calendar: officeWithThursday, migrateFrom: [v1.version] });
    const t2 = createTestDesk({ workflows: [v1, v2], storage, clock });
    await t2.desk.migrate({ ...ref, toVersion: v2.version, actor: actor('ops', 'system') });
    // Thursday 08:00 + 3 h.
    expect(breachDue()).toEqual(t('2025-10-02T11:00+03:30'));
  });
});
