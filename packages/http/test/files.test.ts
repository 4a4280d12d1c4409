import { describe, expect, it } from 'vitest';
import { APPLICANT, ORIGIN, TENANT, pdfBytes, pngBytes, setup, uploadRequest } from './support';

const RECEIPT_MAX = 5 * 1024 * 1024;

async function storedKeys(files: ReturnType<typeof setup>['files']): Promise<string[]> {
  return (await files.list(TENANT)).files.map((f) => f.key);
}

describe('uploads', () => {
  it('stores a file under its sniffed type and answers a file reference', async () => {
    const { handler, files } = setup();
    const bytes = pdfBytes(10_000);
    const response = await handler(uploadRequest('/files?policy=receipt', bytes, 'application/pdf', { 'x-test-user': APPLICANT }));
    expect(response.status).toBe(201);
    const reference = (await response.json()) as { key: string; sha256: string; size: number; contentType: string };
    expect(reference).toMatchObject({ size: 10_000, contentType: 'application/pdf' });
    expect(reference.sha256).toMatch(/^[0-9a-f]{64}$/);
    const stored = await files.stat(TENANT, reference.key);
    expect(stored).toMatchObject({ sha256: reference.sha256, size: 10_000, contentType: 'application/pdf' });
  });

  it('answers 413 for a file over the policy limit and stores nothing (streamed, no Content-Length)', async () => {
    const { handler, files } = setup();
    const big = pdfBytes(RECEIPT_MAX + 10);
    const form = new FormData();
    form.append('file', new Blob([big], { type: 'application/pdf' }), 'big.pdf');
    // Re-stream the encoded form so the request carries no Content-Length: only the meter can stop it.
    const encoded = new Response(form);
    const request = new Request(`${ORIGIN}/files?policy=receipt`, {
      method: 'POST',
      body: encoded.body,
      headers: { 'content-type': encoded.headers.get('content-type')!, 'x-test-user': APPLICANT },
      duplex: 'half',
    } as RequestInit);
    const response = await handler(request);
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ type: 'PAYLOAD_TOO_LARGE' });
    expect(await storedKeys(files)).toEqual([]);
  });

  it('answers 413 from Content-Length alone when it is far over the limit', async () => {
    const { handler, files } = setup();
    const response = await handler(uploadRequest('/files?policy=receipt', pdfBytes(RECEIPT_MAX + 100_000), 'application/pdf', { 'x-test-user': APPLICANT }));
    expect(response.status).toBe(413);
    expect(await storedKeys(files)).toEqual([]);
  });

  it('sniffs a disguised file: PNG bytes declared as a PDF are refused with 415 and not stored', async () => {
    const { handler, files } = setup();
    const response = await handler(uploadRequest('/files?policy=receipt', pngBytes(2_000), 'application/pdf', { 'x-test-user': APPLICANT }));
    expect(response.status).toBe(415);
    const body = (await response.json()) as { type: string; issues: { path: string; code: string }[] };
    expect(body.type).toBe('UNSUPPORTED_MEDIA_TYPE');
    expect(body.issues).toEqual([expect.objectContaining({ path: 'contentType', code: 'type_mismatch' })]);
    expect(await storedKeys(files)).toEqual([]);

    // Honestly declared, the same PNG is a receipt photo and is stored as image/png.
    const honest = await handler(uploadRequest('/files?policy=receipt', pngBytes(2_000), 'image/png', { 'x-test-user': APPLICANT }));
    expect(honest.status).toBe(201);
    expect(await honest.json()).toMatchObject({ contentType: 'image/png' });
  });

  it('answers 415 for content of a type the policy does not accept, and for a body that is not multipart', async () => {
    const { handler, files } = setup({ uploads: { policies: { pdfOnly: { allowedTypes: ['application/pdf'], maxBytes: 1_000_000 } } } });
    const png = await handler(uploadRequest('/files?policy=pdfOnly', pngBytes(), 'application/octet-stream', { 'x-test-user': APPLICANT }));
    expect(png.status).toBe(415);
    const json = await handler(new Request(`${ORIGIN}/files?policy=pdfOnly`, { method: 'POST', body: '{}', headers: { 'content-type': 'application/json', 'x-test-user': APPLICANT } }));
    expect(json.status).toBe(415);
    expect(await storedKeys(files)).toEqual([]);
  });

  it('answers 400 for an unknown policy or a form without the file field, and 401 without a user', async () => {
    const { handler, files } = setup();
    const unknown = await handler(uploadRequest('/files?policy=nope', pdfBytes(), 'application/pdf', { 'x-test-user': APPLICANT }));
    expect(unknown.status).toBe(400);
    expect(await unknown.json()).toMatchObject({ issues: [expect.objectContaining({ path: 'policy' })] });

    const form = new FormData();
    form.append('note', 'no file here');
    const missing = await handler(new Request(`${ORIGIN}/files`, { method: 'POST', body: form, headers: { 'x-test-user': APPLICANT } }));
    expect(missing.status).toBe(400);
    expect(await missing.json()).toMatchObject({ issues: [expect.objectContaining({ path: 'file' })] });

    const anonymous = await handler(uploadRequest('/files', pdfBytes(), 'application/pdf'));
    expect(anonymous.status).toBe(401);
    expect(await storedKeys(files)).toEqual([]);
  });
});

