/**
 * The file-store conformance suite: what every `FileStore` adapter must do, as named tests. Run
 * it from your adapter's test file:
 *
 *   describeFileStoreConformance({
 *     name: 'my-adapter',
 *     setup: async () => ({ store, oracle, teardown }),
 *   });
 *
 * The optional oracle looks at the backend directly (not through the adapter under test), so a
 * test can see that a failed upload really left nothing behind — no object, no temp file. A test
 * can be disabled only with a written reason.
 */
import { createHash } from 'node:crypto';
import { describe, expect } from 'vitest';
import { namedTest } from './named-test';
import { ValidationError, type FileStore, type StoredFile } from '@statdesk/core';

type Awaitable<T> = T | Promise<T>;

/** Reads the file store's backend directly, so the suite can check bytes and leftovers. */
export interface FileStoreOracle {
  /** The bytes the backend holds for this file, read without the adapter. */
  bytes(tenantId: string, key: string): Awaitable<Uint8Array | undefined>;
  /**
   * Names of everything the backend holds (files, temp files, rows…), in any order. Two calls
   * with nothing written in between return the same set.
   */
  artefacts(): Awaitable<string[]>;
}

/** The file store to test, with its oracle and clean-up. */
export interface FileStoreUnderTest {
  /** The adapter under test. */
  store: FileStore;
  /** Direct reads of its backend; the checks that need one are skipped without it. */
  oracle?: FileStoreOracle;
  /** Called once the test is done. */
  teardown?: () => Promise<void>;
}

/** The names of the file-store conformance tests, in order. */
export const fileStoreConformanceTests = [
  'put then get returns the same bytes',
  'put accepts an async iterable of chunks',
  'streams a large multi-chunk file',
  'reports size and sha256 of exactly the stored bytes',
  'keeps the content type',
  'put on an existing key replaces it',
  'stat describes the file',
  'delete removes the file and is idempotent',
  'a missing key reads as undefined',
  'tenants are isolated',
  'keys are exact: case-sensitive, any Unicode',
  'maxBytes exceeded: typed error, nothing stored',
  'a failing input stream leaves nothing behind',
  'concurrent puts to one key store exactly one of them, complete',
  'rejects keys that could escape their place',
  'rejects invalid put options and non-byte chunks',
  'get returns a fresh stream each time',
  'a read in progress survives a replace or delete',
  'does not keep the caller\'s buffers',
  'returns copies, not live references',
  'lists files by prefix in key order, paginated',
] as const;

/** The name of one file-store conformance test. */
export type FileStoreConformanceTest = (typeof fileStoreConformanceTests)[number];

/** Options of {@link describeFileStoreConformance}. */
export interface FileStoreConformanceOptions {
  /** Label of the `describe` block, e.g. the adapter's name. */
  name: string;
  /** A fresh, empty store for each test. */
  setup: () => Promise<FileStoreUnderTest>;
  /** Tests this adapter cannot pass yet, each with the reason. */
  disable?: Partial<Record<FileStoreConformanceTest, string>>;
}

const T = 'tenant-a';
const PDF = 'application/pdf';
const encoder = new TextEncoder();

const hex = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const text = (value: string) => encoder.encode(value);

/** Deterministic pseudo-random bytes, so a mix-up of two files is always visible. */
function patterned(size: number, seed: number): Uint8Array {
  const out = new Uint8Array(size);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < size; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}

/** Streams `bytes` in chunks of `chunkSize`, yielding to the event loop between chunks. */
async function* chunked(bytes: Uint8Array, chunkSize: number, pause = false): AsyncGenerator<Uint8Array> {
  for (let offset = 0; offset < bytes.byteLength; offset += chunkSize) {
    if (pause) await new Promise((r) => setImmediate(r));
    yield bytes.slice(offset, offset + chunkSize);
  }
}

/** Streams some bytes, then fails the way a dropped upload connection does. */
async function* failingAfter(bytes: Uint8Array, chunkSize: number): AsyncGenerator<Uint8Array> {
  yield* chunked(bytes, chunkSize, true);
  throw new Error('connection reset by client');
}

async function readAll(content: AsyncIterable<Uint8Array>): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  for await (const chunk of content) parts.push(chunk.slice());
  return concat(parts);
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.byteLength, 0));
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.byteLength;
  }
  return out;
}

