/**
 * Two real portal servers (two Express apps, two desks) on one PostgreSQL database share one public
 * budget per client: requests spread over both get their 429 at exactly the count one server alone
 * gives, on the API's public routes and on registration alike.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postgresUrl } from './postgres-url';
import { Browser, startTestPortal, type TestPortal } from './support';

const CAPACITY = 6;
let database: Awaited<ReturnType<typeof postgresUrl>>;
let first: TestPortal;
let second: TestPortal;

beforeAll(async () => {
  database = await postgresUrl();
  // One deployment: one database, one profile key, one session secret.
  const options = {
    databaseUrl: database.url,
    tenantId: `sci-${randomUUID().slice(0, 8)}`,
    profileEncryptionKey: randomBytes(32).toString('base64'),
    sessionSecret: randomBytes(32).toString('base64url'),
    publicRateLimit: { capacity: CAPACITY, refillMs: 600_000 },
    // Only the limits are under test: the worker loops stay idle.
    pollIntervalMs: 3_600_000,
  };
  first = await startTestPortal(options);
  second = await startTestPortal(options);
}, 120_000);
afterAll(async () => {
  await second?.stop();
  await first?.stop();
  await database?.stop();
});

/** The 1-based number of the first request answered 429, sending `n` requests round-robin over `servers`. */
async function firstRefusal(servers: TestPortal[], client: string, send: (browser: Browser) => Promise<Response>, n = CAPACITY + 4): Promise<number | undefined> {
  const browsers = servers.map((s) => new Browser(s.url, client));
  for (const b of browsers) await b.page('/login');
  for (let i = 0; i < n; i++) {
    const response = await send(browsers[i % browsers.length]!);
    await response.arrayBuffer();
    if (response.status === 429) {
      expect(response.headers.get('retry-after')).toMatch(/^\d+$/);
      return i + 1;
    }
  }
  return undefined;
}

describe('public limits shared by two servers on one database', () => {
  it('the public incident status: 429 at the same count over two servers as on one', async () => {
    const incidents = (b: Browser) => b.request('/api/public/incidents');
    const alone = await firstRefusal([first], '10.1.0.1', incidents);
    const spread = await firstRefusal([first, second], '10.1.0.2', incidents);
    expect(alone).toBe(CAPACITY + 1);
    expect(spread).toBe(alone);
  });

  it('registration: 429 at the same count over two servers as on one', async () => {
    const register = (b: Browser) => b.form('/register', { fullName: 'کسی', nationalId: '1234567890', mobile: '0912' });
    const alone = await firstRefusal([second], '10.2.0.1', register);
    const spread = await firstRefusal([second, first], '10.2.0.2', register);
    expect(alone).toBe(CAPACITY + 1);
    expect(spread).toBe(alone);
  });
});
