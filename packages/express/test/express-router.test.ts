import express from 'express';
import { afterEach, describe, expect, it } from 'vitest';
import { APPLICANT, JSON_HEADERS, OFFICER, TENANT, fileForm, pdfBytes, pngBytes, portal, reviewInput } from './support';

let running: { close: () => Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(running.map((r) => r.close()));
  running = [];
});

async function started(...args: Parameters<typeof portal>) {
  const p = await portal(...args);
  running.push(p);
  return p;
}

const post = (url: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(url, { method: 'POST', headers: { ...JSON_HEADERS, ...headers }, body: JSON.stringify(body) });

describe('statdeskRouter on a real Express server', () => {
  it('runs a workflow end to end: start, send, get, list, history', async () => {
    const { url } = await started();
    const created = await post(url('/workflows/review/instances'), { input: reviewInput }, APPLICANT);
    expect(created.status).toBe(201);
    const { instanceId, version } = (await created.json()) as { instanceId: string; version: number };
    expect(created.headers.get('location')).toBe(`/api/statdesk/instances/${instanceId}`);

    const submitted = await post(url(`/instances/${instanceId}/events`), { type: 'submit' }, { ...APPLICANT, 'if-match': `"${version}"` });
    expect(submitted.status).toBe(200);
    const approved = await post(url(`/workflows/review/instances/${instanceId}/events/approve`), { note: 'fine' }, OFFICER);
    expect(approved.status).toBe(200);
    expect(await approved.json()).toMatchObject({ state: 'approved', status: 'done' });

    const view = await fetch(url(`/instances/${instanceId}`), { headers: APPLICANT });
    expect(view.status).toBe(200);
    expect(await view.json()).toMatchObject({ state: 'approved', data: { context: { amount: '1200000' } } });

    const queue = await fetch(url('/workflows/review/instances?status=done&limit=10'), { headers: OFFICER });
    expect(((await queue.json()) as { items: { id: string }[] }).items.map((i) => i.id)).toEqual([instanceId]);

    const history = await fetch(url(`/instances/${instanceId}/history`), { headers: OFFICER });
    expect(((await history.json()) as { items: { eventType: string }[] }).items.map((i) => i.eventType)).toEqual(['statdesk.create', 'submit', 'approve']);
  });

  it('replays an Idempotency-Key and answers a stale If-Match with 409', async () => {
    const { url, storage } = await started();
    const first = await post(url('/workflows/review/instances'), { input: reviewInput }, { ...APPLICANT, 'idempotency-key': 'k-1' });
    const again = await post(url('/workflows/review/instances'), { input: reviewInput }, { ...APPLICANT, 'idempotency-key': 'k-1' });
    const { instanceId } = (await first.json()) as { instanceId: string };
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ instanceId, replayed: true });
    expect(storage.oracle.counts().instances).toBe(1);

    const before = storage.oracle.counts();
    const stale = await post(url(`/instances/${instanceId}/events`), { type: 'submit' }, { ...APPLICANT, 'if-match': '"7"' });
    expect(stale.status).toBe(409);
    expect(await stale.json()).toMatchObject({ type: 'CONFLICT' });
    expect(storage.oracle.counts()).toEqual(before);
  });

  it('answers 400 naming the fields and writes nothing; 404, 403 and 401 where they belong', async () => {
    const { url, storage } = await started();
    const invalid = await post(url('/workflows/review/instances'), { input: { ...reviewInput, nationalId: 'abc' } }, APPLICANT);
    expect(invalid.status).toBe(400);
    expect(await invalid.json()).toMatchObject({ type: 'VALIDATION', issues: [expect.objectContaining({ path: 'nationalId' })] });
    expect(storage.oracle.counts()).toEqual({ instances: 0, history: 0, timers: 0, outbox: 0, commands: 0 });

    expect((await fetch(url('/instances/missing'), { headers: OFFICER })).status).toBe(404);
    const created = await post(url('/workflows/review/instances'), { input: reviewInput }, APPLICANT);
    const { instanceId } = (await created.json()) as { instanceId: string };
    const forbidden = await post(url(`/instances/${instanceId}/events`), { type: 'approve' }, APPLICANT);
    expect(forbidden.status).toBe(403);
    expect(await forbidden.json()).toMatchObject({ type: 'NOT_ALLOWED' });
    const anonymous = await fetch(url(`/instances/${instanceId}`));
    expect(anonymous.status).toBe(401);
  });

  it('works behind express.json(): an already-parsed body is passed on', async () => {
    const { url } = await started({}, (app) => app.use(express.json()));
    const created = await post(url('/workflows/review/instances'), { input: reviewInput }, APPLICANT);
    expect(created.status).toBe(201);
  });

  it("leaves the app's other routes alone", async () => {
    const { base, url } = await started();
    expect(await (await fetch(`${base}/health`)).json()).toEqual({ ok: true });
    const unknown = await fetch(url('/nothing-here'));
    expect(unknown.status).toBe(404);
  });
});

