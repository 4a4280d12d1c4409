import { afterEach, describe, expect, it, vi } from 'vitest';
import { testPersonalDataSealer } from '@statdesk/testing';
import { ValidationError, createPaymentReconciler, openShopDownload, readShopOrderParticulars, type ShopOrderView } from '../../../src';
import {
  clerk,
  customer,
  deliverCallback,
  finance,
  orderView,
  otherCustomer,
  paymentView,
  placedOrder,
  shipping,
  shopHarness,
  startPayment,
  tenantId,
  type ShopHarness,
} from './shop-harness';

let h: ShopHarness;
afterEach(async () => {
  await h?.close();
});

const sentTemplates = (harness: ShopHarness) => harness.notifier.sent.filter((m) => m.channel === 'email').map((m) => m.template);
const eventsOf = async (harness: ShopHarness, instanceId: string) => (await harness.historyOf({ tenantId, instanceId })).map((r) => r.eventType);

describe('shop checkout through the Zarinpal adapter and the gateway simulator', () => {
  it('happy path: a mixed order is priced, paid, verified once, downloaded and posted, then completes', async () => {
    h = await shopHarness();
    const orderId = await placedOrder(h, [{ productId: 'census-1395-tables' }, { productId: 'statistical-yearbook-1401' }], 'SO-1001');
    let order = await orderView(h, orderId);
    expect(order.state).toBe('awaitingPayment.idle');
    expect(order.delivery).toBe('both');
    // 250 000 + 400 000 products, 20 000 postage to Tehran, 10 % VAT (1404), rounded to 1 000.
    expect(order.pricing).toMatchObject({ productsRial: 650_000n, postageRial: 20_000n, vatRial: 67_000n, totalRial: 737_000n, bookVersion: 'sample-1402.1' });

    const payment = await startPayment(h, orderId);
    expect(payment.state).toBe('redirected');
    expect(payment.redirectUrl).toBe(`${h.sim.baseUrl}/pg/StartPay/${payment.authority}`);
    expect(h.sim.callsTo('request')[0]).toMatchObject({ amount: 737_000, currency: 'IRR', callback_url: `https://portal.example.ir/shop/pay/callback?payment=SO-1001.payment-1` });
    expect((await fetch(payment.redirectUrl!)).status).toBe(200);

    const callback = await deliverCallback(h, h.sim.pay(payment.authority!));
    expect(callback).toMatchObject({ paymentId: 'SO-1001.payment-1', payerId: orderId, state: 'settled', accepted: true });
    expect(h.sim.callsTo('verify')).toEqual([{ merchant_id: expect.any(String), authority: payment.authority, amount: 737_000 }]);

    order = await orderView(h, orderId);
    expect(order.state).toBe('fulfilling.digital.issued|fulfilling.postal.awaitingShipment');
    expect(order.payment).toMatchObject({ paymentId: 'SO-1001.payment-1', amountRial: 737_000n });
    expect(order.downloads).toHaveLength(1);
    const token = order.downloads[0]!.token!;

    const download = await openShopDownload(h.desk, h.files, { tenantId, token });
    let bytes = '';
    for await (const chunk of download.content) bytes += new TextDecoder().decode(chunk);
    expect(bytes).toBe('census tables');
    expect((await orderView(h, orderId)).downloads[0]!.downloads).toBe(1);

    await h.desk.send({ tenantId, instanceId: orderId, actor: clerk, event: { type: 'ship', trackingCode: '123456789012345678' } });
    await h.desk.send({ tenantId, instanceId: orderId, actor: clerk, event: { type: 'markDelivered' } });
    expect((await orderView(h, orderId)).state).toBe('completed');
    // Messages of one transition have no order among themselves.
    expect(sentTemplates(h).sort()).toEqual(['shop-order.download-ready', 'shop-order.order-placed', 'shop-order.payment-received', 'shop-order.shipped']);
    const shippedMessage = h.notifier.sent.find((m) => m.template === 'shop-order.shipped')!;
    expect(shippedMessage).toMatchObject({ recipient: { tenantId, profileId: customer.id }, params: { orderNumber: 'SO-1001', postalTrackingCode: '123456789012345678' } });

    // Personal data and secrets stay out of history.
    const history = JSON.stringify([...(await h.historyOf({ tenantId, instanceId: orderId })), ...(await h.historyOf({ tenantId, instanceId: 'SO-1001.payment-1' }))].map((r) => r.payload));
    for (const secret of ['09121234567', 'sara@example.ir', 'Fatemi', '1414714141', 'Sara Ahmadi', token, '603799']) expect(history).not.toContain(secret);
    expect(await h.desk.verifyHistory({ tenantId, instanceId: orderId })).toMatchObject({ ok: true });

    // The order closes itself after the retention period.
    await h.advance({ days: 38 });
    expect((await orderView(h, orderId, finance)).state).toBe('closed');
  });

  it('NOK: the payment fails without verification; the customer is told and may pay again', async () => {
    h = await shopHarness();
    const orderId = await placedOrder(h, [{ productId: 'census-1395-tables' }]);
    const first = await startPayment(h, orderId);
    const result = await deliverCallback(h, h.sim.cancel(first.authority!));
    expect(result).toMatchObject({ state: 'failed', accepted: true });
    expect(h.sim.callsTo('verify')).toHaveLength(0);
    expect((await paymentView(h, `${orderId}.payment-1`)).failure).toMatchObject({ reason: 'cancelled' });
    let order = await orderView(h, orderId);
    expect(order.state).toBe('awaitingPayment.idle');
    expect(order.lastPaymentFailure).toBe('cancelled');
    expect(sentTemplates(h)).toContain('shop-order.payment-failed');

    const second = await startPayment(h, orderId);
    expect(second.authority).not.toBe(first.authority);
    await deliverCallback(h, h.sim.pay(second.authority!));
    order = await orderView(h, orderId);
    expect(order.state).toBe('completed'); // digital only: fulfilled when the link is issued
    expect(order.payment?.paymentId).toBe(`${orderId}.payment-2`);
  });

  it('a duplicate callback is harmless: one verification, one fulfilment', async () => {
    h = await shopHarness();
    const orderId = await placedOrder(h, [{ productId: 'census-1395-tables' }]);
    const payment = await startPayment(h, orderId);
    const url = h.sim.pay(payment.authority!);
    expect((await deliverCallback(h, url)).accepted).toBe(true);
    const again = await deliverCallback(h, url);
    expect(again).toMatchObject({ accepted: false, state: 'settled' });
    // A forged NOK after the fact changes nothing either.
    expect((await deliverCallback(h, url.replace('Status=OK', 'Status=NOK'))).accepted).toBe(false);
    expect(h.sim.callsTo('verify')).toHaveLength(1);
    expect((await eventsOf(h, orderId)).filter((e) => e === 'paymentVerified')).toHaveLength(1);
    expect(sentTemplates(h).filter((t) => t === 'shop-order.payment-received')).toHaveLength(1);
  });

  it('callback and reconciler racing: one verification transition, one fulfilment', async () => {
    h = await shopHarness();
    const orderId = await placedOrder(h, [{ productId: 'census-1395-tables' }, { productId: 'labour-survey-1402' }]);
    const payment = await startPayment(h, orderId);
    const url = h.sim.pay(payment.authority!);
    const reconciler = createPaymentReconciler({ desk: h.desk, gateways: h.gateways, tenantId });
    const [callback, sweep] = await Promise.all([deliverCallback(h, url).catch((e: unknown) => e), reconciler.sweep()]);
    await h.desk.drain();
    await h.runDue();
    expect(callback).not.toBeInstanceOf(Error);
    expect(sweep.reported + sweep.alreadyHandled).toBe(1);
    const paymentEvents = await eventsOf(h, `${orderId}.payment-1`);
    expect(paymentEvents.filter((e) => e === 'verificationSucceeded')).toHaveLength(1);
    expect(paymentEvents.filter((e) => e === 'callback' || e === 'reportedPaid')).toHaveLength(1);
    expect((await eventsOf(h, orderId)).filter((e) => e === 'paymentVerified')).toHaveLength(1);
    const order = await orderView(h, orderId);
    expect(order.downloads).toHaveLength(2);
    expect(sentTemplates(h).filter((t) => t === 'shop-order.download-ready')).toHaveLength(1);
    // Another sweep finds nothing left unverified.
    expect(await reconciler.sweep()).toMatchObject({ reported: 0, alreadyHandled: 0 });
  });

  it('lost callback: the reconciler sweep finds the paid payment and verifies it', async () => {
    h = await shopHarness();
    const orderId = await placedOrder(h, [{ productId: 'census-1395-tables' }]);
    const payment = await startPayment(h, orderId);
    h.sim.pay(payment.authority!); // the tab was closed: no callback
    const reconciler = createPaymentReconciler({ desk: h.desk, gateways: h.gateways, tenantId });
    expect(await reconciler.sweep()).toMatchObject({ reported: 1 });
    expect((await paymentView(h, `${orderId}.payment-1`)).state).toBe('settled');
    expect((await orderView(h, orderId)).state).toBe('completed');
    // The callback arriving late changes nothing.
    expect((await deliverCallback(h, `https://portal.example.ir/cb?Authority=${payment.authority}&Status=OK`)).accepted).toBe(false);
    expect(h.sim.callsTo('verify')).toHaveLength(1);
  });

  it('lost callback: without a sweep, the payment asks the gateway itself when the callback window ends', async () => {
    h = await shopHarness();
    const orderId = await placedOrder(h, [{ productId: 'census-1395-tables' }]);
    const payment = await startPayment(h, orderId);
    h.sim.pay(payment.authority!);
    await h.advance({ minutes: 19 });
    expect((await paymentView(h, `${orderId}.payment-1`)).state).toBe('redirected');
    await h.advance({ minutes: 1 });
    expect(h.sim.callsTo('inquiry')).toEqual([{ merchant_id: expect.any(String), authority: payment.authority }]);
    expect((await paymentView(h, `${orderId}.payment-1`)).state).toBe('settled');
    expect((await orderView(h, orderId)).state).toBe('completed');
  });

  it('amount mismatch (−50) is refused: the payment fails and nothing is fulfilled', async () => {
    h = await shopHarness();
    const orderId = await placedOrder(h, [{ productId: 'census-1395-tables' }]);
    const payment = await startPayment(h, orderId);
    h.sim.script('verify', { kind: 'code', code: -50 });
    await deliverCallback(h, h.sim.pay(payment.authority!));
    const stored = await paymentView(h, `${orderId}.payment-1`);
    expect(stored.state).toBe('failed');
    expect(stored.failure).toMatchObject({ reason: 'amount-mismatch' });
    const order = await orderView(h, orderId);
    expect(order.state).toBe('awaitingPayment.idle');
    expect(order.downloads).toEqual([]);
  });

  it('a verify that times out is retried; the second answer verifies', async () => {
    h = await shopHarness();
    const orderId = await placedOrder(h, [{ productId: 'census-1395-tables' }]);
    const payment = await startPayment(h, orderId);
    h.sim.script('verify', { kind: 'delay', ms: 1_500 });
    await deliverCallback(h, h.sim.pay(payment.authority!));
    expect((await paymentView(h, `${orderId}.payment-1`)).state).toBe('verifying');
    // The gateway finishes the slow call after the adapter gave up on it.
    await vi.waitFor(() => expect(h.sim.payment(payment.authority!)?.status).toBe('verified'));
    await h.advance({ minutes: 1 });
    expect((await paymentView(h, `${orderId}.payment-1`)).state).toBe('settled');
    // The slow first call did verify at the gateway; the retry got 101 and counted it as success.
    expect((await paymentView(h, `${orderId}.payment-1`)).alreadyVerified).toBe(true);
    expect((await eventsOf(h, orderId)).filter((e) => e === 'paymentVerified')).toHaveLength(1);
  });

  it('gateway switched off mid-flight: no new payments, the one at the bank still settles', async () => {
    h = await shopHarness();
    const inFlight = await placedOrder(h, [{ productId: 'census-1395-tables' }]);
    const payment = await startPayment(h, inFlight);
    h.gateways.disable('zarinpal', 'merchant account suspended');

    const later = await placedOrder(h, [{ productId: 'labour-survey-1402' }]);
    await h.desk.send({ tenantId, instanceId: later, actor: customer, event: { type: 'pay' } });
    expect((await paymentView(h, `${later}.payment-1`)).failure).toMatchObject({ reason: 'gateway-disabled' });
    expect((await orderView(h, later)).state).toBe('awaitingPayment.idle');
    expect(h.sim.callsTo('request')).toHaveLength(1);

    await deliverCallback(h, h.sim.pay(payment.authority!));
    expect((await paymentView(h, `${inFlight}.payment-1`)).state).toBe('settled');
    expect((await orderView(h, inFlight)).state).toBe('completed');
  });

  it('an unpaid order is cancelled when the payment window ends, even across a restart', async () => {
    h = await shopHarness({ order: { paymentWindowMs: 60 * 60_000 } });
    const orderId = await placedOrder(h, [{ productId: 'statistical-yearbook-1401' }]);
    const restarted = h.restart();
    await restarted.advance({ minutes: 59 });
    expect((await orderView(restarted, orderId)).state).toBe('awaitingPayment.idle');
    await restarted.advance({ minutes: 1 });
    const order = await orderView(restarted, orderId);
    expect(order.state).toBe('cancelled');
    expect(order.cancellation).toEqual({ reason: 'not paid in time' });
    expect((await restarted.oracle.instance({ tenantId, instanceId: orderId }))?.status).toBe('done');
  });

  it('abandoned at the bank: after a restart the payment is given up and the order cancelled after its grace', async () => {
    h = await shopHarness({ order: { paymentWindowMs: 30 * 60_000, closingGraceMs: 4 * 60 * 60_000 }, payment: { maxChecks: 2 } });
    const orderId = await placedOrder(h, [{ productId: 'census-1395-tables' }]);
    await startPayment(h, orderId);
    const restarted = h.restart();
    await restarted.advance({ minutes: 30 });
    expect((await orderView(restarted, orderId)).state).toBe('awaitingPayment.closing');
    await expect(restarted.desk.send({ tenantId, instanceId: orderId, actor: customer, event: { type: 'pay' } })).rejects.toMatchObject({ code: 'INVALID_TRANSITION' });
    await restarted.advance({ minutes: 30 });
    expect((await paymentView(restarted, `${orderId}.payment-1`)).failure).toMatchObject({ reason: 'abandoned' });
    const order = await orderView(restarted, orderId);
    expect(order.state).toBe('cancelled');
  });
});

