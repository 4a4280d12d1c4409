/**
 * The routes that need no sign-in, attacked the way a scraper would: every one is rate limited per
 * client (complaint lookup, incident status, downloads, the payment callback); a wrong code and a
 * missing one get the same answer byte for byte; and response times do not tell them apart
 * either — a Mann–Whitney U test on interleaved samples, with a deliberately leaky lookup as the
 * control that shows the same test does catch a leak.
 */
import { complaintWorkflow, fileMessage, generateCode, lookupComplaint } from '@statdesk/core';
import { MemoryFileStore, TestClock, createTestDesk } from '@statdesk/testing';
import { describe, expect, it } from 'vitest';
import { createHttpHandler, type HttpHandler, type HttpHandlerOptions } from '../src';
import { mannWhitneyU } from './mann-whitney';
import { ORIGIN, TENANT, identifyFromHeader, jsonRequest, recordingLogger } from './support';

const LONG = process.env.STATDESK_LONG_TESTS === '1';

async function complaintsPortal(overrides: Partial<HttpHandlerOptions> = {}) {
  const { desk } = createTestDesk({ workflows: [complaintWorkflow()], start: '2025-04-05T05:00:00.000Z' });
  const file = (who: string) =>
    fileMessage(desk, { tenantId: TENANT, actor: { id: who, roles: ['citizen'] }, input: { kind: 'complaint', subject: 'Census tables', body: 'No answer yet.' } });
  const first = await file('citizen-1');
  const second = await file('citizen-2');
  const logger = recordingLogger();
  const handler = createHttpHandler(desk, {
    identify: identifyFromHeader,
    logger,
    publicTenant: TENANT,
    rateLimit: { capacity: 1_000_000, refillMs: 1 },
    complaintLookup: async (codes, context) => {
      const result = await lookupComplaint(desk, { tenantId: context.tenantId, ...codes });
      return result.found ? result.message : null;
    },
    ...overrides,
  });
  return { desk, handler, logger, first, second };
}

const lookup = (trackingCode: string, complaintCode: string, clientAddress = '203.0.113.5'): Parameters<HttpHandler> => [
  jsonRequest('POST', '/public/complaints/lookup', { trackingCode, complaintCode }),
  { clientAddress },
];

async function answerOf(response: Response) {
  return { status: response.status, headers: Object.fromEntries(response.headers), body: await response.text() };
}

describe('public endpoints: rate limits per client', () => {
  it('every public route spends a token per client: over the limit is 429 with Retry-After, and no work is done', async () => {
    const clock = new TestClock();
    const work = { complaintLookup: 0, incidentStatus: 0, downloads: 0, paymentCallback: 0 };
    const { handler } = await complaintsPortal({
      rateLimit: { capacity: 2, refillMs: 30_000, clock },
      complaintLookup: async () => {
        work.complaintLookup++;
        return null;
      },
      incidentStatus: async () => {
        work.incidentStatus++;
        return { incidents: [] };
      },
      downloads: async () => {
        work.downloads++;
        return null;
      },
      paymentCallback: async () => {
        work.paymentCallback++;
        return { redirectTo: '/orders/1' };
      },
      files: new MemoryFileStore(),
    });
    const routes: [keyof typeof work, (ip: string) => Parameters<HttpHandler>][] = [
      ['complaintLookup', (ip) => [jsonRequest('POST', '/public/complaints/lookup', { trackingCode: '1' }), { clientAddress: ip }]],
      ['incidentStatus', (ip) => [new Request(`${ORIGIN}/public/incidents`), { clientAddress: ip }]],
      ['downloads', (ip) => [new Request(`${ORIGIN}/downloads/guess`), { clientAddress: ip }]],
      ['paymentCallback', (ip) => [new Request(`${ORIGIN}/payments/callback/zarinpal?Authority=A1&Status=OK`), { clientAddress: ip }]],
    ];
    for (const [index, [name, request]] of routes.entries()) {
      const [client, otherClient] = [`198.51.100.${index + 1}`, `192.0.2.${index + 1}`];
      const before = work[name];
      expect((await handler(...request(client))).status, name).not.toBe(429);
      expect((await handler(...request(client))).status, name).not.toBe(429);
      const limited = await handler(...request(client));
      expect([name, limited.status, limited.headers.get('retry-after')]).toEqual([name, 429, '30']);
      expect(await limited.json()).toMatchObject({ type: 'RATE_LIMITED' });
      // The refused request did no work, and another client still gets through.
      expect(work[name] - before, name).toBe(2);
      expect((await handler(...request(otherClient))).status, name).not.toBe(429);
    }
  });

  it('a malformed lookup costs a token too, so guessing formats is no way around the limit', async () => {
    const { handler } = await complaintsPortal({ rateLimit: { capacity: 3, refillMs: 60_000 } });
    const ask = (body: unknown) => handler(jsonRequest('POST', '/public/complaints/lookup', body), { clientAddress: '203.0.113.77' });
    expect((await ask({})).status).toBe(400);
    expect((await ask({ trackingCode: 'x'.repeat(100) })).status).toBe(400);
    expect((await ask('not an object')).status).toBe(400);
    expect((await ask({ trackingCode: '1' })).status).toBe(429);
  });
});

