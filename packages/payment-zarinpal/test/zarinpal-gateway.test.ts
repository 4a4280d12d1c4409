import { isPaymentGatewayError, type PaymentGatewayError } from '@statdesk/core';
import { startGatewaySimulator, type GatewaySimulator } from '@statdesk/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ZARINPAL_RESULT_CODES, ZARINPAL_SANDBOX_URL, classifyZarinpalCode, zarinpalGateway } from '../src';

const merchantId = '1344b5d4-0048-11e8-94db-005056a205be';
let sim: GatewaySimulator;
let clock = Date.parse('2025-04-12T06:00:00Z');

beforeEach(async () => {
  clock = Date.parse('2025-04-12T06:00:00Z');
  sim = await startGatewaySimulator({ merchantId, now: () => clock });
});
afterEach(() => sim.close());

const gateway = (options: { timeoutMs?: number; accessToken?: string; merchantId?: string } = {}) =>
  zarinpalGateway({ merchantId: options.merchantId ?? merchantId, baseUrl: sim.baseUrl, timeoutMs: options.timeoutMs ?? 1_000, ...(options.accessToken ? { accessToken: options.accessToken } : {}) });

const request = { tenantId: 'sci', amountRial: 737_000n, description: 'Order SO-1', callbackUrl: 'https://portal.example.ir/cb?payment=p1', orderId: 'SO-1.payment-1', idempotencyKey: 'k1' };

const rejection = (promise: Promise<unknown>) => promise.then(() => undefined, (error: unknown) => error as PaymentGatewayError);

