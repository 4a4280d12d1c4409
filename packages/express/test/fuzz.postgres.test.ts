/**
 * The HTTP fuzzer through a real Express server on PostgreSQL: the generated requests of
 * `packages/http/test/fuzz-requests.ts` (every route, every workflow's events and the names of
 * `Object.prototype` members, deep and huge bodies, non-finite numbers, NUL bytes and lone
 * surrogates, foreign charsets and encodings) sent over the network to `statdeskRouter` over every
 * shipped workflow on `@statdesk/storage-mikro-orm`. For every request: no 5xx, a typed error body,
 * and a refused request writes no row (counted in PostgreSQL with SQL, and in the file store).
 * Nothing may reach the process as an unhandled rejection or exception. The default run is small;
 * `STATDESK_LONG_TESTS=1` sends 10,000.
 */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import express from 'express';
import fc from 'fast-check';
import pg from 'pg';
import { mikroOrmStorage, type MikroOrmStorage } from '@statdesk/storage-mikro-orm';
import { ERROR_STATUS } from '@statdesk/http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { statdeskRouter } from '../src';
import { fuzzRequest, toRequest, type FuzzRequest } from '../../http/test/fuzz-requests';
import { shippedDesk, type ShippedDesk } from '../../http/test/shipped-desk';
import { identifyFromHeader, ORIGIN } from '../../http/test/support';
import { numbered, sqlOracle } from '../../storage-mikro-orm/test/support/oracle';
import { postgresUrl } from '../../../examples/express-portal/test/postgres-url';

const LONG = process.env.STATDESK_LONG_TESTS === '1';
const RUNS = LONG ? 10_000 : 400;
const ERROR_TYPES = new Set(Object.keys(ERROR_STATUS));
const MOUNT = '/api';

const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);

let database: Awaited<ReturnType<typeof postgresUrl>>;
let client: pg.Client;
let storage: MikroOrmStorage;
let schema: string;
let world: ShippedDesk;
let server: Server;
let base: string;

beforeAll(async () => {
  process.on('unhandledRejection', onUnhandled);
  process.on('uncaughtException', onUnhandled);
  database = await postgresUrl();
  schema = `fuzz_express_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  client = new pg.Client({ connectionString: database.url, options: `-c search_path=${schema}` });
  await client.connect();
  await client.query(`CREATE SCHEMA ${schema}`);
  storage = await mikroOrmStorage({ driver: 'postgresql', clientUrl: database.url, schema, migrate: true, settings: { synchronous_commit: 'off' } });
  const oracle = sqlOracle(async (sql, params) => (await client.query(numbered(sql), params)).rows);
  world = await shippedDesk({ storage: { storage, oracle }, handler: { maxJsonBytes: 64 * 1024 } });
  const { identify: _header, clientKey: _key, basePath: _base, publicTenant, ...options } = world.handlerOptions;
  const app = express();
  app.use(
    MOUNT,
    statdeskRouter(world.desk, {
      ...options,
      ...(typeof publicTenant === 'string' ? { publicTenant } : {}),
      // The same header login as the in-process fuzzer, read from the Express request.
      identify: (req) => identifyFromHeader({ headers: { get: (name: string) => req.get(name) ?? null } } as unknown as Request),
    }),
  );
  server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}${MOUNT}`;
}, 120_000);

afterAll(async () => {
  process.off('unhandledRejection', onUnhandled);
  process.off('uncaughtException', onUnhandled);
  await new Promise<void>((resolve) => {
    if (!server) return resolve();
    server.closeAllConnections();
    server.close(() => resolve());
  });
  await storage?.close();
  await client?.query(`DROP SCHEMA ${schema} CASCADE`).catch(() => {});
  await client?.end();
  await database?.stop();
});

/** The generated request, sent over the network (a body the Fetch API cannot send is skipped). */
async function send(spec: FuzzRequest): Promise<Response | undefined> {
  let request: Request;
  try {
    request = toRequest(spec);
  } catch {
    return undefined;
  }
  const headers = new Headers(request.headers);
  // The client computes these; a made-up length would only break the client's own framing.
  headers.delete('content-length');
  const body = request.body ? new Uint8Array(await request.arrayBuffer()) : undefined;
  try {
    return await fetch(`${base}${request.url.slice(ORIGIN.length)}`, { method: request.method, headers, ...(body ? { body } : {}), redirect: 'manual' });
  } catch {
    // Refused by the client itself (a method or header fetch will not send): nothing reached the server.
    return undefined;
  }
}

describe('HTTP fuzzing through Express on PostgreSQL', () => {
  it(`${RUNS} generated requests: no 5xx, typed errors, refused ones write nothing, nothing unhandled`, { timeout: LONG ? 3_600_000 : 300_000 }, async () => {
    const tally: Record<number, number> = {};
    let sent = 0;
    await fc.assert(
      fc.asyncProperty(fuzzRequest(world), async (spec) => {
        const before = await world.counts();
        const response = await send(spec);
        if (!response) return;
        const text = await response.text();
        sent++;
        tally[response.status] = (tally[response.status] ?? 0) + 1;
        expect(response.status, text).toBeLessThan(500);
        if (response.status >= 400) {
          expect(await world.counts(), `refused with ${response.status} but wrote: ${text}`).toEqual(before);
          if (spec.method !== 'HEAD' && (response.headers.get('content-type') ?? '').startsWith('application/json')) {
            const body = JSON.parse(text) as { type: string };
            expect(ERROR_TYPES.has(body.type), text).toBe(true);
            expect(ERROR_STATUS[body.type as keyof typeof ERROR_STATUS]).toBe(response.status);
          }
        }
      }),
      { numRuns: RUNS, ...(process.env.FUZZ_SEED ? { seed: Number(process.env.FUZZ_SEED) } : {}) },
    );
    process.stdout.write(`fuzz express+postgresql: ${sent} requests (${Object.entries(tally).map(([s, n]) => `${s}:${n}`).join(' ')})\n`);
    expect(world.logger.lines.filter((l) => l.level === 'error'), 'no unexpected error was logged').toEqual([]);
    expect(unhandled).toEqual([]);
    expect(sent).toBeGreaterThan(RUNS * 0.9);
    expect(Object.keys(tally).some((s) => Number(s) < 300)).toBe(true);
  });
});
