import { createTestDesk, MemoryStorage, TestClock } from '@statdesk/testing';
import { describe, expect, it } from 'vitest';
import { defineWorkflow, type DerivedTimerContext, type WorkflowDefinition } from '../../src';
import { applicant, officer, reviewInput, reviewWorkflow } from './review.workflow';

const tenantId = 'sci';
const HOUR = 3_600_000;

/** A toy SLA: a decision is due 2 hours after the latest entry into `submitted`; breach once. */
function decisionDue({ history, snapshot }: DerivedTimerContext) {
  if (snapshot.value !== 'submitted') return [];
  const entered = [...history].reverse().find((h) => h.toState === 'submitted' && h.fromState !== 'submitted');
  const breached = history.some((h) => h.eventType === 'sla.breach' && h.seq > (entered?.seq ?? 0));
  if (!entered || breached) return [];
  return [{ key: 'decision.breach', dueAt: new Date(entered.at.getTime() + 2 * HOUR), event: { type: 'sla.breach', target: 'decision' } }];
}

function withSla(): WorkflowDefinition {
  const base = reviewWorkflow();
  return defineWorkflow({ ...base, derivedTimers: decisionDue, recordedEvents: ['sla.breach'] } as Parameters<typeof defineWorkflow>[0]);
}

describe('derived timers', () => {
  it('are scheduled from history, moved on re-entry, cancelled on exit, and recorded when they fire', async () => {
    const storage = new MemoryStorage();
    const clock = new TestClock('2025-04-05T06:00:00.000Z');
    const t = createTestDesk({ workflows: [withSla()], storage, clock });
    const ref = { tenantId, instanceId: (await t.desk.create({ tenantId, workflow: 'review', actor: applicant, input: reviewInput })).instanceId };
    const derived = () => storage.oracle.timers(ref).filter((x) => x.key.startsWith('derived:')).map((x) => [x.key, x.dueAt.toISOString()]);
    expect(derived()).toEqual([]);

    await t.desk.send({ ...ref, actor: applicant, event: { type: 'submit' } });
    expect(derived()).toEqual([['derived:decision.breach', '2025-04-05T08:00:00.000Z']]);

    await t.advance(HOUR);
    await t.desk.send({ ...ref, actor: officer, event: { type: 'requestInfo', question: 'Scope?' } });
    expect(derived()).toEqual([]);
    await t.advance(HOUR);
    await t.desk.send({ ...ref, actor: applicant, event: { type: 'reply', answer: 'All provinces' } });
    expect(derived()).toEqual([['derived:decision.breach', '2025-04-05T10:00:00.000Z']]);

    // A restart in between changes nothing: the timer is a row.
    const restarted = createTestDesk({ workflows: [withSla()], storage, clock });
    expect(await restarted.advance(3 * HOUR)).toBe(1);
    const history = storage.oracle.history(ref);
    const breach = history.find((h) => h.eventType === 'sla.breach')!;
    expect(breach).toMatchObject({ actorRole: 'system', fromState: 'submitted', toState: 'submitted', payload: { target: 'decision' } });
    expect(breach.at.toISOString()).toBe('2025-04-05T10:00:00.000Z');
    expect(derived()).toEqual([]);
    expect(storage.oracle.instance(ref)?.state).toBe('submitted');
    expect((await restarted.desk.verifyHistory(ref)).ok).toBe(true);
  });

  it('an event the machine ignores and the definition does not record is dropped silently', async () => {
    const base = reviewWorkflow();
    const unrecorded = defineWorkflow({ ...base, derivedTimers: decisionDue } as Parameters<typeof defineWorkflow>[0]);
    const t = createTestDesk({ workflows: [unrecorded] });
    const ref = { tenantId, instanceId: (await t.desk.create({ tenantId, workflow: 'review', actor: applicant, input: reviewInput })).instanceId };
    await t.desk.send({ ...ref, actor: applicant, event: { type: 'submit' } });
    await t.advance(3 * HOUR);
    expect(t.storage.oracle.history(ref).map((h) => h.eventType)).toEqual(['statdesk.create', 'submit']);
  });
});
