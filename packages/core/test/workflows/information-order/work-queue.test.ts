/** The staff work queue over information orders: written with each command, read as one query. */
import { describe, expect, it } from 'vitest';
import { actor } from '@statdesk/testing';
import { InvalidTransitionError, NotAllowedError, ValidationError } from '../../../src';
import { consultant, createWorld, maryam, orderAt, placeOrder, pricing, steps, supervisor, system, tenantId } from './harness';

describe('information order: work queue', () => {
  it('lists open orders most urgent first, with their SLA condition kept current by the timers', async () => {
    const w = await createWorld();
    const late = await orderAt(w, 'submitted');
    let queue = await w.t.desk.queue({ tenantId }, consultant);
    expect(queue.items.map((i) => i.instanceId)).toEqual([late]);
    expect(queue.items[0]).toMatchObject({ workflow: 'information-order', state: 'submitted', slaCondition: 'on-time', escalated: false, assignee: null });
    expect(queue.items[0]!.actRoles).toContain('consultant');
    expect(queue.items[0]!.dueAt).toBeInstanceOf(Date);

    // Nobody answers: the warning and breach timers rewrite the item, no read recomputes it.
    await w.t.advance({ days: 5 });
    const fresh = await orderAt(w, 'submitted');
    queue = await w.t.desk.queue({ tenantId }, consultant);
    expect(queue.items.map((i) => i.instanceId)).toEqual([late, fresh]);
    expect(queue.items.map((i) => i.slaCondition)).toEqual(['breached', 'on-time']);
    expect(queue.items[0]!.escalated).toBe(true);
    expect((await w.t.desk.queue({ tenantId, escalated: true }, supervisor)).items.map((i) => i.instanceId)).toEqual([late]);
    expect((await w.t.desk.queue({ tenantId, slaConditions: ['on-time', 'warning'] }, consultant)).items.map((i) => i.instanceId)).toEqual([fresh]);

    // Pages of one follow the same order.
    const first = await w.t.desk.queue({ tenantId, limit: 1 }, consultant);
    const second = await w.t.desk.queue({ tenantId, limit: 1, cursor: first.nextCursor! }, consultant);
    expect([...first.items, ...second.items].map((i) => i.instanceId)).toEqual([late, fresh]);
    expect(second.nextCursor).toBeUndefined();

    // Accepted: the next move is the pricing officer's; a submitted order is not in their queue.
    expect((await w.t.desk.queue({ tenantId }, pricing)).items).toEqual([]);
    await steps.accept(w, late);
    const priced = (await w.t.desk.queue({ tenantId }, pricing)).items;
    expect(priced.map((i) => [i.instanceId, i.state])).toEqual([[late, 'accepted']]);

    // A closed order leaves every queue.
    await w.t.desk.send({ tenantId, instanceId: fresh, actor: maryam, event: { type: 'cancel', reason: 'No longer needed' } });
    expect((await w.t.desk.queue({ tenantId }, system)).items.map((i) => i.instanceId)).toEqual([late]);
  });

  it('citizens never see a queue; staff only their own roles', async () => {
    const w = await createWorld();
    await placeOrder(w);
    await expect(w.t.desk.queue({ tenantId }, maryam)).rejects.toBeInstanceOf(NotAllowedError);
    await expect(w.t.desk.queue({ tenantId, roles: ['supervisor'] }, consultant)).rejects.toBeInstanceOf(NotAllowedError);
    await expect(w.t.desk.queue({ tenantId, workflows: ['complaint'] }, consultant)).rejects.toBeInstanceOf(NotAllowedError);
    await expect(w.t.desk.queue({ tenantId, limit: 0 }, consultant)).rejects.toBeInstanceOf(ValidationError);
    await expect(w.t.desk.queue({ tenantId, cursor: '!' }, consultant)).rejects.toBeInstanceOf(ValidationError);
  });

  it('assignment: claim, assign, reassign and unassign, each a history row, with an assigned-to-me queue', async () => {
    const w = await createWorld();
    const id = await orderAt(w, 'submitted');
    const other = await orderAt(w, 'submitted');
    const colleague = actor('consultant-2', 'consultant');
    const mine = async (who: typeof consultant) => (await w.t.desk.queue({ tenantId, assignee: who.id }, who)).items.map((i) => i.instanceId);

    await w.t.desk.assign({ tenantId, instanceId: id, actor: consultant, assignee: consultant.id });
    expect(await mine(consultant)).toEqual([id]);
    expect((await w.t.desk.queue({ tenantId, assignee: null }, consultant)).items.map((i) => i.instanceId)).toEqual([other]);
    // A colleague may neither take a claimed case nor hand someone else a case.
    await expect(w.t.desk.assign({ tenantId, instanceId: id, actor: colleague, assignee: colleague.id })).rejects.toBeInstanceOf(NotAllowedError);
    await expect(w.t.desk.assign({ tenantId, instanceId: other, actor: colleague, assignee: consultant.id })).rejects.toBeInstanceOf(NotAllowedError);
    // Pricing officers may not act on a submitted order, so they cannot claim it; citizens never can.
    await expect(w.t.desk.assign({ tenantId, instanceId: other, actor: pricing, assignee: pricing.id })).rejects.toBeInstanceOf(NotAllowedError);
    await expect(w.t.desk.assign({ tenantId, instanceId: other, actor: maryam, assignee: maryam.id })).rejects.toBeInstanceOf(NotAllowedError);
    await expect(w.t.desk.assign({ tenantId, instanceId: other, actor: supervisor, assignee: '  ' })).rejects.toBeInstanceOf(ValidationError);

    // The supervisor reassigns; the state and the SLA clocks are untouched.
    const before = await w.t.desk.get({ tenantId, instanceId: id }, supervisor);
    await w.t.desk.assign({ tenantId, instanceId: id, actor: supervisor, assignee: colleague.id });
    expect(await mine(consultant)).toEqual([]);
    expect(await mine(colleague)).toEqual([id]);
    expect((await w.t.desk.get({ tenantId, instanceId: id }, supervisor)).state).toBe(before.state);

    // The assignee keeps the case through the workflow's own steps, then gives it back.
    await steps.accept(w, id);
    expect(await mine(colleague)).toEqual([id]);
    await w.t.desk.assign({ tenantId, instanceId: id, actor: colleague, assignee: null });
    expect(await mine(colleague)).toEqual([]);

    const assignments = (await w.t.desk.history({ tenantId, instanceId: id }, supervisor)).filter((h) => h.eventType === 'statdesk.assign');
    expect(assignments.map((h) => [h.actorId, h.actorRole, h.payload])).toEqual([
      [consultant.id, 'consultant', { assignee: consultant.id, previous: null }],
      [supervisor.id, 'supervisor', { assignee: colleague.id, previous: consultant.id }],
      [colleague.id, 'consultant', { assignee: null, previous: colleague.id }],
    ]);
    expect((await w.t.desk.verifyHistory({ tenantId, instanceId: id })).ok).toBe(true);

    await w.t.desk.send({ tenantId, instanceId: other, actor: maryam, event: { type: 'cancel', reason: 'No longer needed' } });
    await expect(w.t.desk.assign({ tenantId, instanceId: other, actor: supervisor, assignee: consultant.id })).rejects.toBeInstanceOf(InvalidTransitionError);
  });

  it('refreshWorkItems writes the line of open orders that have none (instances from before work queues)', async () => {
    const w = await createWorld();
    const id = await orderAt(w, 'submitted');
    await w.storage.transaction((tx) => tx.deleteWorkItem({ tenantId, instanceId: id }));
    expect((await w.t.desk.queue({ tenantId }, consultant)).items).toEqual([]);
    expect(await w.t.desk.refreshWorkItems(tenantId)).toBe(1);
    expect((await w.t.desk.queue({ tenantId }, consultant)).items.map((i) => [i.instanceId, i.slaCondition])).toEqual([[id, 'on-time']]);
  });
});
