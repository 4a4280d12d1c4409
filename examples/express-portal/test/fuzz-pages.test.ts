/**
 * The portal's own pages fuzzed through the real portal (Express, PostgreSQL): generated page
 * requests — every page route with hostile path segments and query parameters, form posts with
 * hostile fields (NUL bytes, lone surrogates, Object.prototype names, huge values), foreign
 * charsets, content encodings and media types, with and without a session and its CSRF token.
 * For every request: no 5xx, and a refused one (4xx) writes no row. Nothing reaches the process as
 * an unhandled error. `STATDESK_LONG_TESTS=1` sends ten times more.
 */
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postgresUrl } from './postgres-url';
import { Browser, signedIn, startTestPortal, type TestPortal } from './support';

const LONG = process.env.STATDESK_LONG_TESTS === '1';
const RUNS = LONG ? 3_000 : 250;

const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);

let database: Awaited<ReturnType<typeof postgresUrl>>;
let portal: TestPortal;
let client: pg.Client;
let citizen: Browser;
let visitor: Browser;

beforeAll(async () => {
  process.on('unhandledRejection', onUnhandled);
  process.on('uncaughtException', onUnhandled);
  database = await postgresUrl();
  // The worker loop stays idle, so every row written during a case is that request's.
  portal = await startTestPortal({ databaseUrl: database.url, tenantId: `sci-${randomUUID().slice(0, 8)}`, pollIntervalMs: 3_600_000, publicRateLimit: { capacity: 1_000_000, refillMs: 1 } });
  client = new pg.Client({ connectionString: database.url });
  await client.connect();
  citizen = await signedIn(portal.url, 'citizen-maryam');
  visitor = new Browser(portal.url, '10.4.0.1');
  await visitor.page('/login');
}, 120_000);
afterAll(async () => {
  process.off('unhandledRejection', onUnhandled);
  process.off('uncaughtException', onUnhandled);
  await client?.end();
  await portal?.stop();
  await database?.stop();
});

async function counts(): Promise<string> {
  const tables = ['statdesk_instances', 'statdesk_history', 'statdesk_outbox', 'statdesk_timers', 'statdesk_commands', 'statdesk_profiles'];
  const out: Record<string, number> = {};
  for (const table of tables) out[table] = Number((await client.query(`SELECT count(*) AS n FROM ${table} WHERE tenant_id = $1`, [portal.tenantId])).rows[0].n);
  return JSON.stringify(out);
}

const hostile = fc.constantFrom('', 'a\u0000b', '\ud800', 'x'.repeat(70_000), '__proto__', 'constructor', 'toString', '../../etc/passwd', '<script>alert(1)</script>', '۱۲۳', '0012345679', '09121234567');
const text = fc.oneof(fc.string({ maxLength: 30 }), hostile);
const segment = fc.oneof(fc.constantFrom('x', 'IO-1', '1'), text.map((t) => {
  try {
    return encodeURIComponent(t.slice(0, 200));
  } catch {
    return '%ED%A0%80';
  }
}), fc.constantFrom('%00', '%', '%E0%A4%A', 'a%2Fb'));
const path = fc.oneof(
  fc.constantFrom('/', '/login', '/register', '/logout', '/orders', '/complaints', '/complaints/lookup', '/shop', '/shop/orders', '/status', '/staff', '/staff/incidents'),
  segment.map((s) => `/orders/${s}`),
  segment.map((s) => `/complaints/${s}`),
  segment.map((s) => `/shop/orders/${s}`),
  segment.map((s) => `/shop/orders/${s}/pay`),
  segment.map((s) => `/demo-bank/${s}`),
  segment.map((s) => `/instances/${s}/act`),
  segment.map((s) => `/staff/incidents/${s}`),
);
const fields = fc.dictionary(fc.oneof(fc.constantFrom('subject', 'description', 'type', 'fullName', 'nationalId', 'mobile', 'email', 'user', 'trackingCode', 'complaintCode', 'kind', 'body', 'outcome', 'reason'), text), text, { maxKeys: 6 });
const pageRequest = fc.record({
  method: fc.constantFrom('GET', 'POST', 'POST', 'PUT'),
  path,
  query: fc.array(fc.tuple(fc.constantFrom('lang', 'q', 'state', 'x'), text), { maxLength: 2 }),
  who: fc.constantFrom('citizen', 'visitor'),
  fields,
  csrf: fc.constantFrom('valid', 'valid', 'missing', 'wrong'),
  contentType: fc.constantFrom(
    'application/x-www-form-urlencoded',
    'application/x-www-form-urlencoded',
    'application/x-www-form-urlencoded; charset=utf-8',
    'application/x-www-form-urlencoded; charset=klingon',
    'application/json',
    'text/plain',
    'multipart/form-data; boundary=x',
  ),
  encoding: fc.constantFrom('', '', '', 'gzip', 'x-bogus'),
});

describe('portal pages under generated hostile requests (PostgreSQL)', () => {
  it(`${RUNS} requests: no 5xx, refused ones write nothing, nothing unhandled`, { timeout: LONG ? 1_800_000 : 300_000 }, async () => {
    const tally: Record<number, number> = {};
    await fc.assert(
      fc.asyncProperty(pageRequest, async (spec) => {
        const browser = spec.who === 'citizen' ? citizen : visitor;
        const url = new URL(spec.path, portal.url);
        for (const [k, v] of spec.query) url.searchParams.append(k, v);
        const form = new URLSearchParams();
        for (const [k, v] of Object.entries(spec.fields)) form.append(k, v);
        if (spec.csrf !== 'missing') form.set('_csrf', spec.csrf === 'valid' ? browser.csrf : 'forged');
        const headers: Record<string, string> = { 'content-type': spec.contentType };
        if (spec.encoding) headers['content-encoding'] = spec.encoding;
        const before = await counts();
        let response: Response;
        try {
          response = await browser.request(url.toString(), spec.method === 'GET' ? {} : { method: spec.method, body: form.toString(), headers });
        } catch {
          return; // Not something fetch will send.
        }
        const body = await response.text();
        tally[response.status] = (tally[response.status] ?? 0) + 1;
        expect(response.status, `${spec.method} ${url.pathname}: ${body.slice(0, 300)}`).toBeLessThan(500);
        if (response.status >= 400) expect(await counts(), `${spec.method} ${url.pathname} refused with ${response.status} but wrote`).toBe(before);
      }),
      { numRuns: RUNS, ...(process.env.FUZZ_SEED ? { seed: Number(process.env.FUZZ_SEED) } : {}) },
    );
    process.stdout.write(`fuzz portal pages: ${Object.entries(tally).map(([s, n]) => `${s}:${n}`).join(' ')}\n`);
    expect(unhandled).toEqual([]);
    expect(tally[400]).toBeGreaterThan(0);
    // The portal still serves its pages afterwards (to a fresh session: the fuzzer may have signed out).
    expect((await (await signedIn(portal.url, 'citizen-maryam')).page('/orders')).status).toBe(200);
    expect(Object.keys(tally).some((s) => Number(s) < 400)).toBe(true);
  });
});
