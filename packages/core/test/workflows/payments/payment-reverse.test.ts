/**
 * Money back for a payment nobody takes (its order was cancelled before it was verified):
 * finance has the gateway reverse it inside its 30-minute window (counted from the payment);
 * outside it the gateway says no (−63), the payment goes back to finance, who pays it back by
 * bank transfer and records the reference. Each step is in the payment's history.
 */
import { startGatewaySimulator, type TestClock } from '@statdesk/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { deliverCallback, finance, merchantId, paymentView, placedOrder, shopHarness, startPayment, tenantId, type ShopHarness } from '../shop-order/shop-harness';

let h: ShopHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

/** A shop whose gateway simulator reads the desk's test clock (the reversal window is the gateway's). */
async function openShop(): Promise<ShopHarness> {
  const clock: { current?: TestClock } = {};
  const sim = await startGatewaySimulator({ merchantId, now: () => clock.current!.now().getTime() });
  h = await shopHarness({ sim, order: { paymentWindowMs: 10 * 60_000, closingGraceMs: 5 * 60_000 } });
  clock.current = h.clock;
  return h;
}

/** A payment the customer made after the order had already been cancelled: it waits in refundDue. */
async function paymentNobodyTakes(shop: ShopHarness) {
  const orderId = await placedOrder(shop, [{ productId: 'census-1395-tables' }]);
  const payment = await startPayment(shop, orderId);
  await shop.advance({ minutes: 15 });
  await deliverCallback(shop, shop.sim.pay(payment.authority!));
  const paymentId = `${orderId}.payment-1`;
  expect((await paymentView(shop, paymentId)).state).toBe('refundDue');
  return { paymentId, authority: payment.authority! };
}

const events = async (shop: ShopHarness, paymentId: string) => (await shop.desk.history({ tenantId, instanceId: paymentId }, finance)).map((row) => row.eventType);

describe('paying back a payment nobody takes', () => {
  it('inside the window, finance has the gateway reverse it: the payment is refunded, the money back on the card', async () => {
    const s = await openShop();
    const { paymentId, authority } = await paymentNobodyTakes(s);
    await s.desk.send({ tenantId, instanceId: paymentId, actor: finance, event: { type: 'reverse' } });
    expect(await paymentView(s, paymentId)).toMatchObject({ state: 'refunded', refund: { reference: authority, method: 'gateway-reverse' } });
    expect(s.sim.payment(authority)?.status).toBe('reversed');
    expect(await events(s, paymentId)).toEqual(expect.arrayContaining(['payerRefused', 'reverse', 'reversed']));
  });

  it('outside the window the gateway refuses (−63); finance then pays it back by bank transfer and records the reference', async () => {
    const s = await openShop();
    const { paymentId, authority } = await paymentNobodyTakes(s);
    await s.advance({ minutes: 31 });
    await s.desk.send({ tenantId, instanceId: paymentId, actor: finance, event: { type: 'reverse' } });
    expect(await paymentView(s, paymentId)).toMatchObject({ state: 'refundDue', reverseRefusal: { code: -63 } });
    expect(s.sim.payment(authority)?.status).toBe('verified');
    await s.desk.send({ tenantId, instanceId: paymentId, actor: finance, event: { type: 'recordRefund', reference: 'SATNA-1403-0042' } });
    expect(await paymentView(s, paymentId)).toMatchObject({ state: 'refunded', refund: { reference: 'SATNA-1403-0042', method: 'bank-transfer' } });
    expect(await events(s, paymentId)).toEqual(expect.arrayContaining(['reverse', 'reverseRefused', 'recordRefund']));
  });

  it('a gateway that does not answer the reversal is asked again; it never counts as refused', async () => {
    const s = await openShop();
    const { paymentId, authority } = await paymentNobodyTakes(s);
    s.sim.script('reverse', { kind: 'code', code: -52 });
    await s.desk.send({ tenantId, instanceId: paymentId, actor: finance, event: { type: 'reverse' } });
    expect((await paymentView(s, paymentId)).state).toBe('reversing');
    await s.advance({ minutes: 1 });
    expect(await paymentView(s, paymentId)).toMatchObject({ state: 'refunded', refund: { method: 'gateway-reverse' } });
    expect(s.sim.payment(authority)?.status).toBe('reversed');
  });
});
