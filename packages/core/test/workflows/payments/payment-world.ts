/**
 * Two worker processes of one shop on one storage (through an interleaving wrapper), the
 * Zarinpal adapter over HTTP to the gateway simulator, and outbox dispatch left to the test
 * (`afterCommit: 'off'`), so a test decides which worker runs which row when.
 */
import { zarinpalGateway } from '@statdesk/payment-zarinpal';
import { MemoryCatalogue, RecordingNotifier, TestClock, startGatewaySimulator, testPersonalDataSealer, workflowStorage, type GatewaySimulator, type StorageUnderTest } from '@statdesk/testing';
import {
  PERSONAL_DATA_SEALER_SERVICE,
  createDesk,
  createGatewayRegistry,
  createTariffRegistry,
  handlePaymentCallback,
  paymentEffects,
  paymentWorkflow,
  sampleTariffBook,
  shopOrderWorkflow,
  type Desk,
  type PaymentContext,
  type ShopOrderView,
} from '../../../src';
import { customer, finance, merchantId, particulars, products, tenantId } from '../shop-order/shop-harness';
import { interleavingStorage, type InterleavingStorage } from './interleaving-storage';

export const LEASE_MS = 60_000;

export interface PaymentWorld {
  a: Desk;
  b: Desk;
  clock: TestClock;
  sim: GatewaySimulator;
  wrapper: InterleavingStorage;
  oracle: StorageUnderTest['oracle'];
  close(): Promise<void>;
}

export async function paymentWorld(): Promise<PaymentWorld> {
  const sim = await startGatewaySimulator({ merchantId });
  const gateways = createGatewayRegistry({ gateways: [zarinpalGateway({ merchantId, baseUrl: sim.baseUrl, timeoutMs: 1_000 })] });
  const catalogue = new MemoryCatalogue({ [tenantId]: products });
  const tariffs = createTariffRegistry([sampleTariffBook]);
  const under = await workflowStorage();
  const wrapper = interleavingStorage(under.storage);
  const clock = new TestClock('2025-04-12T06:00:00.000Z');
  const notifier = new RecordingNotifier();
  const quiet = { warn: () => {}, error: () => {} };
  const sealer = testPersonalDataSealer();
  const worker = (workerId: string): Desk => {
    const desk: Desk = createDesk({
      storage: wrapper.storage,
      clock,
      notifier,
      workflows: [shopOrderWorkflow(), paymentWorkflow()],
      services: { catalogue, tariffs, [PERSONAL_DATA_SEALER_SERVICE]: sealer },
      effects: paymentEffects({ desk: () => desk, gateways, callbackUrl: ({ paymentId }) => `https://portal.example.ir/shop/pay/callback?payment=${paymentId}` }),
      outbox: { afterCommit: 'off', leaseMs: LEASE_MS, baseDelayMs: 1_000, maxDelayMs: 60_000 },
      random: () => 0.5,
      workerId,
      logger: quiet,
    });
    return desk;
  };
  return { a: worker('worker-a'), b: worker('worker-b'), clock, sim, wrapper, oracle: under.oracle, close: () => sim.close() };
}

/** Every due outbox row, by worker A, until none is left. */
export async function settle(w: PaymentWorld, desk: Desk = w.a): Promise<void> {
  for (let round = 0; round < 20; round++) if ((await desk.dispatchOutbox()).sent === 0) return;
}

export async function orderOf(w: PaymentWorld, orderId: string) {
  const view = await w.a.get({ tenantId, instanceId: orderId }, customer);
  return { state: view.state, ...(view.data as ShopOrderView).order };
}

export async function paymentOf(w: PaymentWorld, paymentId: string) {
  const view = await w.a.get({ tenantId, instanceId: paymentId }, finance);
  return { state: view.state, ...(view.data as { context: PaymentContext }).context };
}

export async function paymentHistory(w: PaymentWorld, paymentId: string): Promise<string[]> {
  return (await w.a.history({ tenantId, instanceId: paymentId }, finance)).map((h) => h.eventType);
}

/** A placed order of one digital product whose payment is at the bank. */
export async function orderAtTheBank(w: PaymentWorld, orderId = 'SO-1') {
  await w.a.create({ tenantId, workflow: 'shop-order', actor: customer, instanceId: orderId, input: { lines: [{ productId: 'census-1395-tables' }] } });
  await w.a.send({ tenantId, instanceId: orderId, actor: customer, event: { type: 'place', ...particulars } });
  await w.a.send({ tenantId, instanceId: orderId, actor: customer, event: { type: 'pay' } });
  await settle(w);
  const order = await orderOf(w, orderId);
  const payment = await paymentOf(w, order.currentPaymentId!);
  return { orderId, paymentId: order.currentPaymentId!, authority: payment.authority! };
}

export function callback(w: PaymentWorld, url: string) {
  return handlePaymentCallback(w.a, { tenantId, query: new URL(url).searchParams });
}
