/**
 * Fuzzing the HTTP API with fast-check: generated methods, paths, query strings, headers and
 * bodies (shaped JSON, broken JSON, raw bytes, multipart uploads) against `createHttpHandler`
 * over every shipped workflow. For every request: no 5xx, no throw out of the handler, no
 * unhandled rejection, an error body of a documented type, and a refused request (4xx) writes
 * nothing — the row counts of instances, history, timers, outbox, commands and files are
 * unchanged. The default run is a few thousand cases; `STATDESK_LONG_TESTS=1` runs ten times more.
 * Once more on SQLite (through `@statdesk/storage-mikro-orm`) with its own SQL oracle.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_STATUS } from '../src/error-response';
import { sqliteFiles } from '../../storage-mikro-orm/test/support/sqlite-file';
import { fuzzRequest, toRequest, type FuzzRequest } from './fuzz-requests';
import { shippedDesk, type ShippedDesk } from './shipped-desk';

const LONG = process.env.STATDESK_LONG_TESTS === '1';
const RUNS = { memory: LONG ? 20_000 : 3_000, sqlite: LONG ? 3_000 : 300 };
/** Kept small so oversized bodies are cheap to generate; the limit itself is what is fuzzed. */
const MAX_JSON_BYTES = 64 * 1024;
const ERROR_TYPES = new Set(Object.keys(ERROR_STATUS));

const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);
beforeAll(() => {
  process.on('unhandledRejection', onUnhandled);
});
afterAll(() => {
  process.off('unhandledRejection', onUnhandled);
});

interface Tally {
  cases: number;
  byStatus: Record<number, number>;
}

/** One generated request: answered, never 5xx, and refused requests leave every count as it was. */
async function exercise(world: ShippedDesk, spec: FuzzRequest, tally: Tally): Promise<void> {
  let request: Request;
  try {
    request = toRequest(spec);
  } catch {
    // Not a request a client could send (the Fetch API refuses it): nothing to test.
    return;
  }
  const before = await world.counts();
  const response = await world.handler(request);
  const text = await response.text();
  tally.cases++;
  tally.byStatus[response.status] = (tally.byStatus[response.status] ?? 0) + 1;
  expect(response.status, text).toBeLessThan(500);
  if (response.status >= 400) {
    expect(await world.counts(), `refused with ${response.status} but wrote: ${text}`).toEqual(before);
    if (request.method !== 'HEAD') {
      const body = JSON.parse(text) as { type: string };
      expect(ERROR_TYPES.has(body.type), text).toBe(true);
      expect(ERROR_STATUS[body.type as keyof typeof ERROR_STATUS]).toBe(response.status);
    }
  }
}

async function fuzz(world: ShippedDesk, numRuns: number): Promise<Tally> {
  const tally: Tally = { cases: 0, byStatus: {} };
  await fc.assert(
    fc.asyncProperty(fuzzRequest(world), (spec) => exercise(world, spec, tally)),
    { numRuns, ...(process.env.FUZZ_SEED ? { seed: Number(process.env.FUZZ_SEED) } : {}) },
  );
  expect(world.logger.lines.filter((l) => l.level === 'error'), 'no unexpected error was logged').toEqual([]);
  expect(unhandled).toEqual([]);
  return tally;
}

function report(label: string, tally: Tally): void {
  const statuses = Object.entries(tally.byStatus)
    .map(([status, n]) => `${status}:${n}`)
    .join(' ');
  process.stdout.write(`fuzz ${label}: ${tally.cases} requests (${statuses})\n`);
}

describe('HTTP fuzzing', { timeout: LONG ? 600_000 : 120_000 }, () => {
  it(`on in-memory storage: ${RUNS.memory} generated requests, no 5xx, refused ones write nothing`, async () => {
    const world = await shippedDesk({ handler: { maxJsonBytes: MAX_JSON_BYTES } });
    const tally = await fuzz(world, RUNS.memory);
    report('memory', tally);
    // The generator reaches past the edges: some requests are accepted, most are refused.
    expect(Object.keys(tally.byStatus).some((s) => Number(s) < 300)).toBe(true);
    expect(tally.byStatus[400]).toBeGreaterThan(0);
  });

  it(`on SQLite through MikroORM: ${RUNS.sqlite} generated requests, counted with a SQL oracle`, async () => {
    const storage = await sqliteFiles('http-fuzz').next();
    try {
      const world = await shippedDesk({ storage, handler: { maxJsonBytes: MAX_JSON_BYTES } });
      const tally = await fuzz(world, RUNS.sqlite);
      report('sqlite', tally);
      expect(tally.cases).toBeGreaterThan(RUNS.sqlite / 2);
    } finally {
      await storage.teardown?.();
    }
  });
});

describe('cases the fuzzer found, kept as examples', () => {
  const cursor = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const badCursors = ['!', 'bm90IGpzb24', cursor({}), Buffer.from('[1e999,"x"]').toString('base64url'), cursor([9e15, 'x']), cursor(['2025', 'x'])];

  it.each([
    ['in-memory', false],
    ['SQLite', true],
  ])('a list cursor the storage never returned is a 400 naming `cursor` (%s)', async (_label, onSqlite) => {
    const storage = onSqlite ? await sqliteFiles('http-cursor').next() : undefined;
    try {
      const world = await shippedDesk(storage ? { storage } : {});
      for (const bad of badCursors) {
        const response = await world.handler(
          new Request(`http://portal.test/workflows/incident-portal/instances?cursor=${encodeURIComponent(bad)}`, { headers: { 'x-test-user': 'staff-1:operator' } }),
        );
        expect([bad, response.status]).toEqual([bad, 400]);
        expect(await response.json()).toMatchObject({ type: 'VALIDATION', issues: [expect.objectContaining({ path: 'cursor' })] });
      }
    } finally {
      await storage?.teardown?.();
    }
  });
});