describe('shop order rules', () => {
  it('prices come from the catalogue; unknown, withdrawn and bad lines are refused naming the field, writing nothing', async () => {
    h = await shopHarness();
    const counts = await h.oracle.counts();
    const refused = await h.desk
      .create({ tenantId, workflow: 'shop-order', actor: customer, input: { lines: [{ productId: 'old-atlas' }, { productId: 'nope' }, { productId: 'census-1395-tables', quantity: 2 }] } })
      .catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ValidationError);
    expect((refused as ValidationError).fields).toEqual(['lines.0.productId', 'lines.1.productId', 'lines.2.quantity']);
    expect(await h.oracle.counts()).toEqual(counts);

    const created = await h.desk.create({ tenantId, workflow: 'shop-order', actor: customer, instanceId: 'SO-7', input: { lines: [] } });
    await h.desk.send({ tenantId, instanceId: created.instanceId, actor: customer, event: { type: 'addLine', productId: 'statistical-yearbook-1401', quantity: 2, line: { unitPriceRial: 1n } } });
    let order = await orderView(h, 'SO-7');
    expect(order.lines).toEqual([expect.objectContaining({ lineId: 'L1', unitPriceRial: 400_000n, quantity: 2 })]);

    // Post needs an address; the refusal names it and the cart stays a cart.
    const noAddress = await h.desk.send({ tenantId, instanceId: 'SO-7', actor: customer, event: { type: 'place', customer: { fullName: 'Sara', mobile: '09121234567' } } }).catch((e: unknown) => e);
    expect((noAddress as ValidationError).fields).toEqual(['shipping']);
    const badDestination = await h.desk
      .send({ tenantId, instanceId: 'SO-7', actor: customer, event: { type: 'place', customer: { fullName: 'Sara', mobile: '09121234567' }, shipping: { ...shipping, destination: 'mars' } } })
      .catch((e: unknown) => e);
    expect((badDestination as ValidationError).fields).toEqual(['shipping.destination']);
    const badMobile = await h.desk.send({ tenantId, instanceId: 'SO-7', actor: customer, event: { type: 'place', customer: { fullName: 'Sara', mobile: '12' }, shipping } }).catch((e: unknown) => e);
    expect((badMobile as ValidationError).fields).toEqual(['customer.mobile']);

    // A price change before placing is picked up at placing; a withdrawal stops it.
    await h.catalogue.put(tenantId, { id: 'statistical-yearbook-1401', kind: 'book', format: 'physical', title: 'سالنامه', priceRial: 450_000n, status: 'active' });
    await h.desk.send({ tenantId, instanceId: 'SO-7', actor: customer, event: { type: 'place', customer: { fullName: 'Sara', mobile: '09121234567' }, shipping, pricing: { totalRial: 1n } } });
    order = await orderView(h, 'SO-7');
    expect(order.pricing).toMatchObject({ productsRial: 900_000n, totalRial: 1_012_000n });
    expect(order.delivery).toBe('post');
  });

  it('the catalogue validates products and lists them in id order; withdrawn ones stay readable', async () => {
    h = await shopHarness();
    const bad = await h.catalogue.put(tenantId, { id: 'Bad Id', kind: 'file', format: 'digital', title: '', priceRial: 0n, status: 'active', fileKey: 'f' }).catch((e: unknown) => e);
    expect(bad).toBeInstanceOf(ValidationError);
    expect((bad as ValidationError).fields).toEqual(['id', 'title', 'priceRial']);
    const inconsistent = await h.catalogue.put(tenantId, { id: 'cd-1', kind: 'cd', format: 'digital', title: 'CD', priceRial: 1_000n, status: 'active' }).catch((e: unknown) => e);
    expect((inconsistent as ValidationError).fields).toEqual(['fileKey', 'format']);
    const page = await h.catalogue.list(tenantId, { status: 'active', limit: 2 });
    expect(page.products.map((p) => p.id)).toEqual(['census-1395-results-cd', 'census-1395-tables']);
    expect((await h.catalogue.list(tenantId, { status: 'active', after: page.nextAfter! })).products.map((p) => p.id)).toEqual(['labour-survey-1402', 'statistical-yearbook-1401']);
    await h.catalogue.withdraw(tenantId, 'labour-survey-1402');
    expect((await h.catalogue.get(tenantId, 'labour-survey-1402'))?.status).toBe('withdrawn');
    expect(await h.catalogue.get('other-tenant', 'census-1395-tables')).toBeUndefined();
    await expect(h.catalogue.withdraw(tenantId, 'nope')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('another customer can neither read nor act on the order; staff do not see download tokens', async () => {
    h = await shopHarness();
    const orderId = await placedOrder(h, [{ productId: 'census-1395-tables' }]);
    const payment = await startPayment(h, orderId);
    await deliverCallback(h, h.sim.pay(payment.authority!));
    await expect(h.desk.get({ tenantId, instanceId: orderId }, otherCustomer)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(h.desk.send({ tenantId, instanceId: orderId, actor: otherCustomer, event: { type: 'cancel', reason: 'x' } })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const staff = (await h.desk.get({ tenantId, instanceId: orderId }, clerk)).data as ShopOrderView;
    expect(staff.order.downloads[0]).not.toHaveProperty('token');
    // The particulars stay sealed in the view; staff open them when they need them.
    expect(staff.order).not.toHaveProperty('customer');
    const opened = await readShopOrderParticulars(h.desk, testPersonalDataSealer(), { tenantId, instanceId: orderId }, clerk);
    expect(opened).toMatchObject({ status: 'sealed', particulars: { customer: { fullName: 'Sara Ahmadi' } } });
  });

  it('downloads are logged, limited in number and expire', async () => {
    h = await shopHarness({ order: { download: { validDays: 2, maxDownloads: 2 } } });
    const orderId = await placedOrder(h, [{ productId: 'labour-survey-1402' }]);
    const payment = await startPayment(h, orderId);
    await deliverCallback(h, h.sim.pay(payment.authority!));
    const token = (await orderView(h, orderId)).downloads[0]!.token!;
    await openShopDownload(h.desk, h.files, { tenantId, token });
    await openShopDownload(h.desk, h.files, { tenantId, token });
    const third = await openShopDownload(h.desk, h.files, { tenantId, token }).catch((e: unknown) => e);
    expect(third).toBeInstanceOf(ValidationError);
    expect((third as ValidationError).issues[0]).toMatchObject({ path: 'token', code: 'download_limit' });
    const downloads = (await h.historyOf({ tenantId, instanceId: orderId })).filter((r) => r.eventType === 'download');
    expect(downloads).toHaveLength(2);
    expect(JSON.stringify(downloads.map((d) => d.payload))).not.toContain(token);
    expect(downloads[0]!.payload).toMatchObject({ lineId: 'L1' });
    await expect(openShopDownload(h.desk, h.files, { tenantId, token: 'x'.repeat(43) })).rejects.toMatchObject({ code: 'NOT_FOUND' });

    const other = await placedOrder(h, [{ productId: 'census-1395-tables' }]);
    const p2 = await startPayment(h, other);
    await deliverCallback(h, h.sim.pay(p2.authority!));
    const token2 = (await orderView(h, other)).downloads[0]!.token!;
    await h.advance({ days: 2 });
    await expect(openShopDownload(h.desk, h.files, { tenantId, token: token2 })).rejects.toMatchObject({ issues: [{ code: 'link_expired' }] });
  });

  it('cancellation after payment but before shipping goes to refund; refunds may be partial, never more than paid', async () => {
    h = await shopHarness();
    const orderId = await placedOrder(h, [{ productId: 'statistical-yearbook-1401' }], 'SO-2002');
    const payment = await startPayment(h, orderId);
    await deliverCallback(h, h.sim.pay(payment.authority!));
    await h.desk.send({ tenantId, instanceId: orderId, actor: customer, event: { type: 'cancel', reason: 'ordered by mistake' } });
    expect((await orderView(h, orderId)).state).toBe('refundDue');
    const tooMuch = await h.desk.send({ tenantId, instanceId: orderId, actor: finance, event: { type: 'refund', amountRial: '500000', reference: 'RF-1', reason: 'cancelled' } }).catch((e: unknown) => e);
    expect((tooMuch as ValidationError).fields).toEqual(['amountRial']);
    await h.desk.send({ tenantId, instanceId: orderId, actor: finance, event: { type: 'refund', amountRial: '200000', reference: 'RF-1', reason: 'cancelled' } });
    expect((await orderView(h, orderId)).refundedRial).toBe(200_000n);
    await h.desk.send({ tenantId, instanceId: orderId, actor: finance, event: { type: 'refund', amountRial: 262_000n, reference: 'RF-2', reason: 'cancelled' } });
    const order = await orderView(h, orderId, finance);
    expect(order.state).toBe('refunded');
    expect(order.refunds.map((r) => r.amountRial)).toEqual([200_000n, 262_000n]);
    expect(h.notifier.sent.filter((m) => m.template === 'shop-order.refunded' && m.channel === 'sms').map((m) => m.params.amount)).toEqual([{ $bigint: '200000' }, { $bigint: '262000' }]);
  });

  it('a shipped order cannot be cancelled; a returned parcel is sent again and then delivered', async () => {
    h = await shopHarness();
    const orderId = await placedOrder(h, [{ productId: 'census-1395-results-cd' }]);
    const payment = await startPayment(h, orderId);
    await deliverCallback(h, h.sim.pay(payment.authority!));
    await h.desk.send({ tenantId, instanceId: orderId, actor: clerk, event: { type: 'ship', trackingCode: 'TRK-000001' } });
    await expect(h.desk.send({ tenantId, instanceId: orderId, actor: customer, event: { type: 'cancel', reason: 'too slow' } })).rejects.toMatchObject({ code: 'INVALID_TRANSITION' });
    await h.desk.send({ tenantId, instanceId: orderId, actor: clerk, event: { type: 'markReturned', reason: 'addressee unknown' } });
    await h.desk.send({ tenantId, instanceId: orderId, actor: clerk, event: { type: 'reship', trackingCode: 'TRK-000002' } });
    expect(await h.desk.findByKey(tenantId, 'shop-order.postal-tracking', 'TRK-000002')).toEqual([{ tenantId, instanceId: orderId }]);
    await h.desk.send({ tenantId, instanceId: orderId, actor: clerk, event: { type: 'markDelivered' } });
    const order = await orderView(h, orderId);
    expect(order.state).toBe('completed');
    expect(order.shipment?.trackingCodes).toEqual(['TRK-000001', 'TRK-000002']);
  });

  it('a payment verified after the order was cancelled waits in refundDue on the payment', async () => {
    h = await shopHarness({ order: { paymentWindowMs: 10 * 60_000, closingGraceMs: 5 * 60_000 } });
    const orderId = await placedOrder(h, [{ productId: 'census-1395-tables' }]);
    const payment = await startPayment(h, orderId);
    await h.advance({ minutes: 15 });
    expect((await orderView(h, orderId)).state).toBe('cancelled');
    await deliverCallback(h, h.sim.pay(payment.authority!));
    const stored = await paymentView(h, `${orderId}.payment-1`);
    expect(stored.state).toBe('refundDue');
    await h.desk.send({ tenantId, instanceId: `${orderId}.payment-1`, actor: finance, event: { type: 'recordRefund', reference: 'BANK-77' } });
    expect((await paymentView(h, `${orderId}.payment-1`)).state).toBe('refunded');
  });
});
