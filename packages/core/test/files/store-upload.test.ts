import { describe, expect, it } from 'vitest';
import { MemoryFileStore } from '@statdesk/testing';
import { ValidationError, peekHead, receiptUploadPolicy, sha256Hex, sha256OfStream, storeUpload, SNIFF_BYTES } from '../../src';
import { chunksOf, sampleGif, samplePdf } from './samples';

/** A client upload that records how far it was read and whether it was closed. */
function trackedUpload(bytes: Uint8Array, chunkSize: number) {
  const state = { pulled: 0, closed: false };
  async function* stream() {
    try {
      for (let offset = 0; offset < bytes.byteLength; offset += chunkSize) {
        state.pulled++;
        yield bytes.slice(offset, offset + chunkSize);
      }
    } finally {
      state.closed = true;
    }
  }
  return { state, stream: stream() };
}

describe('peekHead', () => {
  it('reads only the head, then replays everything', async () => {
    const bytes = new Uint8Array(20_000).map((_, i) => i % 251);
    const upload = trackedUpload(bytes, 1000);
    const { head, content } = await peekHead(upload.stream);
    expect(head).toEqual(bytes.subarray(0, SNIFF_BYTES));
    expect(upload.state.pulled).toBe(Math.ceil(SNIFF_BYTES / 1000));
    expect(await sha256OfStream(content)).toBe(sha256Hex(bytes));
    expect(upload.state.pulled).toBe(20);
  });

  it('handles content shorter than the head, and plain bytes', async () => {
    const short = await peekHead(chunksOf(new Uint8Array([1, 2, 3]), 2));
    expect(short.head).toEqual(new Uint8Array([1, 2, 3]));
    expect(await sha256OfStream(short.content)).toBe(sha256Hex(new Uint8Array([1, 2, 3])));
    const whole = await peekHead(samplePdf, 10);
    expect(whole.head).toEqual(samplePdf.subarray(0, 10));
  });

  it('release closes the source when the rest will not be read', async () => {
    const upload = trackedUpload(new Uint8Array(50_000), 1000);
    const { release } = await peekHead(upload.stream);
    await release();
    expect(upload.state.closed).toBe(true);
  });

  it('rejects content that is not bytes, naming content', async () => {
    const error = await peekHead('text' as unknown as Uint8Array).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).fields).toEqual(['content']);
  });
});

describe('storeUpload', () => {
  it('stores a receipt under its sniffed type, whatever the client declared', async () => {
    const store = new MemoryFileStore();
    const stored = await storeUpload(store, {
      tenantId: 't',
      key: 'receipts/ord-1/1',
      content: chunksOf(samplePdf, 1024),
      policy: receiptUploadPolicy,
      declaredType: 'application/octet-stream',
    });
    expect(stored).toMatchObject({ contentType: 'application/pdf', size: samplePdf.byteLength, sha256: sha256Hex(samplePdf) });
    expect(store.oracle.bytes('t', 'receipts/ord-1/1')).toEqual(samplePdf);
  });

  it('rejects a disallowed type before reading the rest, stores nothing and closes the upload', async () => {
    const store = new MemoryFileStore();
    const upload = trackedUpload(new Uint8Array([...sampleGif, ...new Uint8Array(100_000)]), 1000);
    const error = await storeUpload(store, { tenantId: 't', key: 'receipts/x', content: upload.stream, policy: receiptUploadPolicy }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).fields).toEqual(['contentType']);
    expect(upload.state.pulled).toBeLessThan(10);
    expect(upload.state.closed).toBe(true);
    expect(store.oracle.artefacts()).toEqual([]);
  });

  it('stops an oversized upload while streaming, naming size, and stores nothing', async () => {
    const store = new MemoryFileStore();
    const big = new Uint8Array(receiptUploadPolicy.maxBytes + 1);
    big.set(samplePdf.subarray(0, 16));
    const error = await storeUpload(store, { tenantId: 't', key: 'receipts/big', content: chunksOf(big, 256 * 1024), policy: receiptUploadPolicy }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).fields).toEqual(['size']);
    expect(store.oracle.artefacts()).toEqual([]);
  });

  it('rejects a declared Content-Length over the limit before reading anything else', async () => {
    const store = new MemoryFileStore();
    const error = await storeUpload(store, { tenantId: 't', key: 'r', content: samplePdf, policy: receiptUploadPolicy, size: 10 * 1024 * 1024 }).catch((e: unknown) => e);
    expect((error as ValidationError).fields).toEqual(['size']);
    expect(store.oracle.artefacts()).toEqual([]);
  });
});