describe('downloads', () => {
  async function withStoredFile(overrides: Parameters<typeof setup>[0] = {}) {
    const context = setup({
      publicTenant: TENANT,
      downloads: async (token) => (token === 'good-token' ? { file: { key: 'deliveries/o-1/tables.pdf' }, filename: 'جدول‌ها 1403.pdf' } : null),
      ...overrides,
    });
    const bytes = pdfBytes(300_000);
    await context.files.put(TENANT, 'deliveries/o-1/tables.pdf', bytes, { contentType: 'application/pdf' });
    return { ...context, bytes };
  }

  it('streams the file a token resolves to, with its type, size and a safe file name', async () => {
    const { handler, bytes } = await withStoredFile();
    const response = await handler(new Request(`${ORIGIN}/downloads/good-token`));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('content-length')).toBe(String(bytes.byteLength));
    expect(response.headers.get('content-disposition')).toBe(
      `attachment; filename="_______ 1403.pdf"; filename*=UTF-8''${encodeURIComponent('جدول‌ها 1403.pdf')}`,
    );
    // Read as a stream, chunk by chunk, as a browser would.
    const chunks: Uint8Array[] = [];
    for await (const chunk of response.body!) chunks.push(chunk);
    expect(chunks.length).toBeGreaterThan(1);
    expect(Buffer.concat(chunks).equals(Buffer.from(bytes))).toBe(true);
  });

  it('answers the same 404 for an unknown token and for a token whose file is gone', async () => {
    const { handler, files } = await withStoredFile();
    const unknown = await handler(new Request(`${ORIGIN}/downloads/guess`));
    await files.delete(TENANT, 'deliveries/o-1/tables.pdf');
    const gone = await handler(new Request(`${ORIGIN}/downloads/good-token`));
    expect(unknown.status).toBe(404);
    expect(gone.status).toBe(404);
    expect(await gone.json()).toEqual(await unknown.json());
  });

  it('rate limits downloads per client', async () => {
    const { handler } = await withStoredFile({ rateLimit: { capacity: 2, refillMs: 60_000 } });
    const from = (ip: string) => handler(new Request(`${ORIGIN}/downloads/guess-${ip}`), { clientAddress: ip });
    expect((await from('10.0.0.1')).status).toBe(404);
    expect((await from('10.0.0.1')).status).toBe(404);
    const limited = await from('10.0.0.1');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('60');
    expect((await from('10.0.0.2')).status).toBe(404);
  });
});
