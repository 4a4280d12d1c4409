/**
 * A gateway callback and the reconciler's sweep racing on one payment, interleaved on purpose:
 * the loser has computed its transition when the winner commits, so its compare-and-set fails.
 * Neither caller may see that as an error: the loser re-sends on the fresh state, where its
 * event is no longer accepted, and reports the payment as handled by someone else.
 * (The same race with real concurrency runs on PostgreSQL in storage-mikro-orm's reliability tests.)
 */
import { MemoryStorage, createTestDesk, type TestDesk } from '@statdesk/testing';
import { describe, expect, it } from 'vitest';
import {
  createGatewayRegistry,
  createPaymentReconciler,
  handlePaymentCallback,
  paymentEffects,
  paymentWorkflow,
  systemActor,
  type PaymentGateway,
  type StorageTransaction,
} from '../../src';

const tenantId = 'sci';
const authority = 'A-RACE-1';

/** Memory storage that runs `competitor` after the next transaction's body, before its commit. */
class InterleavingStorage extends MemoryStorage {
  competitor: (() => Promise<unknown>) | undefined;
  override async transaction<T>(fn: (tx: StorageTransaction) => Promise<T>): Promise<T> {
    return super.transaction(async (tx) => {
      const result = await fn(tx);
      const competitor = this.competitor;
      this.competitor = undefined;
      if (competitor) await competitor();
      return result;
    });
  }
}

const gateway: PaymentGateway = {
  name: 'bank',
  capabilities: { inquire: false, listUnverified: true, reverse: false, refund: false },
  requestPayment: async () => ({ authority, redirectUrl: `https://bank.example/StartPay/${authority}` }),
  verify: async () => ({ status: 'verified', refId: 'R-1', alreadyVerified: false }),
  inquire: async () => 'paid',
  listUnverified: async () => [{ authority }],
  reverse: () => Promise.reject(new Error('unsupported')),
  refund: () => Promise.reject(new Error('unsupported')),
};

async function paymentAtTheBank() {
  const storage = new InterleavingStorage();
  const gateways = createGatewayRegistry({ gateways: [gateway] });
  const t: TestDesk<InterleavingStorage> = createTestDesk({
    storage,
    workflows: [paymentWorkflow()],
    effects: paymentEffects({ desk: () => t.desk, gateways, callbackUrl: () => 'https://portal.example.ir/cb' }),
    // The payer does not exist here: its settlement fails quietly and is retried later.
    logger: { warn: () => {}, error: () => {} },
  });
  const input = { payerId: 'SO-1', amountRial: 10_000n, gateway: 'bank', description: 'Order SO-1', callbackUrl: 'https://portal.example.ir/cb', customerProfileId: 'c1' };
  await t.desk.create({ tenantId, workflow: 'payment', actor: systemActor, instanceId: 'p1', input });
  expect((await t.desk.get({ tenantId, instanceId: 'p1' }, systemActor)).state).toBe('redirected');
  const reconciler = createPaymentReconciler({ desk: t.desk, gateways, tenantId });
  const paidEvents = async () => (await t.historyOf({ tenantId, instanceId: 'p1' })).filter((h) => h.eventType === 'callback' || h.eventType === 'reportedPaid');
  return { t, storage, reconciler, paidEvents };
}

describe('callback and reconciler racing on one payment', () => {
  it('a callback that loses to the sweep answers "not accepted", not CONFLICT', async () => {
    const { t, storage, reconciler, paidEvents } = await paymentAtTheBank();
    let sweep: unknown;
    storage.competitor = async () => (sweep = await reconciler.sweep());
    const callback = await handlePaymentCallback(t.desk, { tenantId, query: { Authority: authority, Status: 'OK' } });
    expect(sweep).toMatchObject({ reported: 1, alreadyHandled: 0 });
    expect(callback).toMatchObject({ paymentId: 'p1', accepted: false });
    expect((await paidEvents()).map((h) => h.eventType)).toEqual(['reportedPaid']);
  });

  it('a sweep that loses to the callback counts the payment as handled and goes on', async () => {
    const { t, storage, reconciler, paidEvents } = await paymentAtTheBank();
    let callback: unknown;
    storage.competitor = async () => (callback = await handlePaymentCallback(t.desk, { tenantId, query: { Authority: authority, Status: 'OK' } }));
    const sweep = await reconciler.sweep();
    expect(callback).toMatchObject({ accepted: true });
    expect(sweep).toMatchObject({ reported: 0, alreadyHandled: 1, failedGateways: [] });
    expect((await paidEvents()).map((h) => h.eventType)).toEqual(['callback']);
  });
});
