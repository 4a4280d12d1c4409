import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TestClock } from '@statdesk/testing';
import { localFileStore, tenantDirectoryName } from '../src';
import { diskOracle } from './disk-oracle';

const text = (value: string) => new TextEncoder().encode(value);
const decode = async (content: AsyncIterable<Uint8Array>) => {
  const parts: Buffer[] = [];
  for await (const chunk of content) parts.push(Buffer.from(chunk));
  return Buffer.concat(parts).toString('utf8');
};

let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'statdesk-files-'));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('localFileStore', () => {
  it('keeps files across a restart (a new store on the same root)', async () => {
    const clock = new TestClock(new Date('2025-03-22T05:30:00Z'));
    const stored = await localFileStore({ root, clock }).put('tenant-a', 'receipts/1.pdf', text('%PDF-1.4'), { contentType: 'application/pdf' });
    expect(stored.createdAt).toEqual(new Date('2025-03-22T05:30:00Z'));
    const reopened = localFileStore({ root });
    expect(await reopened.stat('tenant-a', 'receipts/1.pdf')).toEqual(stored);
    expect(await decode((await reopened.get('tenant-a', 'receipts/1.pdf'))!.content)).toBe('%PDF-1.4');
  });

  it('puts nothing from the key or tenant id into a path, and keeps files private', async () => {
    const store = localFileStore({ root });
    await store.put('Tenant-A', 'رسید/national-id-0012345678.pdf', text('scan'), { contentType: 'application/pdf' });
    const paths = (await diskOracle(root).paths()).map((p) => relative(root, p));
    expect(paths).toHaveLength(2);
    for (const path of paths) {
      expect(path.startsWith(`${tenantDirectoryName('Tenant-A')}/`)).toBe(true);
      expect(path).not.toContain('0012345678');
      expect(path).not.toContain('رسید');
      expect(path).toMatch(/^tenant-a-[0-9a-f]{16}\/[0-9a-f]{2}\/[0-9a-f]{2}\/[0-9a-f]{64}(\.json|\.[0-9a-f-]{36}\.bin)$/);
    }
    if (process.platform !== 'win32') {
      for (const path of paths) expect((await stat(join(root, path))).mode & 0o777).toBe(0o600);
      expect((await stat(join(root, dirname(paths[0]!)))).mode & 0o777).toBe(0o700);
    }
    // Tenants whose ids differ only in case get different directories (case-insensitive disks).
    expect(tenantDirectoryName('Tenant-A')).not.toBe(tenantDirectoryName('tenant-a'));
  });

  it('a put in progress is invisible until it commits, and leaves only a temp file meanwhile', async () => {
    const store = localFileStore({ root });
    await store.put('t', 'k', text('old'), { contentType: 'text/plain' });
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let sentFirst!: () => void;
    const firstSent = new Promise<void>((r) => (sentFirst = r));
    async function* slowUpload() {
      yield text('new ');
      sentFirst();
      await gate;
      yield text('content');
    }
    const putting = store.put('t', 'k', slowUpload(), { contentType: 'text/plain' });
    await firstSent;
    await new Promise((r) => setTimeout(r, 20));
    expect(await decode((await store.get('t', 'k'))!.content)).toBe('old');
    const inFlight = (await diskOracle(root).paths()).filter((p) => p.endsWith('.tmp'));
    expect(inFlight).toHaveLength(1);
    release();
    await putting;
    expect(await decode((await store.get('t', 'k'))!.content)).toBe('new content');
    expect((await diskOracle(root).paths()).filter((p) => p.endsWith('.tmp'))).toEqual([]);
  });

  it('sweep removes what a crash left behind, and nothing else', async () => {
    const store = localFileStore({ root });
    const kept = await store.put('t', 'receipts/1.pdf', text('committed'), { contentType: 'application/pdf' });
    const sidecar = (await diskOracle(root).paths()).find((p) => p.endsWith('.json'))!;
    const dir = dirname(sidecar);
    const stem = basename(sidecar, '.json');
    // What a crash leaves: a half-written temp blob, a sidecar never renamed, a blob whose
    // sidecar swap never happened — and one temp file of a write still in flight.
    const crashed = [`${stem}.${randomUUID()}.bin.tmp`, `${stem}.${randomUUID()}.json.tmp`, `${stem}.${randomUUID()}.bin`].map((n) => join(dir, n));
    const inFlight = join(dir, `${stem}.${randomUUID()}.bin.tmp`);
    for (const path of [...crashed, inFlight]) await writeFile(path, 'partial');
    const anHourAgo = new Date(Date.now() - 2 * 60 * 60 * 1000);
    for (const path of crashed) await utimes(path, anHourAgo, anHourAgo);

    // Readers never see the leftovers.
    expect(await store.stat('t', 'receipts/1.pdf')).toEqual(kept);
    expect(await decode((await store.get('t', 'receipts/1.pdf'))!.content)).toBe('committed');

    expect(await store.sweep()).toEqual({ removedTempFiles: 2, removedOrphanBlobs: 1 });
    const left = await diskOracle(root).paths();
    expect(left).toContain(inFlight);
    expect(left).toContain(sidecar);
    expect(left).toHaveLength(3);
    expect(await decode((await store.get('t', 'receipts/1.pdf'))!.content)).toBe('committed');
    expect(await store.sweep({ olderThanMs: 0 })).toEqual({ removedTempFiles: 1, removedOrphanBlobs: 0 });
    expect(await store.sweep()).toEqual({ removedTempFiles: 0, removedOrphanBlobs: 0 });
  });

  it('two stores on one root (two processes) racing on a key leave one whole file; sweep tidies up', async () => {
    const [one, two] = [localFileStore({ root }), localFileStore({ root })];
    const versions = Array.from({ length: 6 }, (_, i) => new Uint8Array(30_000).fill(65 + i));
    async function* slowly(bytes: Uint8Array) {
      for (let offset = 0; offset < bytes.byteLength; offset += 4096) {
        await new Promise((r) => setImmediate(r));
        yield bytes.slice(offset, offset + 4096);
      }
    }
    await Promise.all(versions.map((bytes, i) => (i % 2 ? one : two).put('t', 'k', slowly(bytes), { contentType: 'text/plain' })));
    for (const store of [one, two]) {
      const found = await store.get('t', 'k');
      const parts: Buffer[] = [];
      for await (const chunk of found!.content) parts.push(Buffer.from(chunk));
      const bytes = Buffer.concat(parts);
      expect(bytes.byteLength).toBe(30_000);
      expect(new Set(bytes).size).toBe(1);
      expect(found!.file.size).toBe(30_000);
    }
    await one.sweep({ olderThanMs: 0 });
    const paths = await diskOracle(root).paths();
    expect(paths.filter((p) => p.endsWith('.bin'))).toHaveLength(1);
    expect(paths).toHaveLength(2);
  });

  it('sweeping an empty or missing root finds nothing; a negative age is refused', async () => {
    expect(await localFileStore({ root: join(root, 'not-yet') }).sweep()).toEqual({ removedTempFiles: 0, removedOrphanBlobs: 0 });
    await expect(localFileStore({ root }).sweep({ olderThanMs: -1 })).rejects.toMatchObject({ code: 'VALIDATION', fields: ['olderThanMs'] });
  });

  it('reads back in chunks of the configured size', async () => {
    const store = localFileStore({ root, readChunkBytes: 1000 });
    await store.put('t', 'k', new Uint8Array(4500), { contentType: 'application/octet-stream' });
    const sizes: number[] = [];
    for await (const chunk of (await store.get('t', 'k'))!.content) sizes.push(chunk.byteLength);
    expect(sizes).toEqual([1000, 1000, 1000, 1000, 500]);
  });

  it('refuses to start without a root', () => {
    expect(() => localFileStore({ root: '' })).toThrow(/root/);
  });
});
