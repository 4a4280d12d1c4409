/**
 * A portal's shop for tests: the shop-order and payment workflows on a test desk, the Zarinpal
 * adapter talking over HTTP to a local gateway simulator, an in-memory catalogue and file store,
 * and the sample tariff book. `restart()` builds a new desk on the same storage and clock.
 */
import { zarinpalGateway } from '@statdesk/payment-zarinpal';
import { MemoryCatalogue, MemoryFileStore, TestClock, actor, createTestDesk, startGatewaySimulator, workflowStorage, type GatewaySimulator, type StorageUnderTest, type TestDesk } from '@statdesk/testing';
import {
  createGatewayRegistry,
  createTariffRegistry,
  handlePaymentCallback,
  paymentEffects,
  paymentWorkflow,
  sampleTariffBook,
  shopOrderWorkflow,
  type GatewayRegistry,
  type PaymentContext,
  type PaymentOptions,
  type Product,
  type ShopOrderOptions,
  type ShopOrderView,
  type Storage,
  type TariffRegistry,
} from '../../../src';

export const tenantId = 'sci';
export const merchantId = '1344b5d4-0048-11e8-94db-005056a205be';
export const customer = actor('customer-1', 'customer');
export const otherCustomer = actor('customer-2', 'customer');
export const clerk = actor('clerk-1', 'shop-clerk');
export const finance = actor('finance-1', 'finance-officer');
export const supervisor = actor('boss-1', 'supervisor');
export const staffReader = actor('auditor', 'supervisor');

export const products: Product[] = [
  { id: 'census-1395-tables', kind: 'file', format: 'digital', title: 'جداول سرشماری ۱۳۹۵', priceRial: 250_000n, status: 'active', fileKey: 'products/census-1395-tables.xlsx' },
  { id: 'labour-survey-1402', kind: 'file', format: 'digital', title: 'آمارگیری نیروی کار ۱۴۰۲', priceRial: 120_000n, status: 'active', fileKey: 'products/labour-1402.csv' },
  { id: 'statistical-yearbook-1401', kind: 'book', format: 'physical', title: 'سالنامه آماری ۱۴۰۱', priceRial: 400_000n, status: 'active' },
  { id: 'census-1395-results-cd', kind: 'cd', format: 'physical', title: 'لوح فشرده نتایج سرشماری', priceRial: 150_000n, status: 'active' },
  { id: 'old-atlas', kind: 'publication', format: 'physical', title: 'اطلس قدیمی', priceRial: 90_000n, status: 'withdrawn' },
];

export const particulars = { customer: { fullName: 'Sara Ahmadi', mobile: '09121234567', email: 'sara@example.ir' } };
export const shipping = { address: 'No. 12, Fatemi St, Tehran', postalCode: '1414714141', destination: 'tehran' };

export interface ShopHarness extends TestDesk<Storage> {
  /** Reads the backend directly, not through the desk. */
  oracle: StorageUnderTest['oracle'];
  sim: GatewaySimulator;
  gateways: GatewayRegistry;
  catalogue: MemoryCatalogue;
  /** The tariff registry the desk prices postage and VAT from. */
  tariffs: TariffRegistry;
  files: MemoryFileStore;
  /** A new desk on the same storage, clock, catalogue and gateway (a process restart). */
  restart(): ShopHarness;
  close(): Promise<void>;
}

export async function shopHarness(options: { order?: ShopOrderOptions; payment?: PaymentOptions; sim?: GatewaySimulator } = {}): Promise<ShopHarness> {
  const sim = options.sim ?? (await startGatewaySimulator({ merchantId }));
  const gateway = zarinpalGateway({ merchantId, baseUrl: sim.baseUrl, timeoutMs: 1_000 });
  const gateways = createGatewayRegistry({ gateways: [gateway] });
  const catalogue = new MemoryCatalogue({ [tenantId]: products });
  const files = new MemoryFileStore();
  await files.put(tenantId, 'products/census-1395-tables.xlsx', new TextEncoder().encode('census tables'), { contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
  await files.put(tenantId, 'products/labour-1402.csv', new TextEncoder().encode('year,rate\n1402,8.1\n'), { contentType: 'text/csv' });
  const tariffs = createTariffRegistry([sampleTariffBook]);

  const build = ({ storage, oracle }: StorageUnderTest, clock: TestClock): ShopHarness => {
    const t: TestDesk<Storage> = createTestDesk({
      storage,
      clock,
      workflows: [shopOrderWorkflow(options.order), paymentWorkflow(options.payment)],
      services: { catalogue, tariffs },
      effects: paymentEffects({ desk: () => t.desk, gateways, callbackUrl: ({ paymentId }) => `https://portal.example.ir/shop/pay/callback?payment=${paymentId}` }),
      // A gateway call that times out is retried soon, not after the default backoff.
      // (afterCommit is repeated: createTestDesk's own default is overwritten by any `outbox` option.)
      outbox: { afterCommit: 'await', baseDelayMs: 1_000, maxDelayMs: 60_000 },
      random: () => 0.5,
    });
    return { ...t, oracle, sim, gateways, catalogue, tariffs, files, restart: () => build({ storage, oracle }, clock), close: () => sim.close() };
  };
  return build(await workflowStorage(), new TestClock('2025-04-12T06:00:00.000Z'));
}

// ------------------------------------------------------------------ steps a portal takes

export async function orderView(h: ShopHarness, orderId: string, reader = customer) {
  const view = await h.desk.get({ tenantId, instanceId: orderId }, reader);
  return { state: view.state, status: view.status, ...(view.data as ShopOrderView).order };
}

export async function paymentView(h: ShopHarness, paymentId: string) {
  const view = await h.desk.get({ tenantId, instanceId: paymentId }, finance);
  return { state: view.state, status: view.status, ...(view.data as { context: PaymentContext }).context };
}

/** Creates an order with these products and places it. */
export async function placedOrder(h: ShopHarness, lines: { productId: string; quantity?: number }[], orderId = `SO-${Math.random().toString(36).slice(2, 8)}`) {
  await h.desk.create({ tenantId, workflow: 'shop-order', actor: customer, instanceId: orderId, input: { lines } });
  const post = lines.some((l) => products.find((p) => p.id === l.productId)?.format === 'physical');
  await h.desk.send({ tenantId, instanceId: orderId, actor: customer, event: { type: 'place', ...particulars, ...(post ? { shipping } : {}) } });
  return orderId;
}

/** The customer presses "pay": the payment is opened and sent to the gateway. Returns the payment. */
export async function startPayment(h: ShopHarness, orderId: string) {
  await h.desk.send({ tenantId, instanceId: orderId, actor: customer, event: { type: 'pay' } });
  const order = await orderView(h, orderId);
  return paymentView(h, order.currentPaymentId!);
}

/** The browser comes back to the portal's callback URL. */
export function deliverCallback(h: ShopHarness, callbackUrl: string) {
  return handlePaymentCallback(h.desk, { tenantId, query: new URL(callbackUrl).searchParams });
}
