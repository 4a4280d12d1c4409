import { createTestDesk, type TestDesk } from '@statdesk/testing';
import { describe, expect, it } from 'vitest';
import {
  NotFoundError,
  PaymentGatewayError,
  ValidationError,
  createGatewayRegistry,
  handlePaymentCallback,
  paymentEffects,
  paymentWorkflow,
  systemActor,
  type PaymentContext,
  type PaymentGateway,
} from '../../src';

const tenantId = 'sci';

/** A gateway that never answers verification or inquiry: the outcome stays unknown. */
function silentGateway(name = 'silent'): PaymentGateway & { verifies: number } {
  const down = () => Promise.reject(new PaymentGatewayError(name, 'unavailable', 'no route to host'));
  return {
    name,
    verifies: 0,
    capabilities: { inquire: true, listUnverified: false, reverse: false, refund: false },
    requestPayment: async () => ({ authority: 'A-SILENT-1', redirectUrl: 'https://gw.example/StartPay/A-SILENT-1' }),
    async verify() {
      this.verifies++;
      return down();
    },
    inquire: down,
    listUnverified: down,
    reverse: down,
    refund: down,
  };
}

function payerless(gateway: PaymentGateway, options: Parameters<typeof paymentWorkflow>[0] = {}) {
  const gateways = createGatewayRegistry({ gateways: [gateway] });
  const t: TestDesk = createTestDesk({
    workflows: [paymentWorkflow(options)],
    effects: paymentEffects({ desk: () => t.desk, gateways, callbackUrl: ({ paymentId }) => `https://portal.example.ir/cb/${paymentId}` }),
    outbox: { afterCommit: 'await', baseDelayMs: 60_000, maxDelayMs: 60_000, maxAttempts: 3 },
    random: () => 0.5,
  });
  return { ...t, gateways };
}

const input = { payerId: 'SO-9', amountRial: 10_000n, gateway: 'silent', description: 'Order SO-9', callbackUrl: 'https://portal.example.ir/cb/p', customerProfileId: 'c9' };

describe('payment workflow', () => {
  it('a gateway that never answers leaves the payment unknown, re-checked on timers, then unresolved', async () => {
    const gateway = silentGateway();
    const t = payerless(gateway, { maxChecks: 2 });
    await t.desk.create({ tenantId, workflow: 'payment', actor: systemActor, instanceId: 'p1', input });
    await handlePaymentCallback(t.desk, { tenantId, query: { Authority: 'A-SILENT-1', Status: 'OK' } });
    const state = async () => (await t.desk.get({ tenantId, instanceId: 'p1' }, systemActor)).state;
    expect(await state()).toBe('verifying');
    await t.advance({ minutes: 10 });
    expect(await state()).toBe('unknown');
    expect(gateway.verifies).toBeGreaterThanOrEqual(2);
    await t.advance({ minutes: 30 });
    expect(await state()).toBe('checking');
    await t.advance({ minutes: 10 + 30 + 10 + 30 });
    const view = await t.desk.get({ tenantId, instanceId: 'p1' }, systemActor);
    expect(view.state).toBe('failed');
    expect((view.data as { context: PaymentContext }).context.failure).toMatchObject({ reason: 'unresolved' });
    // The failure is queued for the payer (here there is none, so its delivery keeps failing and is retried).
    expect(t.storage.oracle.outbox().some((row) => row.type === 'payment.settle')).toBe(true);
  });

  it('the callback handler refuses malformed query strings and unknown authorities, writing nothing', async () => {
    const t = payerless(silentGateway());
    const counts = t.storage.oracle.counts();
    const bad = await handlePaymentCallback(t.desk, { tenantId, query: new URLSearchParams('Status=MAYBE') }).catch((e: unknown) => e);
    expect(bad).toBeInstanceOf(ValidationError);
    expect((bad as ValidationError).fields).toEqual(['Authority', 'Status']);
    await expect(handlePaymentCallback(t.desk, { tenantId, query: { Authority: 'A-NOPE', Status: 'OK' } })).rejects.toBeInstanceOf(NotFoundError);
    expect(t.storage.oracle.counts()).toEqual(counts);
  });

  it('the registry picks an enabled gateway for new payments and keeps disabled ones for in-flight work', async () => {
    const a = silentGateway('a');
    const b = silentGateway('b');
    const registry = createGatewayRegistry({ gateways: [a, b], switch: { isEnabled: (name) => name !== 'b' } });
    expect((await registry.forNewPayment())?.name).toBe('a');
    registry.disable('a', 'shut down by the PSP');
    expect(await registry.forNewPayment()).toBeUndefined(); // b is off in the shared switch
    expect(registry.get('a')).toBe(a);
    expect(registry.disabledReason('a')).toBe('shut down by the PSP');
    registry.enable('a');
    expect((await registry.forNewPayment('b'))?.name).toBe('a');
    expect(() => registry.get('zz')).toThrow(NotFoundError);
    expect(() => createGatewayRegistry({ gateways: [a, a] })).toThrow(/Two payment gateways/);
  });
});
