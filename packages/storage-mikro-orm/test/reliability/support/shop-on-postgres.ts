/**
 * The shop (shop-order and payment workflows, the Zarinpal adapter over HTTP to the gateway
 * simulator) on PostgreSQL, as several server processes would run it: one desk per storage,
 * each storage with its own connection pool on the same schema, all sharing the gateway.
 */
import { randomBytes } from 'node:crypto';
import {
  createDesk,
  createGatewayRegistry,
  createPaymentReconciler,
  createTariffRegistry,
  paymentEffects,
  paymentWorkflow,
  personalDataSealer,
  sampleTariffBook,
  shopOrderWorkflow,
  staticProfileKeys,
  type Desk,
  type GatewayRegistry,
  type PaymentContext,
  type PaymentReconciler,
} from '@statdesk/core';
import { zarinpalGateway } from '@statdesk/payment-zarinpal';
import { mikroOrmStorage, type MikroOrmStorage } from '@statdesk/storage-mikro-orm';
import { MemoryCatalogue, RecordingNotifier, startGatewaySimulator, type GatewaySimulator } from '@statdesk/testing';
import { customer, merchantId, particulars, products, tenantId } from '../../../../core/test/workflows/shop-order/shop-harness';
import type { PostgresSchema } from '../../support/postgres';

export { customer, tenantId };

export interface ShopServer {
  desk: Desk;
  storage: MikroOrmStorage;
  reconciler: PaymentReconciler;
}

export interface ShopCluster {
  sim: GatewaySimulator;
  gateways: GatewayRegistry;
  /** Shared by every server: a message key delivered once is not delivered again. */
  notifier: RecordingNotifier;
  servers: ShopServer[];
  close(): Promise<void>;
}

/**
 * `size` servers on the schema. `wrap` may stand in front of each desk (to log commands); the
 * payment effects then go through the wrapper too.
 */
export async function shopCluster(db: PostgresSchema, size: number, wrap: (desk: Desk) => Desk = (desk) => desk): Promise<ShopCluster> {
  const sim = await startGatewaySimulator({ merchantId });
  const gateways = createGatewayRegistry({ gateways: [zarinpalGateway({ merchantId, baseUrl: sim.baseUrl, timeoutMs: 5_000 })] });
  const catalogue = new MemoryCatalogue({ [tenantId]: products });
  const tariffs = createTariffRegistry([sampleTariffBook]);
  // Every server holds the same keys: the customer's particulars are sealed in the order.
  const sealer = personalDataSealer(staticProfileKeys({ current: { id: 'k1', key: randomBytes(32) }, lookupKey: randomBytes(32) }));
  const notifier = new RecordingNotifier();
  const servers: ShopServer[] = [];
  for (let i = 0; i < size; i++) {
    // The first server uses the schema's own storage; the others open pools of their own.
    const storage = i === 0 ? db.storage : await mikroOrmStorage({ driver: 'postgresql', clientUrl: db.url, schema: db.schema, settings: { synchronous_commit: 'off' }, pool: { max: 4 } });
    const desk: Desk = wrap(createDesk({
      storage,
      notifier,
      workflows: [shopOrderWorkflow(), paymentWorkflow()],
      services: { catalogue, tariffs, personalDataSealer: sealer },
      effects: paymentEffects({ desk: () => desk, gateways, callbackUrl: ({ paymentId }) => `https://portal.example.ir/shop/pay/callback?payment=${paymentId}` }),
      outbox: { afterCommit: 'await' },
      workerId: `server-${i + 1}`,
      logger: { warn: () => {}, error: () => {} },
    }));
    servers.push({ desk, storage, reconciler: createPaymentReconciler({ desk, gateways, tenantId }) });
  }
  return {
    sim,
    gateways,
    notifier,
    servers,
    async close() {
      await Promise.all(servers.map((s) => s.desk.stop()));
      for (const server of servers.slice(1)) await server.storage.close();
      await sim.close();
    },
  };
}

/** A digital order placed and sent to the bank; returns the order, its payment and the authority. */
export async function orderAtTheBank(desk: Desk, orderId: string, keyed = false) {
  const key = (step: string) => (keyed ? { idempotencyKey: `${orderId}:${step}` } : {});
  await desk.create({ tenantId, workflow: 'shop-order', actor: customer, instanceId: orderId, input: { lines: [{ productId: 'census-1395-tables' }] }, ...key('create') });
  await desk.send({ tenantId, instanceId: orderId, actor: customer, event: { type: 'place', ...particulars }, ...key('place') });
  await desk.send({ tenantId, instanceId: orderId, actor: customer, event: { type: 'pay' }, ...key('pay') });
  const paymentId = `${orderId}.payment-1`;
  const payment = await desk.get({ tenantId, instanceId: paymentId }, { id: 'system', roles: ['system'] });
  const context = (payment.data as { context: PaymentContext }).context;
  if (payment.state !== 'redirected' || !context.authority) throw new Error(`payment ${paymentId} is ${payment.state}, not at the bank`);
  return { orderId, paymentId, authority: context.authority };
}

/** Worker cycles on every server until a whole round finds nothing to do. */
export async function settle(servers: readonly ShopServer[]): Promise<void> {
  for (let round = 0; round < 50; round++) {
    let worked = 0;
    for (const { desk } of servers) {
      await desk.drain();
      const timers = await desk.runDueTimers();
      const outbox = await desk.dispatchOutbox();
      worked += timers.delivered + timers.skipped + timers.failed + outbox.sent + outbox.retried + outbox.dead;
    }
    if (!worked) return;
  }
  throw new Error('the servers did not come to rest in 50 rounds');
}