async function readBack(store: FileStore, tenantId: string, key: string): Promise<{ file: StoredFile; bytes: Uint8Array } | undefined> {
  const found = await store.get(tenantId, key);
  return found && { file: found.file, bytes: await readAll(found.content) };
}

async function expectValidation(promise: Promise<unknown>, field: string): Promise<ValidationError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error, `expected a ValidationError naming ${field}`).toBeInstanceOf(ValidationError);
  expect((error as ValidationError).fields).toContain(field);
  return error as ValidationError;
}

/** Byte equality that stays fast for megabytes (deep equality walks every element). */
function expectBytes(actual: Uint8Array | undefined, expected: Uint8Array, label = 'file'): void {
  expect(actual, `${label} is missing`).toBeDefined();
  expect(actual!.byteLength, `${label} size`).toBe(expected.byteLength);
  const same = Buffer.from(actual!.buffer, actual!.byteOffset, actual!.byteLength).equals(Buffer.from(expected.buffer, expected.byteOffset, expected.byteLength));
  expect(same, `${label} bytes differ`).toBe(true);
}

const sorted = (names: string[]) => [...names].sort();

/**
 * Registers the file-store conformance suite with vitest for your adapter: bytes and hashes round-trip,
 * atomic replace, tenants isolated, keys checked, listing by prefix.
 */
