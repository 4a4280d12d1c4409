import { describe, expect, it } from 'vitest';
import { informationOrderWorkflow, type SlaWorkflowDefinition } from '../../../src';
import { createWorld, orderAt, steps, supervisor, tenantId, type OrderWorld } from './harness';

const bound = informationOrderWorkflow() as SlaWorkflowDefinition;

async function statusOf(w: OrderWorld, id: string, target: string) {
  const history = await w.t.desk.history({ tenantId, instanceId: id }, supervisor);
  return bound.sla.status(history, w.clock.now()).find((s) => s.target === target)!;
}

describe('information order: service-level targets', () => {
  it('binds the default policy on the order calendar', () => {
    expect(bound.sla.policy.targets.map((t) => t.name)).toEqual(['firstResponse', 'quote', 'preparation', 'resolution']);
    expect(bound.version).toContain('+sla.information-order.1');
    expect('sla' in informationOrderWorkflow({ sla: false })).toBe(false);
  });

  it('records a first-response breach after two working days without a staff response', async () => {
    const w = await createWorld();
    const id = await orderAt(w, 'submitted');
    await w.t.advance({ days: 1 });
    expect((await statusOf(w, id, 'firstResponse')).state).toBe('running');
    await w.t.advance({ days: 2 });
    const history = await w.t.desk.history({ tenantId, instanceId: id }, supervisor);
    expect(history.filter((h) => h.eventType === 'sla.breach')).toHaveLength(1);
    expect((await statusOf(w, id, 'firstResponse')).state).toBe('breached');
    // A late response stops the clock; the breach stays on record.
    await steps.accept(w, id);
    expect((await statusOf(w, id, 'firstResponse')).phase).toBe('stopped');
  });

  it('the quote clock pauses while the order waits for the applicant and stops at the quote', async () => {
    const w = await createWorld();
    const id = await orderAt(w, 'awaitingApplicant');
    expect((await statusOf(w, id, 'firstResponse')).state).toBe('met');
    expect((await statusOf(w, id, 'quote')).phase).toBe('paused');
    await w.t.advance({ days: 3 });
    expect((await statusOf(w, id, 'quote')).elapsedMs).toBe(0);
    await steps.reply(w, id);
    expect((await statusOf(w, id, 'quote')).phase).toBe('running');
    await steps.accept(w, id);
    await steps.quote(w, id);
    expect((await statusOf(w, id, 'quote')).state).toBe('met');
    expect((await statusOf(w, id, 'resolution')).phase).toBe('paused');
  });
});
