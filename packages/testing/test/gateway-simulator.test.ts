/**
 * The gateway simulator answers as Zarinpal's v4 API does, on the wire: IRT amounts converted
 * the same way on request, verify and `unVerified`, `metadata` and the description validated,
 * fees calculated, reversal refused for unverified payments and outside 30 minutes of payment.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startGatewaySimulator, type GatewaySimulator } from '../src';

const merchantId = '1344b5d4-0048-11e8-94db-005056a205be';
let sim: GatewaySimulator;
let clock = 0;

beforeEach(async () => {
  clock = Date.parse('2025-04-12T06:00:00Z');
  sim = await startGatewaySimulator({ merchantId, now: () => clock });
});
afterEach(() => sim.close());

async function post(endpoint: string, body: Record<string, unknown>) {
  const response = await fetch(`${sim.baseUrl}/pg/v4/payment/${endpoint}.json`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ merchant_id: merchantId, ...body }),
  });
  return { status: response.status, body: (await response.json()) as { data: Record<string, unknown>; errors: Record<string, unknown> | unknown[] } };
}

const order = { description: 'Order SO-1', callback_url: 'https://portal.example.ir/cb' };

describe('gateway simulator fidelity', () => {
  it('an IRT payment is kept in Rial and verified and listed in Toman, as it was requested', async () => {
    const requested = await post('request', { ...order, amount: 73_700, currency: 'IRT' });
    const authority = String(requested.body.data.authority);
    expect(sim.payment(authority)).toMatchObject({ amountRial: 737_000n, currency: 'IRT' });
    sim.pay(authority);
    const listed = await post('unVerified', {});
    expect(listed.body.data.authorities).toEqual([expect.objectContaining({ authority, amount: 73_700 })]);
    expect((await post('verify', { authority, amount: 737_000 })).body.errors).toMatchObject({ code: -50 });
    expect((await post('verify', { authority, amount: 73_700 })).body.data).toMatchObject({ code: 100 });
  });

  it('validates metadata, the description limit and the currency with −9 and the field named', async () => {
    const bad = await post('request', { ...order, amount: 10_000, metadata: { mobile: '12345', email: 'nobody', order_id: 7 } });
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toMatchObject({
      code: -9,
      validations: expect.arrayContaining([{ 'metadata.mobile': expect.any(String) }, { 'metadata.email': expect.any(String) }, { 'metadata.order_id': expect.any(String) }]),
    });
    const long = await post('request', { ...order, description: 'x'.repeat(501), amount: 10_000 });
    expect(long.body.errors).toMatchObject({ code: -9, validations: [{ description: expect.stringContaining('500') }] });
    expect((await post('request', { ...order, amount: 10_000, currency: 'USD' })).body.errors).toMatchObject({ code: -9 });
    expect((await post('request', { ...order, description: 'x'.repeat(500), amount: 10_000, metadata: { mobile: '09121234567', email: 'a@b.ir' } })).body.data).toMatchObject({ code: 100 });
  });

  it('serves feeCalculation.json', async () => {
    expect((await post('feeCalculation', { amount: 50_000, currency: 'IRR' })).body.data).toEqual({ code: 100, message: 'Success', amount: 50_000, fee: 0, fee_type: 'Merchant', suggested_amount: 50_000 });
    expect((await post('feeCalculation', { amount: -1 })).body.errors).toMatchObject({ code: -9 });
  });

  it('reverse: −61 before verification, −63 past 30 minutes from the payment, 100 inside it', async () => {
    const a = String((await post('request', { ...order, amount: 10_000 })).body.data.authority);
    sim.pay(a);
    expect((await post('reverse', { authority: a })).body.errors).toMatchObject({ code: -61 });
    await post('verify', { authority: a, amount: 10_000 });
    clock += 30 * 60_000;
    expect((await post('reverse', { authority: a })).body.data).toMatchObject({ code: 100 });
    const b = String((await post('request', { ...order, amount: 10_000 })).body.data.authority);
    sim.pay(b);
    clock += 30 * 60_000 + 1;
    await post('verify', { authority: b, amount: 10_000 });
    expect((await post('reverse', { authority: b })).body.errors).toMatchObject({ code: -63 });
  });
});
