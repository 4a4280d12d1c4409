/**
 * PostgreSQL goes away under load and comes back. The portal reaches the database through a TCP
 * proxy this test owns; closing the proxy (and cutting every open connection) is the outage. While
 * it lasts, every answer — API and pages — is a 503 with Retry-After, never a 500; once the proxy is
 * back, the same requests succeed again.
 */
import { randomUUID } from 'node:crypto';
import { createServer, connect, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, postgresUrl } from './postgres-url';
import { Browser, signedIn, startTestPortal, type TestPortal } from './support';

/** A TCP proxy to PostgreSQL that can be cut and restored on the same port. */
class DatabaseProxy {
  private server: Server | undefined;
  private readonly sockets = new Set<Socket>();
  constructor(
    readonly port: number,
    private readonly target: { host: string; port: number },
  ) {}

  async open(): Promise<void> {
    if (this.server) return;
    const server = createServer((client) => {
      const upstream = connect(this.target.port, this.target.host);
      for (const s of [client, upstream]) {
        this.sockets.add(s);
        s.on('error', () => {});
        s.on('close', () => this.sockets.delete(s));
      }
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', resolve);
    });
    this.server = server;
  }

  async cut(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    const closed = new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    for (const s of this.sockets) s.destroy();
    await closed;
  }
}

let database: Awaited<ReturnType<typeof postgresUrl>>;
let proxy: DatabaseProxy;
let portal: TestPortal;

beforeAll(async () => {
  database = await postgresUrl();
  const real = new URL(database.url);
  proxy = new DatabaseProxy(await freePort(), { host: real.hostname, port: Number(real.port || 5432) });
  await proxy.open();
  const viaProxy = new URL(database.url);
  viaProxy.hostname = '127.0.0.1';
  viaProxy.port = String(proxy.port);
  portal = await startTestPortal({ databaseUrl: viaProxy.toString(), tenantId: `sci-${randomUUID().slice(0, 8)}`, publicRateLimit: { capacity: 1_000_000, refillMs: 1 } });
}, 120_000);
afterAll(async () => {
  await proxy?.open().catch(() => {});
  await portal?.stop();
  await proxy?.cut();
  await database?.stop();
});

describe('a database outage under load', () => {
  it('answers only 503 with Retry-After while PostgreSQL is unreachable, never 500, and recovers', { timeout: 120_000 }, async () => {
    const citizen = await signedIn(portal.url, 'citizen-maryam');
    const visitor = new Browser(portal.url, '10.3.0.1');
    const requests: (() => Promise<Response>)[] = [
      () => visitor.request('/api/public/incidents'),
      () => visitor.request('/status'),
      () => citizen.request('/orders'),
      () => citizen.request('/api/workflows/information-order/instances?owner=me'),
    ];
    type Phase = 'before' | 'outage' | 'after';
    let phase: Phase = 'before';
    const seen: Record<Phase, Record<number, number>> = { before: {}, outage: {}, after: {} };
    const missingRetryAfter: number[] = [];
    let running = true;
    const worker = async (offset: number) => {
      for (let i = offset; running; i++) {
        const response = await requests[i % requests.length]!();
        await response.arrayBuffer();
        // Counted in the phase the answer arrived in: a request sent just before the cut may fail with it.
        const at = phase;
        seen[at][response.status] = (seen[at][response.status] ?? 0) + 1;
        if (response.status === 503 && !response.headers.get('retry-after')) missingRetryAfter.push(i);
      }
    };
    const workers = [0, 1, 2, 3, 4, 5].map(worker);
    await new Promise((r) => setTimeout(r, 1_000));
    phase = 'outage';
    await proxy.cut();
    await new Promise((r) => setTimeout(r, 3_000));
    await proxy.open();
    // Connections are opened again on demand: a moment for the pool, then measure recovery.
    await new Promise((r) => setTimeout(r, 500));
    phase = 'after';
    await new Promise((r) => setTimeout(r, 1_500));
    running = false;
    await Promise.all(workers);
    process.stdout.write(`storage outage: ${JSON.stringify(seen)}\n`);

    const statuses = (p: Phase) => Object.keys(seen[p]).map(Number);
    expect(statuses('before')).toEqual([200]);
    expect(statuses('outage').every((s) => s === 200 || s === 503), JSON.stringify(seen.outage)).toBe(true);
    expect(seen.outage[503]).toBeGreaterThan(0);
    expect(missingRetryAfter).toEqual([]);
    expect(statuses('after').every((s) => s === 200 || s === 503), JSON.stringify(seen.after)).toBe(true);
    expect(seen.after[200]).toBeGreaterThan(0);
    // And what works afterwards is everything.
    for (const send of requests) expect((await send()).status).toBe(200);
  });
});