describe('uploads and downloads over the network', () => {
  it('stores an upload and answers its file reference', async () => {
    const { url, files } = await started();
    const response = await fetch(url('/files?policy=receipt'), { method: 'POST', body: fileForm(pdfBytes(200_000), 'application/pdf'), headers: APPLICANT });
    expect(response.status).toBe(201);
    const reference = (await response.json()) as { key: string; sha256: string; size: number; contentType: string };
    expect(reference).toMatchObject({ size: 200_000, contentType: 'application/pdf' });
    expect(await files.stat(TENANT, reference.key)).toMatchObject({ sha256: reference.sha256 });
  });

  it('answers 413 for an oversized upload streamed without Content-Length, and stores nothing', async () => {
    const { url, files } = await started();
    const encoded = new Response(fileForm(pdfBytes(5 * 1024 * 1024 + 1), 'application/pdf'));
    const response = await fetch(url('/files?policy=receipt'), {
      method: 'POST',
      body: encoded.body,
      headers: { ...APPLICANT, 'content-type': encoded.headers.get('content-type')! },
      duplex: 'half',
    } as RequestInit);
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ type: 'PAYLOAD_TOO_LARGE' });
    expect((await files.list(TENANT)).files).toEqual([]);
  });

  it('answers 415 for PNG bytes declared as a PDF, and stores nothing', async () => {
    const { url, files } = await started();
    const response = await fetch(url('/files?policy=receipt'), { method: 'POST', body: fileForm(pngBytes(5_000), 'application/pdf'), headers: APPLICANT });
    expect(response.status).toBe(415);
    expect(await response.json()).toMatchObject({ type: 'UNSUPPORTED_MEDIA_TYPE', issues: [expect.objectContaining({ code: 'type_mismatch' })] });
    expect((await files.list(TENANT)).files).toEqual([]);
  });

  it('streams a download and rate limits a client that keeps asking', async () => {
    const bytes = pdfBytes(3 * 1024 * 1024);
    const { url, files } = await started({
      publicTenant: TENANT,
      rateLimit: { capacity: 3, refillMs: 20_000 },
      downloads: async (token) => (token === 'tok-1' ? { file: { key: 'deliveries/o-1/data.pdf' }, filename: 'data.pdf' } : null),
    });
    await files.put(TENANT, 'deliveries/o-1/data.pdf', bytes, { contentType: 'application/pdf' });

    const response = await fetch(url('/downloads/tok-1'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('content-disposition')).toContain('filename="data.pdf"');
    expect(Buffer.from(await response.arrayBuffer()).equals(Buffer.from(bytes))).toBe(true);

    expect((await fetch(url('/downloads/guess'))).status).toBe(404);
    expect((await fetch(url('/downloads/guess'))).status).toBe(404);
    const limited = await fetch(url('/downloads/tok-1'));
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('20');
  });
});

describe('errors and the OpenAPI document', () => {
  it('answers an unknown error with 500 and no internals', async () => {
    const { url, logger } = await started({
      publicTenant: TENANT,
      incidentStatus: async () => {
        throw new Error('ECONNREFUSED 10.1.2.3:5432 reading mobile 09121234567');
      },
    });
    const response = await fetch(url('/public/incidents'));
    expect(response.status).toBe(500);
    const text = await response.text();
    expect(text).not.toMatch(/ECONNREFUSED|10\.1\.2\.3|09121234567/);
    expect(JSON.parse(text)).toMatchObject({ type: 'INTERNAL' });
    expect(JSON.stringify(logger.errors)).not.toContain('09121234567');
  });

  it('serves the OpenAPI document with every registered event', async () => {
    const { url, desk } = await started();
    const response = await fetch(url('/openapi.json'));
    expect(response.status).toBe(200);
    const document = (await response.json()) as { openapi: string; paths: Record<string, unknown> };
    expect(document.openapi).toBe('3.1.0');
    for (const type of Object.keys(desk.registry.latest('review')!.events)) {
      expect(document.paths[`/workflows/review/instances/{id}/events/${type}`], type).toBeDefined();
    }
  });
});
