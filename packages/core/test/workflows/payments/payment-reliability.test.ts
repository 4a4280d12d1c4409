/**
 * Payments that never strand a customer's money, with the interleavings forced by a storage
 * wrapper (the same files run on memory, PostgreSQL and SQLite):
 * - two workers on one `payment.settle` row: a delivered order never leaves its payment in `refundDue`;
 * - a command that loses to its twin with the same Idempotency-Key answers the twin's result;
 * - −12 and −52 on verify are retried, then the payment verifies;
 * - a NOK callback while the payment is `checking` is confirmed by verification first.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { customer, particulars, tenantId } from '../shop-order/shop-harness';
import { LEASE_MS, callback, orderAtTheBank, orderOf, paymentHistory, paymentOf, paymentWorld, settle, type PaymentWorld } from './payment-world';

let world: PaymentWorld | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

async function open() {
  world = await paymentWorld();
  return world;
}

describe('payments under races and gateway trouble', () => {
  it('two workers on one settle row: the order is paid and its payment settled, never refundDue', async () => {
    const w = await open();
    const { orderId, paymentId, authority } = await orderAtTheBank(w);
    await callback(w, w.sim.pay(authority));
    // The verify row only: the payment is verified and its settle row waits.
    expect(await w.a.dispatchOutbox({ limit: 1 })).toMatchObject({ sent: 1 });
    expect((await paymentOf(w, paymentId)).state).toBe('verified');
    const row = (await w.oracle.outbox({ tenantId, instanceId: paymentId })).find((o) => o.type === 'payment.settle' && o.status === 'pending')!;

    // Worker A has told the order and is about to mark the payment settled when its lease runs
    // out; worker B claims the row. B checked the order's key just before A's commit and loads
    // the order just after it, so B's own "paymentVerified" finds the order already paid.
    let second: unknown;
    w.wrapper.before(`${row.idempotencyKey}:settled`, async () => {
      w.clock.advance(LEASE_MS + 1);
      w.wrapper.readBeforeCommit(`${row.idempotencyKey}:payer`, 2);
      second = await w.b.dispatchOutbox();
    });
    await w.a.dispatchOutbox();
    expect(second).toMatchObject({ sent: expect.any(Number) });

    expect((await paymentOf(w, paymentId)).state).toBe('settled');
    expect(await paymentHistory(w, paymentId)).not.toContain('payerRefused');
    expect((await orderOf(w, orderId)).state).not.toMatch(/awaitingPayment|cancelled/);
    const history = await w.a.history({ tenantId, instanceId: orderId }, customer);
    expect(history.filter((h) => h.eventType === 'paymentVerified')).toHaveLength(1);
    // One completion counts: the late finisher's does not overwrite the row.
    expect((await w.oracle.outbox({ tenantId, instanceId: paymentId })).find((o) => o.id === row.id)).toMatchObject({ status: 'done', attempts: 1 });
  });

  it('a command that loses the race to its twin with the same key answers the twin’s result (replayed), not 409', async () => {
    const w = await open();
    const orderId = 'SO-2';
    await w.a.create({ tenantId, workflow: 'shop-order', actor: customer, instanceId: orderId, input: { lines: [{ productId: 'census-1395-tables' }] } });
    await w.a.send({ tenantId, instanceId: orderId, actor: customer, event: { type: 'place', ...particulars } });
    const command = { tenantId, instanceId: orderId, actor: customer, event: { type: 'cancel', reason: 'changed my mind' }, idempotencyKey: 'cancel-1' };
    const first = await w.a.send(command);
    // The twin checked the key before the first committed and loads the order after it.
    w.wrapper.readBeforeCommit('cancel-1', 2);
    const twin = await w.b.send(command);
    expect(twin).toEqual({ ...first, replayed: true });
  });

  it('−12 and −52 on verify are retried with backoff; the payment then verifies and the order is paid', async () => {
    const w = await open();
    const { orderId, paymentId, authority } = await orderAtTheBank(w);
    w.sim.script('verify', { kind: 'code', code: -12 });
    w.sim.script('verify', { kind: 'code', code: -52 });
    await callback(w, w.sim.pay(authority));
    expect(await w.a.dispatchOutbox()).toMatchObject({ sent: 0, retried: 1 });
    expect((await paymentOf(w, paymentId)).state).toBe('verifying');
    w.clock.advance(1_000);
    expect(await w.a.dispatchOutbox()).toMatchObject({ sent: 0, retried: 1 });
    expect((await paymentOf(w, paymentId)).state).toBe('verifying');
    w.clock.advance(2_000);
    await settle(w);
    expect(await paymentHistory(w, paymentId)).not.toContain('verificationFailed');
    expect(await paymentOf(w, paymentId)).toMatchObject({ state: 'settled', alreadyVerified: false });
    expect((await orderOf(w, orderId)).payment).toMatchObject({ paymentId });
  });

  it('a NOK callback while the payment is being checked is confirmed by verification: a paid payment verifies', async () => {
    const w = await open();
    const { orderId, paymentId, authority } = await orderAtTheBank(w);
    const okUrl = w.sim.pay(authority); // paid, but the OK callback is lost
    w.clock.advance(20 * 60_000);
    await w.a.runDueTimers();
    expect((await paymentOf(w, paymentId)).state).toBe('checking');
    const nok = new URL(okUrl);
    nok.searchParams.set('Status', 'NOK');
    const answer = await callback(w, nok.toString());
    expect(answer).toMatchObject({ accepted: true, state: 'verifying' });
    await settle(w);
    expect((await paymentOf(w, paymentId)).state).toBe('settled');
    expect((await orderOf(w, orderId)).payment).toMatchObject({ paymentId });
    expect(w.sim.payment(authority)?.status).toBe('verified');
  });

  it('a NOK while checking an unpaid payment fails it as not paid, after verification says so', async () => {
    const w = await open();
    const { paymentId, authority } = await orderAtTheBank(w);
    w.clock.advance(20 * 60_000);
    await w.a.runDueTimers();
    const nokUrl = w.sim.cancel(authority);
    expect(await callback(w, nokUrl)).toMatchObject({ state: 'verifying' });
    await settle(w);
    expect(await paymentOf(w, paymentId)).toMatchObject({ state: 'failed', failure: { reason: 'not-paid' } });
  });
});
