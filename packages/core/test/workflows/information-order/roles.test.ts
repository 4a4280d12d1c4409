/**
 * Every event × role pair, generated from the definition: each allowed role succeeds in a state
 * that accepts the event; every other role (and an applicant who does not own the order) gets
 * `NotAllowedError` with nothing written.
 */
import { describe, expect, it } from 'vitest';
import { NotAllowedError, NotFoundError, informationOrderWorkflow, INFORMATION_ORDER_ROLES, type Actor } from '../../../src';
import { ITEMS, REQUEST, contextOf, createWorld, maryam, orderAt, reza, tenantId, uploadReceipt, type OrderWorld } from './harness';

type Fixture = { at: Parameters<typeof orderAt>[1]; event: (w: OrderWorld, id: string) => Promise<Record<string, unknown>> | Record<string, unknown> };

async function linkOf(w: OrderWorld, id: string) {
  const view = (await w.t.desk.get({ tenantId, instanceId: id }, maryam)).data as { delivery: { link: { token: string }; files: { key: string }[] } };
  return { token: view.delivery.link.token, fileKey: view.delivery.files[0]!.key };
}

/** For each event: a state that accepts it and a valid payload. */
const fixtures: Record<string, Fixture> = {
  updateRequest: { at: 'draft', event: () => ({ request: REQUEST }) },
  submit: { at: 'draft', event: () => ({}) },
  sendMessage: { at: 'submitted', event: () => ({ text: 'Hello' }) },
  askQuestion: { at: 'submitted', event: () => ({ text: 'Which years?' }) },
  accept: { at: 'submitted', event: () => ({}) },
  reject: { at: 'submitted', event: () => ({ reason: 'Not available' }) },
  redirect: { at: 'submitted', event: () => ({ productId: 'statistical-yearbook-1401' }) },
  issueQuote: { at: 'accepted', event: () => ({ items: ITEMS }) },
  acceptQuote: { at: 'quoted', event: () => ({}) },
  cancel: { at: 'submitted', event: () => ({ reason: 'No longer needed' }) },
  submitReceipt: {
    at: 'awaitingReceipt',
    event: async (w, id) => ({
      bankTracking: `T${Math.random().toString(36).slice(2, 10)}`,
      amount: (await contextOf(w, id)).quote!.total.toString(),
      paidOn: '2025-05-03',
      cardLastFour: '1234',
      scan: { key: (await uploadReceipt(w, id)).key },
    }),
  },
  verifyPayment: { at: 'receiptSubmitted', event: () => ({}) },
  rejectReceipt: { at: 'receiptSubmitted', event: () => ({ reason: 'Unreadable' }) },
  startPreparation: { at: 'paymentVerified', event: () => ({}) },
  attachFile: {
    at: 'inPreparation',
    event: async (w, id) => {
      await w.files.put(tenantId, `deliveries/${id}/extra.csv`, new TextEncoder().encode('a,b'), { contentType: 'text/csv' });
      return { file: { key: `deliveries/${id}/extra.csv` } };
    },
  },
  deliver: { at: 'inPreparation', event: () => ({}) },
  download: { at: 'delivered', event: (w, id) => linkOf(w, id) },
  reissueLink: { at: 'delivered', event: () => ({}) },
  revokeLink: { at: 'delivered', event: () => ({ reason: 'Wrong recipient' }) },
  close: { at: 'delivered', event: () => ({}) },
  cannotFulfil: { at: 'inPreparation', event: () => ({ reason: 'The data was withdrawn' }) },
  recordRefund: { at: 'refundDue', event: () => ({ reference: 'SATNA-1403-1' }) },
  provideRefundAccount: { at: 'refundDue', event: () => ({ iban: 'IR570629600000001003242001' }) },
};

const definition = informationOrderWorkflow();
const ROLES = Object.values(INFORMATION_ORDER_ROLES);

/** An actor holding exactly one role; the applicant is the order's owner. */
function actorWith(role: string): Actor {
  return role === 'applicant' ? maryam : { id: `${role}-1`, roles: [role] };
}

const cases = Object.entries(definition.events).flatMap(([type, spec]) => [
  ...ROLES.map((role) => ({ type, role, allowed: spec.roles.includes(role) })),
  // Owning the order is part of the applicant role.
  ...(spec.roles.includes('applicant') ? [{ type, role: 'applicant (not the owner)', allowed: false }] : []),
]);

describe('information order: who may send what', () => {
  it('has a fixture for every event of the definition', () => {
    expect(Object.keys(fixtures).sort()).toEqual(Object.keys(definition.events).sort());
  });

  it.each(cases.filter((c) => c.allowed))('$type by $role succeeds', async ({ type, role }) => {
    const w = await createWorld();
    const fixture = fixtures[type]!;
    const id = await orderAt(w, fixture.at);
    const before = await w.t.desk.get({ tenantId, instanceId: id }, actorWith('supervisor'));
    const result = await w.t.desk.send({ tenantId, instanceId: id, actor: actorWith(role), event: { type, ...(await fixture.event(w, id)) } });
    expect(result.version).toBe(before.version + 1);
    const last = (await w.t.historyOf({ tenantId, instanceId: id })).at(-1)!;
    expect([last.eventType, last.actorRole]).toEqual([type, role]);
  });

  it.each(Object.keys(fixtures))('%s from every other role is NotAllowedError (another applicant: NotFoundError) and writes nothing', async (type) => {
    const w = await createWorld();
    const fixture = fixtures[type]!;
    const id = await orderAt(w, fixture.at);
    const event = { type, ...(await fixture.event(w, id)) };
    for (const { role } of cases.filter((c) => c.type === type && !c.allowed)) {
      const who = role === 'applicant (not the owner)' ? reza : actorWith(role);
      const before = await w.oracle.counts();
      const error = await w.t.desk.send({ tenantId, instanceId: id, actor: who, event }).then(
        () => undefined,
        (e: unknown) => e,
      );
      // Another applicant's order is no order at all to them, as when reading it.
      expect([role, error]).toEqual([role, expect.any(who === reza ? NotFoundError : NotAllowedError)]);
      expect(await w.oracle.counts()).toEqual(before);
    }
  });
});