export function describeFileStoreConformance(options: FileStoreConformanceOptions): void {
  const test = namedTest<FileStoreConformanceTest, FileStoreUnderTest>(options);

  describe(`file-store conformance: ${options.name}`, () => {
    test('put then get returns the same bytes', async ({ store, oracle }) => {
      const bytes = text('%PDF-1.4 فیش بانکی');
      const stored = await store.put(T, 'receipts/ord-1/1.pdf', bytes, { contentType: PDF });
      expect(stored).toMatchObject({ tenantId: T, key: 'receipts/ord-1/1.pdf', contentType: PDF, size: bytes.byteLength });
      const back = await readBack(store, T, 'receipts/ord-1/1.pdf');
      expectBytes(back?.bytes, bytes);
      expect(back?.file).toEqual(stored);
      if (oracle) expectBytes(await oracle.bytes(T, 'receipts/ord-1/1.pdf'), bytes);
    });

    test('put accepts an async iterable of chunks', async ({ store, oracle }) => {
      const bytes = patterned(10_000, 7);
      const stored = await store.put(T, 'a/chunks.bin', chunked(bytes, 999, true), { contentType: 'application/octet-stream' });
      expect(stored.size).toBe(10_000);
      expectBytes((await readBack(store, T, 'a/chunks.bin'))?.bytes, bytes);
      if (oracle) expectBytes(await oracle.bytes(T, 'a/chunks.bin'), bytes);
    });

    test(
      'streams a large multi-chunk file',
      async ({ store }) => {
        const bytes = patterned(6 * 1024 * 1024 + 123, 11);
        const stored = await store.put(T, 'data/large.bin', chunked(bytes, 64 * 1024), { contentType: 'application/octet-stream' });
        expect(stored.size).toBe(bytes.byteLength);
        expect(stored.sha256).toBe(hex(bytes));
        const found = await store.get(T, 'data/large.bin');
        let chunks = 0;
        const hash = createHash('sha256');
        let size = 0;
        for await (const chunk of found!.content) {
          chunks++;
          size += chunk.byteLength;
          hash.update(chunk);
        }
        expect(size).toBe(bytes.byteLength);
        expect(hash.digest('hex')).toBe(hex(bytes));
        // Delivered as a stream, not one buffer.
        expect(chunks).toBeGreaterThan(1);
      },
      30_000,
    );

    test('reports size and sha256 of exactly the stored bytes', async ({ store }) => {
      const bytes = patterned(4097, 3);
      const stored = await store.put(T, 'k/hashed', chunked(bytes, 1000), { contentType: 'image/png' });
      expect(stored.size).toBe(4097);
      expect(stored.sha256).toBe(hex(bytes));
      expect(stored.sha256).toMatch(/^[0-9a-f]{64}$/);
      const empty = await store.put(T, 'k/empty', new Uint8Array(0), { contentType: 'text/plain' });
      expect(empty.size).toBe(0);
      expect(empty.sha256).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
      expectBytes((await readBack(store, T, 'k/empty'))?.bytes, new Uint8Array(0));
    });

    test('keeps the content type', async ({ store }) => {
      await store.put(T, 'k/jpeg', text('x'), { contentType: 'image/jpeg' });
      await store.put(T, 'k/csv', text('a,b'), { contentType: 'text/csv; charset=utf-8' });
      expect((await store.stat(T, 'k/jpeg'))?.contentType).toBe('image/jpeg');
      expect((await store.get(T, 'k/csv'))?.file.contentType).toBe('text/csv; charset=utf-8');
    });

    test('put on an existing key replaces it', async ({ store, oracle }) => {
      const first = await store.put(T, 'k/replace', patterned(5000, 1), { contentType: 'image/png' });
      const oneFile = oracle ? (await oracle.artefacts()).length : 0;
      const next = patterned(300, 2);
      const second = await store.put(T, 'k/replace', next, { contentType: 'image/jpeg' });
      expect(second.sha256).not.toBe(first.sha256);
      expect(second.createdAt.getTime()).toBeGreaterThanOrEqual(first.createdAt.getTime());
      const back = await readBack(store, T, 'k/replace');
      expectBytes(back?.bytes, next);
      expect(back?.file).toEqual(second);
      expect((await store.list(T)).files.map((f) => f.key)).toEqual(['k/replace']);
      if (oracle) {
        expectBytes(await oracle.bytes(T, 'k/replace'), next);
        // The replaced bytes are gone, not kept alongside.
        expect((await oracle.artefacts()).length).toBe(oneFile);
      }
    });

    test('stat describes the file', async ({ store }) => {
      const stored = await store.put(T, 'k/stat', patterned(777, 5), { contentType: PDF });
      const stat = await store.stat(T, 'k/stat');
      expect(stat).toEqual(stored);
      expect(stat?.createdAt).toBeInstanceOf(Date);
      expect(await store.stat(T, 'k/other')).toBeUndefined();
    });

    test('delete removes the file and is idempotent', async ({ store, oracle }) => {
      const before = oracle ? sorted(await oracle.artefacts()) : [];
      await store.put(T, 'k/delete', text('bye'), { contentType: 'text/plain' });
      await store.put(T, 'k/keep', text('stay'), { contentType: 'text/plain' });
      await store.delete(T, 'k/delete');
      expect(await store.get(T, 'k/delete')).toBeUndefined();
      expect(await store.stat(T, 'k/delete')).toBeUndefined();
      await store.delete(T, 'k/delete');
      await store.delete(T, 'k/never-existed');
      expectBytes((await readBack(store, T, 'k/keep'))?.bytes, text('stay'));
      if (oracle) {
        expect(await oracle.bytes(T, 'k/delete')).toBeUndefined();
        await store.delete(T, 'k/keep');
        expect(sorted(await oracle.artefacts())).toEqual(before);
      }
    });

    test('a missing key reads as undefined', async ({ store }) => {
      expect(await store.get(T, 'nothing/here')).toBeUndefined();
      expect(await store.stat(T, 'nothing/here')).toBeUndefined();
      await store.put(T, 'nothing/here/deeper', text('x'), { contentType: 'text/plain' });
      // A key is not a directory: its prefix is not a file.
      expect(await store.get(T, 'nothing/here')).toBeUndefined();
      expect(await store.get(T, 'nothing')).toBeUndefined();
    });

    test('tenants are isolated', async ({ store, oracle }) => {
      await store.put('tenant-a', 'shared/key', text('for a'), { contentType: 'text/plain' });
      await store.put('tenant-b', 'shared/key', text('for b'), { contentType: 'text/plain' });
      expectBytes((await readBack(store, 'tenant-a', 'shared/key'))?.bytes, text('for a'));
      expectBytes((await readBack(store, 'tenant-b', 'shared/key'))?.bytes, text('for b'));
      expect((await store.stat('tenant-b', 'shared/key'))?.tenantId).toBe('tenant-b');
      expect(await store.get('tenant-c', 'shared/key')).toBeUndefined();
      expect(await store.stat('tenant-c', 'shared/key')).toBeUndefined();
      expect((await store.list('tenant-c')).files).toEqual([]);
      await store.delete('tenant-c', 'shared/key');
      await store.delete('tenant-b', 'shared/key');
      expectBytes((await readBack(store, 'tenant-a', 'shared/key'))?.bytes, text('for a'));
      expect((await store.list('tenant-a')).files.map((f) => `${f.tenantId}:${f.key}`)).toEqual(['tenant-a:shared/key']);
      // Tenant ids that differ only in case or punctuation are different tenants.
      await store.put('Tenant-A', 'shared/key', text('upper'), { contentType: 'text/plain' });
      await store.put('tenant.a', 'shared/key', text('dotted'), { contentType: 'text/plain' });
      expectBytes((await readBack(store, 'tenant-a', 'shared/key'))?.bytes, text('for a'));
      expectBytes((await readBack(store, 'Tenant-A', 'shared/key'))?.bytes, text('upper'));
      if (oracle) expect(await oracle.bytes('tenant-b', 'shared/key')).toBeUndefined();
    });

    test('keys are exact: case-sensitive, any Unicode', async ({ store }) => {
      const keys = ['Receipt.pdf', 'receipt.pdf', 'رسید/۱۴۰۳/فیش.pdf', 'with space/and+plus%20', 'a:b/c*d?e', 'dots.../x..y'];
      for (const [i, key] of keys.entries()) await store.put(T, key, text(`file ${i}`), { contentType: 'text/plain' });
      for (const [i, key] of keys.entries()) {
        const back = await readBack(store, T, key);
        expectBytes(back?.bytes, text(`file ${i}`), key);
        expect(back?.file.key).toBe(key);
      }
      expect((await store.list(T)).files.map((f) => f.key)).toEqual([...keys].sort());
    });

    test('maxBytes exceeded: typed error, nothing stored', async ({ store, oracle }) => {
      const before = oracle ? sorted(await oracle.artefacts()) : [];
      await expectValidation(store.put(T, 'k/big', patterned(1001, 1), { contentType: PDF, maxBytes: 1000 }), 'size');
      await expectValidation(store.put(T, 'k/big', chunked(patterned(50_000, 1), 4096, true), { contentType: PDF, maxBytes: 20_000 }), 'size');
      expect(await store.stat(T, 'k/big')).toBeUndefined();
      expect(await store.get(T, 'k/big')).toBeUndefined();
      if (oracle) expect(sorted(await oracle.artefacts())).toEqual(before);
      // Exactly at the limit is fine.
      expect((await store.put(T, 'k/big', patterned(1000, 1), { contentType: PDF, maxBytes: 1000 })).size).toBe(1000);
      // An oversized replacement leaves the previous file as it was.
      const kept = oracle ? sorted(await oracle.artefacts()) : [];
      await expectValidation(store.put(T, 'k/big', chunked(patterned(3000, 9), 512, true), { contentType: PDF, maxBytes: 2000 }), 'size');
      expectBytes((await readBack(store, T, 'k/big'))?.bytes, patterned(1000, 1));
      if (oracle) expect(sorted(await oracle.artefacts())).toEqual(kept);
    });

    test('a failing input stream leaves nothing behind', async ({ store, oracle }) => {
      const before = oracle ? sorted(await oracle.artefacts()) : [];
      await expect(store.put(T, 'k/broken', failingAfter(patterned(100_000, 4), 8192), { contentType: PDF })).rejects.toThrow('connection reset by client');
      expect(await store.stat(T, 'k/broken')).toBeUndefined();
      expect(await store.get(T, 'k/broken')).toBeUndefined();
      expect((await store.list(T)).files).toEqual([]);
      if (oracle) expect(sorted(await oracle.artefacts())).toEqual(before);
      const original = await store.put(T, 'k/broken', text('original'), { contentType: 'text/plain' });
      const kept = oracle ? sorted(await oracle.artefacts()) : [];
      await expect(store.put(T, 'k/broken', failingAfter(patterned(50_000, 5), 4096), { contentType: PDF })).rejects.toThrow('connection reset by client');
      const back = await readBack(store, T, 'k/broken');
      expectBytes(back?.bytes, text('original'));
      expect(back?.file).toEqual(original);
      if (oracle) expect(sorted(await oracle.artefacts())).toEqual(kept);
    });

    test('concurrent puts to one key store exactly one of them, complete', async ({ store, oracle }) => {
      for (let round = 0; round < 4; round++) {
        const versions = [0, 1, 2].map((i) => patterned(40_000 + i * 1000, 100 + round * 3 + i));
        const results = await Promise.all(
          versions.map((bytes) => store.put(T, 'k/race', chunked(bytes, 2048, true), { contentType: 'application/octet-stream' })),
        );
        const back = await readBack(store, T, 'k/race');
        const winner = versions.findIndex((v) => hex(v) === hex(back!.bytes));
        expect(winner, 'the stored bytes are one whole upload').toBeGreaterThanOrEqual(0);
        expect(back!.file).toEqual(results[winner]);
        expect(back!.file.sha256).toBe(hex(back!.bytes));
        expect(await store.stat(T, 'k/race')).toEqual(back!.file);
        if (oracle) expectBytes(await oracle.bytes(T, 'k/race'), back!.bytes);
      }
      expect((await store.list(T)).files).toHaveLength(1);
    });

    test('rejects keys that could escape their place', async ({ store, oracle }) => {
      const before = oracle ? sorted(await oracle.artefacts()) : [];
      const bad = ['../x', '../../etc/passwd', 'a/../../b', 'a/./b', '.', '..', '/etc/passwd', '/abs', 'C:/Windows/x', 'a\\..\\b', 'a\0b', 'a\nb', '', 'a//b', 'a/'];
      for (const key of bad) {
        await expectValidation(store.put(T, key, text('x'), { contentType: 'text/plain' }), 'key');
        await expectValidation(store.get(T, key), 'key');
        await expectValidation(store.stat(T, key), 'key');
        await expectValidation(store.delete(T, key), 'key');
      }
      await expectValidation(store.put('', 'ok', text('x'), { contentType: 'text/plain' }), 'tenantId');
      await expectValidation(store.put('a\0b', 'ok', text('x'), { contentType: 'text/plain' }), 'tenantId');
      await expectValidation(store.list(''), 'tenantId');
      await expectValidation(store.put(T, 'x'.repeat(513), text('x'), { contentType: 'text/plain' }), 'key');
      if (oracle) expect(sorted(await oracle.artefacts())).toEqual(before);
      // Tenant ids are names, not paths: one that looks like traversal stays inside its own tenant.
      await store.put('..', 'k', text('dotdot tenant'), { contentType: 'text/plain' });
      await store.put('../tenant-a', 'k', text('sneaky tenant'), { contentType: 'text/plain' });
      expect(await store.get(T, 'k')).toBeUndefined();
      expectBytes((await readBack(store, '..', 'k'))?.bytes, text('dotdot tenant'));
    });

    test('rejects invalid put options and non-byte chunks', async ({ store, oracle }) => {
      const before = oracle ? sorted(await oracle.artefacts()) : [];
      await expectValidation(store.put(T, 'k/opts', text('x'), { contentType: '' }), 'contentType');
      await expectValidation(store.put(T, 'k/opts', text('x'), { contentType: 'pdf' }), 'contentType');
      await expectValidation(store.put(T, 'k/opts', text('x'), { contentType: PDF, maxBytes: -1 }), 'maxBytes');
      await expectValidation(store.put(T, 'k/opts', text('x'), { contentType: PDF, maxBytes: 1.5 }), 'maxBytes');
      async function* strings() {
        yield text('fine');
        yield 'not bytes' as unknown as Uint8Array;
      }
      await expectValidation(store.put(T, 'k/opts', strings(), { contentType: PDF }), 'content');
      await expectValidation(store.put(T, 'k/opts', 'plain string' as unknown as Uint8Array, { contentType: PDF }), 'content');
      expect(await store.stat(T, 'k/opts')).toBeUndefined();
      if (oracle) expect(sorted(await oracle.artefacts())).toEqual(before);
    });

    test('get returns a fresh stream each time', async ({ store }) => {
      const bytes = patterned(200_000, 21);
      await store.put(T, 'k/fresh', chunked(bytes, 32 * 1024), { contentType: PDF });
      const first = await store.get(T, 'k/fresh');
      const second = await store.get(T, 'k/fresh');
      expect(first!.content).not.toBe(second!.content);
      // Reading one to the end does not consume the other; reading both at once works too.
      expectBytes(await readAll(first!.content), bytes);
      const third = await store.get(T, 'k/fresh');
      const [b, c] = await Promise.all([readAll(second!.content), readAll(third!.content)]);
      expectBytes(b, bytes);
      expectBytes(c, bytes);
      // Stopping early is allowed and leaves the file readable.
      const partial = await store.get(T, 'k/fresh');
      for await (const chunk of partial!.content) {
        expect(chunk.byteLength).toBeGreaterThan(0);
        break;
      }
      expectBytes(await readAll((await store.get(T, 'k/fresh'))!.content), bytes);
    });

    test('a read in progress survives a replace or delete', async ({ store }) => {
      const v1 = patterned(300_000, 31);
      const v2 = patterned(1_000, 32);
      await store.put(T, 'k/live', chunked(v1, 16 * 1024), { contentType: PDF });
      const reading = await store.get(T, 'k/live');
      const iterator = reading!.content[Symbol.asyncIterator]();
      const firstChunk = await iterator.next();
      expect(firstChunk.done).toBe(false);
      await store.put(T, 'k/live', v2, { contentType: PDF });
      const replacedRead = await store.get(T, 'k/live');
      await store.delete(T, 'k/live');
      const rest: Uint8Array[] = [(firstChunk.value as Uint8Array).slice()];
      for (let next = await iterator.next(); !next.done; next = await iterator.next()) rest.push(next.value.slice());
      expect(hex(concat(rest))).toBe(hex(v1));
      expect(reading!.file.sha256).toBe(hex(v1));
      // A read that began after the replace sees the whole replacement, even after the delete.
      expectBytes(await readAll(replacedRead!.content), v2);
      expect(await store.get(T, 'k/live')).toBeUndefined();
    });

    test("does not keep the caller's buffers", async ({ store }) => {
      const bytes = text('original bytes');
      await store.put(T, 'k/owned', bytes, { contentType: 'text/plain' });
      const reused = new Uint8Array(8);
      async function* reusing() {
        for (const letter of 'abc') {
          reused.fill(letter.charCodeAt(0));
          yield reused;
        }
      }
      const streamed = await store.put(T, 'k/reused', reusing(), { contentType: 'text/plain' });
      bytes.fill(0);
      reused.fill(0);
      expectBytes((await readBack(store, T, 'k/owned'))?.bytes, text('original bytes'));
      expectBytes((await readBack(store, T, 'k/reused'))?.bytes, text('aaaaaaaabbbbbbbbcccccccc'));
      expect(streamed.sha256).toBe(hex(text('aaaaaaaabbbbbbbbcccccccc')));
    });

    test('returns copies, not live references', async ({ store }) => {
      const stored = await store.put(T, 'k/copy', text('abc'), { contentType: 'text/plain' });
      stored.size = 99;
      stored.createdAt.setTime(0);
      const stat = await store.stat(T, 'k/copy');
      stat!.contentType = 'mutated/type';
      const got = await store.get(T, 'k/copy');
      const chunk = (await got!.content[Symbol.asyncIterator]().next()).value as Uint8Array;
      chunk.fill(0);
      const again = await readBack(store, T, 'k/copy');
      expect(again?.file.size).toBe(3);
      expect(again?.file.contentType).toBe('text/plain');
      expect(again?.file.createdAt.getTime()).not.toBe(0);
      expectBytes(again?.bytes, text('abc'));
    });

    test('lists files by prefix in key order, paginated', async ({ store }) => {
      const keys = ['orders/2/b', 'orders/1/a', 'orders/10/x', 'orders/1/b', 'complaints/1/a', 'orders', 'ordersX/1'];
      for (const key of keys) await store.put(T, key, text(key), { contentType: 'text/plain' });
      await store.put('tenant-b', 'orders/1/a', text('other'), { contentType: 'text/plain' });
      const all = await store.list(T);
      expect(all.files.map((f) => f.key)).toEqual([...keys].sort());
      expect(all.nextAfter).toBeUndefined();
      expect(all.files.find((f) => f.key === 'orders/1/a')).toEqual(await store.stat(T, 'orders/1/a'));
      const orders = await store.list(T, { prefix: 'orders/' });
      expect(orders.files.map((f) => f.key)).toEqual(['orders/1/a', 'orders/1/b', 'orders/10/x', 'orders/2/b']);
      const page1 = await store.list(T, { prefix: 'orders/', limit: 3 });
      expect(page1.files.map((f) => f.key)).toEqual(['orders/1/a', 'orders/1/b', 'orders/10/x']);
      expect(page1.nextAfter).toBe('orders/10/x');
      const page2 = await store.list(T, { prefix: 'orders/', limit: 3, after: page1.nextAfter! });
      expect(page2.files.map((f) => f.key)).toEqual(['orders/2/b']);
      expect(page2.nextAfter).toBeUndefined();
      expect((await store.list(T, { prefix: 'orders/1/' })).files.map((f) => f.key)).toEqual(['orders/1/a', 'orders/1/b']);
      expect((await store.list(T, { prefix: 'nothing/' })).files).toEqual([]);
      await expectValidation(store.list(T, { limit: 0 }), 'limit');
      await expectValidation(store.list(T, { limit: 1001 }), 'limit');
    });
  });
}