describe('zarinpalGateway over HTTP against the gateway simulator', () => {
  it('requests a payment in Rial and builds the StartPay redirect', async () => {
    const redirect = await gateway().requestPayment({ ...request, mobile: '09121234567' });
    expect(redirect.redirectUrl).toBe(`${sim.baseUrl}/pg/StartPay/${redirect.authority}`);
    expect(sim.callsTo('request')).toEqual([
      {
        merchant_id: merchantId,
        amount: 737000,
        currency: 'IRR',
        description: 'Order SO-1',
        callback_url: request.callbackUrl,
        metadata: { order_id: 'SO-1.payment-1', mobile: '09121234567' },
      },
    ]);
    expect(sim.payment(redirect.authority)?.amountRial).toBe(737_000n);
  });

  it('a refused request (−9 validation, wrong merchant) is a rejected error with the gateway code', async () => {
    const tooSmall = await rejection(gateway().requestPayment({ ...request, amountRial: 500n }));
    expect(tooSmall).toMatchObject({ kind: 'rejected', gatewayCode: -9, retryable: false });
    const wrongMerchant = await rejection(gateway({ merchantId: 'another' }).requestPayment(request));
    expect(wrongMerchant).toMatchObject({ kind: 'rejected', gatewayCode: -10 });
    const huge = await rejection(gateway().requestPayment({ ...request, amountRial: 2n ** 60n }));
    expect(huge).toMatchObject({ kind: 'rejected' });
    expect(sim.callsTo('request')).toHaveLength(2);
  });

  it('verify: 100 success, 101 already verified (success), −51 not paid, −50 amount mismatch, −54 invalid authority', async () => {
    const zp = gateway();
    const unpaid = await zp.requestPayment(request);
    expect(await zp.verify({ authority: unpaid.authority, amountRial: 737_000n })).toMatchObject({ status: 'failed', reason: 'not-paid', code: -51 });

    const { authority } = await zp.requestPayment(request);
    sim.pay(authority, { pan: '502229******5995' });
    expect(await zp.verify({ authority, amountRial: 700_000n })).toMatchObject({ status: 'failed', reason: 'amount-mismatch', code: -50 });
    const first = await zp.verify({ authority, amountRial: 737_000n });
    expect(first).toEqual({ status: 'verified', refId: expect.stringMatching(/^\d+$/), alreadyVerified: false, cardPan: '502229******5995' });
    const second = await zp.verify({ authority, amountRial: 737_000n });
    expect(second).toMatchObject({ status: 'verified', alreadyVerified: true, refId: first.status === 'verified' ? first.refId : '' });
    expect(await zp.verify({ authority: 'A000000000000000000000000000000000099', amountRial: 1_000n })).toMatchObject({ status: 'failed', reason: 'invalid-authority', code: -54 });
  });

  it('transport problems reject with retryable errors: slow answers time out, 502 and dropped connections are unavailable', async () => {
    const zp = gateway({ timeoutMs: 200 });
    const { authority } = await zp.requestPayment(request);
    sim.pay(authority);
    sim.script('verify', { kind: 'delay', ms: 500 });
    const slow = await rejection(zp.verify({ authority, amountRial: 737_000n }));
    expect(isPaymentGatewayError(slow, 'timeout')).toBe(true);
    expect(slow!.retryable).toBe(true);
    sim.script('verify', { kind: 'http', status: 502 });
    expect(await rejection(zp.verify({ authority, amountRial: 737_000n }))).toMatchObject({ kind: 'unavailable', retryable: true });
    sim.script('inquiry', { kind: 'drop' });
    expect(await rejection(zp.inquire(authority))).toMatchObject({ kind: 'unavailable' });
    const closed = zarinpalGateway({ merchantId, baseUrl: 'http://127.0.0.1:9', timeoutMs: 500 });
    expect(await rejection(closed.inquire(authority))).toMatchObject({ kind: 'unavailable' });
  });

  it('inquiry reports status only and never verifies', async () => {
    const zp = gateway();
    const { authority } = await zp.requestPayment(request);
    expect(await zp.inquire(authority)).toBe('pending');
    sim.pay(authority);
    expect(await zp.inquire(authority)).toBe('paid');
    expect(sim.payment(authority)?.status).toBe('paid');
    await zp.verify({ authority, amountRial: 737_000n });
    expect(await zp.inquire(authority)).toBe('verified');
    const cancelled = await zp.requestPayment(request);
    sim.cancel(cancelled.authority);
    expect(await zp.inquire(cancelled.authority)).toBe('failed');
    expect(await zp.inquire('A-unknown')).toBe('failed');
  });

  it('lists paid but unverified payments (lost callbacks)', async () => {
    const zp = gateway();
    const a = await zp.requestPayment(request);
    const b = await zp.requestPayment({ ...request, amountRial: 120_000n });
    await zp.requestPayment(request); // never paid
    sim.pay(a.authority);
    sim.pay(b.authority);
    await zp.verify({ authority: a.authority, amountRial: 737_000n });
    expect(await zp.listUnverified()).toEqual([{ authority: b.authority, amountRial: 120_000n }]);
  });

  it('reverse needs only merchant_id and authority (no token), answers −61 unverified, and works within 30 minutes of the payment', async () => {
    const zp = gateway();
    expect(zp.capabilities).toEqual({ inquire: true, listUnverified: true, reverse: true, refund: false });
    const early = await zp.requestPayment(request);
    sim.pay(early.authority);
    expect(await zp.reverse(early.authority)).toMatchObject({ reversed: false, code: -61 });
    clock += 20 * 60_000;
    await zp.verify({ authority: early.authority, amountRial: 737_000n });
    clock += 9 * 60_000;
    expect(await zp.reverse(early.authority)).toEqual({ reversed: true });
    expect(sim.callsTo('reverse').at(-1)).toEqual({ merchant_id: merchantId, authority: early.authority });
    expect(await zp.inquire(early.authority)).toBe('reversed');

    // Verified right away, but paid 31 minutes ago: the window counts from the payment.
    const late = await zp.requestPayment(request);
    sim.pay(late.authority);
    clock += 31 * 60_000;
    await zp.verify({ authority: late.authority, amountRial: 737_000n });
    expect(await zp.reverse(late.authority)).toMatchObject({ reversed: false, code: -63 });
  });

  it('reverse from an IP the terminal does not know is a definite −62', async () => {
    await sim.close();
    sim = await startGatewaySimulator({ merchantId, now: () => clock, reverseIpRegistered: false });
    const zp = gateway();
    const { authority } = await zp.requestPayment(request);
    sim.pay(authority);
    await zp.verify({ authority, amountRial: 737_000n });
    expect(await zp.reverse(authority)).toMatchObject({ reversed: false, code: -62 });
  });

  it('−12 (too many attempts) and −52 (gateway error) are retryable on every call, never a failed payment', async () => {
    const zp = gateway();
    const { authority } = await zp.requestPayment(request);
    sim.pay(authority);
    for (const code of [-12, -52]) {
      sim.script('verify', { kind: 'code', code });
      expect(await rejection(zp.verify({ authority, amountRial: 737_000n }))).toMatchObject({ kind: 'unavailable', retryable: true, gatewayCode: code });
      sim.script('inquiry', { kind: 'code', code });
      expect(await rejection(zp.inquire(authority))).toMatchObject({ retryable: true, gatewayCode: code });
      sim.script('request', { kind: 'code', code });
      expect(await rejection(zp.requestPayment(request))).toMatchObject({ retryable: true, gatewayCode: code });
    }
    // A merchant-account problem says nothing about whether the card holder paid.
    sim.script('verify', { kind: 'code', code: -11 });
    expect(await rejection(zp.verify({ authority, amountRial: 737_000n }))).toMatchObject({ retryable: true, gatewayCode: -11 });
    expect(await zp.verify({ authority, amountRial: 737_000n })).toMatchObject({ status: 'verified', alreadyVerified: false });
  });

  it('every listed code is treated by its class on request and verify; an unlisted code is transient', async () => {
    const zp = gateway();
    const { authority } = await zp.requestPayment(request);
    const reasons: Record<number, string> = { [-50]: 'amount-mismatch', [-51]: 'not-paid', [-53]: 'invalid-authority', [-54]: 'invalid-authority', [-55]: 'invalid-authority' };
    const codes = [...Object.keys(ZARINPAL_RESULT_CODES).map(Number).filter((code) => code < 0), -999];
    expect(codes.length).toBeGreaterThan(30);
    for (const code of codes) {
      const kind = classifyZarinpalCode(code);
      sim.script('verify', { kind: 'code', code });
      const verified = await zp.verify({ authority, amountRial: 737_000n }).catch((error: unknown) => error as PaymentGatewayError);
      if (kind === 'payment') expect(verified, `verify ${code}`).toMatchObject({ status: 'failed', code, reason: reasons[code] ?? 'gateway-error' });
      else expect(verified, `verify ${code}`).toMatchObject({ retryable: true, gatewayCode: code });
      sim.script('request', { kind: 'code', code });
      const requested = await rejection(zp.requestPayment(request));
      expect(requested, `request ${code}`).toMatchObject(kind === 'transient' ? { retryable: true, gatewayCode: code } : { kind: 'rejected', gatewayCode: code });
    }
    expect(classifyZarinpalCode(-999)).toBe('transient');
  });

  it('reads the error envelope as an object or an array, the code as a number or a numeric string', async () => {
    const zp = gateway();
    const { authority } = await zp.requestPayment(request);
    sim.script('verify', { kind: 'envelope', status: 400, body: { data: [], errors: [{ code: '-51', message: 'not paid' }] } });
    expect(await zp.verify({ authority, amountRial: 737_000n })).toMatchObject({ status: 'failed', reason: 'not-paid', code: -51 });
    sim.script('verify', { kind: 'envelope', status: 400, body: { data: {}, errors: { code: '-50', message: 'amount' } } });
    expect(await zp.verify({ authority, amountRial: 737_000n })).toMatchObject({ status: 'failed', reason: 'amount-mismatch', code: -50 });
    sim.script('verify', { kind: 'envelope', status: 200, body: { data: { code: '100', message: 'Paid', ref_id: '201' }, errors: [] } });
    expect(await zp.verify({ authority, amountRial: 737_000n })).toEqual({ status: 'verified', refId: '201', alreadyVerified: false });
    sim.script('request', { kind: 'envelope', status: 400, body: { data: [], errors: [{ code: -10, message: 'terminal' }] } });
    expect(await rejection(zp.requestPayment(request))).toMatchObject({ kind: 'rejected', gatewayCode: -10 });
  });

  it('a 100 or 101 verify without ref_id is verified (the reference is optional)', async () => {
    const zp = gateway();
    const { authority } = await zp.requestPayment(request);
    sim.script('verify', { kind: 'envelope', status: 200, body: { data: { code: 100, message: 'Paid', card_pan: '502229******5995' }, errors: [] } });
    expect(await zp.verify({ authority, amountRial: 737_000n })).toEqual({ status: 'verified', alreadyVerified: false, cardPan: '502229******5995' });
    sim.script('verify', { kind: 'envelope', status: 200, body: { data: { code: 101, message: 'Verified' }, errors: [] } });
    expect(await zp.verify({ authority, amountRial: 737_000n })).toEqual({ status: 'verified', alreadyVerified: true });
  });

  it('refunds are not offered over this API; bad configuration is refused at construction', async () => {
    expect(await rejection(gateway().refund({ authority: 'A1', amountRial: 1_000n, reason: 'x' }))).toMatchObject({ kind: 'unsupported' });
    expect(() => zarinpalGateway({ merchantId: ' ', baseUrl: ZARINPAL_SANDBOX_URL })).toThrow(/merchantId/);
    expect(() => zarinpalGateway({ merchantId, baseUrl: 'not a url' })).toThrow(/baseUrl/);
  });
});
