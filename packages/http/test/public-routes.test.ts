import { describe, expect, it } from 'vitest';
import { TestClock } from '@statdesk/testing';
import { ORIGIN, TENANT, jsonRequest, setup } from './support';

describe('public routes', () => {
  it('looks a complaint up by both codes and answers one 404 for any wrong pair', async () => {
    const seen: unknown[] = [];
    const { handler } = setup({
      publicTenant: TENANT,
      complaintLookup: async (body, context) => {
        seen.push({ body, tenantId: context.tenantId, clientKey: context.clientKey });
        return body.trackingCode === '1234567890' && body.complaintCode === '111' ? { state: 'underReview' } : null;
      },
    });
    const found = await handler(jsonRequest('POST', '/public/complaints/lookup', { trackingCode: '1234567890', complaintCode: '111' }), { clientAddress: '10.0.0.9' });
    expect(found.status).toBe(200);
    expect(await found.json()).toEqual({ state: 'underReview' });
    expect(seen[0]).toEqual({ body: { trackingCode: '1234567890', complaintCode: '111' }, tenantId: TENANT, clientKey: '10.0.0.9' });

    const wrong = await handler(jsonRequest('POST', '/public/complaints/lookup', { trackingCode: '1234567890', complaintCode: '222' }));
    expect(wrong.status).toBe(404);
    expect(await wrong.json()).toMatchObject({ type: 'NOT_FOUND' });

    const invalid = await handler(jsonRequest('POST', '/public/complaints/lookup', { complaintCode: '1', extra: true }));
    expect(invalid.status).toBe(400);
    // The missing code and the unexpected field are each named.
    expect(((await invalid.json()) as { issues: { path: string }[] }).issues.map((i) => i.path).sort()).toEqual(['extra', 'trackingCode']);
  });

  it('rate limits a client with 429 and Retry-After, and lets it back in when the bucket refills', async () => {
    const clock = new TestClock();
    let lookups = 0;
    const { handler } = setup({
      publicTenant: TENANT,
      rateLimit: { capacity: 3, refillMs: 10_000, clock },
      complaintLookup: async () => {
        lookups++;
        return null;
      },
    });
    const ask = (ip: string) => handler(jsonRequest('POST', '/public/complaints/lookup', { trackingCode: '1' }), { clientAddress: ip });
    for (let i = 0; i < 3; i++) expect((await ask('198.51.100.7')).status).toBe(404);
    const limited = await ask('198.51.100.7');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('10');
    expect(await limited.json()).toMatchObject({ type: 'RATE_LIMITED' });
    // The limited request did no work.
    expect(lookups).toBe(3);
    // Another client has its own bucket.
    expect((await ask('198.51.100.8')).status).toBe(404);
    clock.advance(10_000);
    expect((await ask('198.51.100.7')).status).toBe(404);
    expect((await ask('198.51.100.7')).status).toBe(429);
  });

  it('keys the limiter by the portal-supplied clientKey', async () => {
    const { handler } = setup({
      publicTenant: TENANT,
      rateLimit: { capacity: 1, refillMs: 60_000 },
      clientKey: (request) => request.headers.get('x-session') ?? 'none',
      incidentStatus: async () => ({ incidents: [] }),
    });
    const as = (session: string) => handler(new Request(`${ORIGIN}/public/incidents`, { headers: { 'x-session': session } }));
    expect((await as('a')).status).toBe(200);
    expect((await as('a')).status).toBe(429);
    expect((await as('b')).status).toBe(200);
  });

  it('serves incident status without login', async () => {
    const { handler } = setup({ publicTenant: () => 'tenant-x', incidentStatus: async (context) => ({ tenant: context.tenantId, since: new Date('2025-01-01T00:00:00Z') }) });
    const response = await handler(new Request(`${ORIGIN}/public/incidents`));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ tenant: 'tenant-x', since: '2025-01-01T00:00:00.000Z' });
  });

  it('answers 404 for public routes the portal did not configure', async () => {
    const { handler } = setup();
    expect((await handler(new Request(`${ORIGIN}/public/incidents`))).status).toBe(404);
    expect((await handler(jsonRequest('POST', '/public/complaints/lookup', { trackingCode: '1' }))).status).toBe(404);
    expect((await handler(new Request(`${ORIGIN}/payments/callback/zarinpal?Authority=A&Status=OK`))).status).toBe(404);
  });

  it('refuses pluggable public routes without a public tenant', () => {
    expect(() => setup({ incidentStatus: async () => [] })).toThrow(/publicTenant/);
  });
});

describe('payment callback', () => {
  it('hands the gateway and query to the portal and redirects the browser (303)', async () => {
    const calls: { gateway: string; authority: string | null; tenantId: string }[] = [];
    const { handler } = setup({
      publicTenant: TENANT,
      paymentCallback: async ({ gateway, query }, context) => {
        calls.push({ gateway, authority: query.get('Authority'), tenantId: context.tenantId });
        return { redirectTo: '/orders/o-1?paid=1' };
      },
    });
    const response = await handler(new Request(`${ORIGIN}/payments/callback/zarinpal?Authority=A000123&Status=OK`));
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/orders/o-1?paid=1');
    expect(calls).toEqual([{ gateway: 'zarinpal', authority: 'A000123', tenantId: TENANT }]);
  });

  it('never redirects to another site', async () => {
    const { handler, logger } = setup({
      publicTenant: TENANT,
      redirectOrigins: ['https://shop.example'],
      paymentCallback: async ({ query }) => ({ redirectTo: query.get('next')! }),
    });
    const go = (next: string) => handler(new Request(`${ORIGIN}/payments/callback/zarinpal?Authority=A&Status=OK&next=${encodeURIComponent(next)}`));
    expect((await go('https://shop.example/done')).headers.get('location')).toBe('https://shop.example/done');
    expect((await go(`${ORIGIN}/done`)).status).toBe(303);
    for (const evil of ['https://evil.example/', '//evil.example/x', 'javascript:alert(1)']) {
      const response = await go(evil);
      expect(response.status, evil).toBe(500);
      expect(response.headers.get('location')).toBeNull();
    }
    expect(logger.lines).toHaveLength(3);
  });
});