describe('public endpoints: wrong and missing look the same', () => {
  it('a wrong complaint code, a wrong tracking code and codes of nothing get one answer: status, headers and body', async () => {
    const { handler, first, second } = await complaintsPortal();
    const found = await handler(...lookup(first.trackingCode, first.complaintCode!));
    expect(found.status).toBe(200);
    const answers = [
      await handler(...lookup(first.trackingCode, second.complaintCode!)),
      await handler(...lookup(second.trackingCode, first.complaintCode!)),
      await handler(...lookup(generateCode(12), generateCode(8))),
      await handler(...lookup(generateCode(12), first.complaintCode!)),
    ];
    const [reference, ...others] = await Promise.all(answers.map(answerOf));
    expect(reference!.status).toBe(404);
    for (const other of others) expect(other).toEqual(reference);
  });
});

/** Response times (ns) of `request()` for each named case, sampled in a fresh random order each round. */
async function sampleTimes(handler: HttpHandler, cases: Record<string, () => Parameters<HttpHandler>>, rounds: number) {
  const names = Object.keys(cases);
  const times: Record<string, number[]> = Object.fromEntries(names.map((n) => [n, []]));
  for (let round = 0; round < rounds; round++) {
    const order = [...names].sort(() => Math.random() - 0.5);
    for (const name of order) {
      const args = cases[name]!();
      const start = process.hrtime.bigint();
      const response = await handler(...args);
      await response.arrayBuffer();
      times[name]!.push(Number(process.hrtime.bigint() - start));
    }
  }
  return times;
}

const ALPHA = 0.001;

/**
 * Compares wrong-code and missing-code lookups; a difference at `ALPHA` is measured once more on
 * fresh samples (a real leak shows both times, a noisy moment rarely twice: about 1 in 10⁶).
 * Each pair differs only in whether its fixed half is real: the other half is fresh every time
 * in both, so caches and string interning treat both alike.
 */
async function timingVerdict(handler: HttpHandler, codes: { trackingCode: string; complaintCode: string }, rounds: number) {
  const [absentTracking, absentComplaint] = [generateCode(12), generateCode(8)];
  const cases = {
    wrongComplaintCode: () => lookup(codes.trackingCode, generateCode(8)),
    missingTrackingCode: () => lookup(absentTracking, generateCode(8)),
    wrongTrackingCode: () => lookup(generateCode(12), codes.complaintCode),
    missingComplaintCode: () => lookup(generateCode(12), absentComplaint),
  };
  // Warm up the JIT and caches on every path first.
  await sampleTimes(handler, cases, 200);
  const results: { attempt: number; pair: string; p: number; effect: number }[] = [];
  for (let attempt = 1; attempt <= 2; attempt++) {
    const times = await sampleTimes(handler, cases, rounds);
    const pairs = {
      'real tracking code, wrong complaint code vs no such tracking code': mannWhitneyU(times.wrongComplaintCode!, times.missingTrackingCode!),
      'real complaint code, wrong tracking code vs no such complaint code': mannWhitneyU(times.wrongTrackingCode!, times.missingComplaintCode!),
    };
    for (const [pair, r] of Object.entries(pairs)) results.push({ attempt, pair, p: r.p, effect: r.effect });
    if (Object.values(pairs).every((r) => r.p >= ALPHA)) return { leaks: false, results };
  }
  return { leaks: true, results };
}

describe('public endpoints: no enumeration through timing', { timeout: 180_000 }, () => {
  const rounds = LONG ? 5_000 : 1_500;

  it(`wrong-code and missing-code lookups take indistinguishable time (Mann–Whitney U, ${rounds} interleaved samples each, α = ${ALPHA})`, async () => {
    const { handler, logger, first } = await complaintsPortal();
    const verdict = await timingVerdict(handler, { trackingCode: first.trackingCode, complaintCode: first.complaintCode! }, rounds);
    process.stdout.write(`timing (constant-time lookup): ${JSON.stringify(verdict.results)}\n`);
    expect(verdict.leaks, JSON.stringify(verdict.results)).toBe(false);
    expect(logger.lines).toEqual([]);
  });

  it('control: the same test catches a lookup that leaks (finds the tracking code first, then compares)', async () => {
    const base = await complaintsPortal();
    // The naive lookup this workflow avoids: a real tracking code costs a load that a wrong one does not.
    const leaky = createHttpHandler(base.desk, {
      identify: identifyFromHeader,
      publicTenant: TENANT,
      rateLimit: { capacity: 1_000_000, refillMs: 1 },
      complaintLookup: async ({ trackingCode, complaintCode }, context) => {
        const [ref] = await base.desk.findByKey(context.tenantId, 'complaint.tracking-code', trackingCode);
        if (!ref) return null;
        const view = await base.desk.get(ref, { id: 'lookup', roles: ['system'] });
        return (view.data as { complaintCode: string }).complaintCode === complaintCode ? { state: view.state } : null;
      },
    });
    const verdict = await timingVerdict(leaky, { trackingCode: base.first.trackingCode, complaintCode: base.first.complaintCode! }, rounds);
    process.stdout.write(`timing (leaky control): ${JSON.stringify(verdict.results)}\n`);
    expect(verdict.leaks, JSON.stringify(verdict.results)).toBe(true);
  });
});
