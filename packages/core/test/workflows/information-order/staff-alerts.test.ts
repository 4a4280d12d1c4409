/**
 * Staff alerts on an information order nobody attends to: every SLA warning and breach reaches
 * the assignee and the supervisor exactly once, even when the process dies with alerts unsent.
 */
import { createTestDesk, MemoryStaffDirectory, RecordingNotifier } from '@statdesk/testing';
import { describe, expect, it } from 'vitest';
import { createTariffRegistry, informationOrderWorkflow, sampleTariffBook, type StaffMember } from '../../../src';
import { consultant, createWorld, finance, orderAt, steps, supervisor, tenantId, type OrderWorld } from './harness';

const staff: StaffMember[] = [
  { id: consultant.id, displayName: 'مریم کارشناس', roles: ['consultant'], email: 'consultant@sci.example.ir', language: 'fa' },
  { id: 'consultant-2', displayName: 'Reza Consultant', roles: ['consultant'], mobile: '09120000002', language: 'en' },
  { id: supervisor.id, displayName: 'سرپرست', roles: ['supervisor'], email: 'boss@sci.example.ir', language: 'fa' },
  { id: finance.id, displayName: 'امور مالی', roles: ['finance-officer'], email: 'finance@sci.example.ir', language: 'fa' },
];

/** A desk (one process) over the world's stores, with staff alerts wired to a recording notifier. */
function processOf(world: OrderWorld, staffNotifier: RecordingNotifier, directory: MemoryStaffDirectory, afterCommit: 'await' | 'off') {
  return createTestDesk({
    workflows: [informationOrderWorkflow()],
    storage: world.storage,
    clock: world.clock,
    notifier: world.notifier,
    services: { tariffs: createTariffRegistry([sampleTariffBook]), profiles: world.profiles, files: world.files },
    staffAlerts: { directory, notifier: staffNotifier },
    outbox: { afterCommit },
  });
}

describe('information order: staff alerts', () => {
  it('warnings and breaches reach the assignee and the supervisor exactly once each, across a restart', async () => {
    const world = await createWorld();
    const directory = new MemoryStaffDirectory({ [tenantId]: staff });
    const alerts = new RecordingNotifier();
    const first = processOf(world, alerts, directory, 'await');
    world.t = first;
    const id = await orderAt(world, 'submitted');
    await first.desk.assign({ tenantId, instanceId: id, actor: consultant, assignee: consultant.id });
    await first.runDue();
    // New work went to every consultant; a claim is no news to the claimer.
    expect(alerts.sent.map((m) => [m.template, m.recipient.profileId, m.channel, m.language])).toEqual([
      ['staff.new-order', consultant.id, 'email', 'fa'],
      ['staff.new-order', 'consultant-2', 'sms', 'en'],
    ]);
    alerts.clear();

    // The first process fires the SLA timers but dies before sending what they wrote.
    const dying = processOf(world, alerts, directory, 'off');
    let fired = 0;
    for (let day = 0; day < 3; day++) {
      world.clock.advance(24 * 3_600_000);
      for (;;) {
        const run = await dying.desk.runDueTimers();
        fired += run.delivered;
        if (!run.delivered) break;
      }
    }
    expect(fired).toBeGreaterThan(0);
    expect(alerts.sent).toEqual([]);

    // A new process finds the alerts in the outbox and sends them; running again sends nothing more.
    const restarted = processOf(world, alerts, directory, 'await');
    await restarted.advance({ days: 30 });
    await restarted.desk.dispatchOutbox();

    const history = await restarted.desk.history({ tenantId, instanceId: id }, supervisor);
    const slaRows = history.filter((h) => h.eventType === 'sla.warning' || h.eventType === 'sla.breach');
    expect(slaRows.map((h) => h.eventType)).toEqual(expect.arrayContaining(['sla.warning', 'sla.breach']));
    const slaAlerts = alerts.sent.filter((m) => m.template === 'staff.sla-warning' || m.template === 'staff.sla-breach');
    // One message to each of the two people per SLA event, and nobody else.
    expect(slaAlerts).toHaveLength(slaRows.length * 2);
    for (const person of [consultant.id, supervisor.id]) {
      const theirs = slaAlerts.filter((m) => m.recipient.profileId === person);
      // Exactly once each; the outbox promises no order among rows due at the same instant.
      expect(theirs.map((m) => m.template).sort()).toEqual(slaRows.map((h) => (h.eventType === 'sla.warning' ? 'staff.sla-warning' : 'staff.sla-breach')).sort());
      expect(new Set(theirs.map((m) => m.idempotencyKey)).size).toBe(theirs.length);
    }
    expect(slaAlerts.every((m) => m.params.caseRef === id)).toBe(true);
    // The breach put the order in the supervisors' escalation queue.
    expect((await restarted.desk.queue({ tenantId, escalated: true }, supervisor)).items.map((i) => i.instanceId)).toEqual([id]);
  });

  it('tells finance of a receipt to verify and a colleague of a case assigned to them', async () => {
    const world = await createWorld();
    const directory = new MemoryStaffDirectory({ [tenantId]: staff });
    const alerts = new RecordingNotifier();
    world.t = processOf(world, alerts, directory, 'await');
    const id = await orderAt(world, 'awaitingReceipt');
    alerts.clear();
    await world.t.desk.assign({ tenantId, instanceId: id, actor: supervisor, assignee: 'consultant-2' });
    await steps.submitReceipt(world, id);
    await world.t.runDue();
    expect(alerts.sent.map((m) => [m.template, m.recipient.profileId])).toEqual([
      ['staff.case-assigned', 'consultant-2'],
      ['staff.receipt-to-verify', finance.id],
    ]);
  });
});
