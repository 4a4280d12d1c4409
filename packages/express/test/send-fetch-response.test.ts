/**
 * How a Fetch `Response` reaches the socket: a small body with a declared length (every JSON
 * answer) in one piece with its `Content-Length`; anything else streamed, a large download
 * without being held whole in memory.
 */
import http from 'node:http';
import express from 'express';
import { afterEach, describe, expect, it } from 'vitest';
import { jsonResponse } from '@statdesk/http';
import { sendFetchResponse } from '../src';
import { APPLICANT, listen, portal, reviewInput, type Started } from './support';

let running: Started[] = [];
afterEach(async () => {
  await Promise.all(running.map((r) => r.close()));
  running = [];
});

/** An Express app answering `GET /` and `HEAD /` with the Response `make` builds. */
async function serving(make: () => Response): Promise<string> {
  const app = express();
  app.all('/', (req, res, next) => {
    sendFetchResponse(make(), res, req.method).catch(next);
  });
  const started = await listen(app);
  running.push(started);
  return `${started.base}/`;
}

interface RawAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/** The answer as the wire carries it (fetch would hide the framing). */
function raw(url: string, method = 'GET', onFirstBytes?: () => void): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    http
      .request(url, { method }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => {
          if (chunks.length === 0) onFirstBytes?.();
          chunks.push(chunk);
        });
        res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
        res.on('error', reject);
      })
      .on('error', reject)
      .end();
  });
}

describe('sendFetchResponse', () => {
  it('writes a JSON answer whole, with its Content-Length and headers, not chunked', async () => {
    const value = { title: 'سرشماری ۱۳۹۵', amount: 1200000n, at: new Date(Date.UTC(2025, 2, 22, 5, 30)) };
    const url = await serving(() => jsonResponse(201, value, { etag: '"3"' }));
    const answer = await raw(url);
    expect(answer.status).toBe(201);
    expect(answer.headers['transfer-encoding']).toBeUndefined();
    expect(answer.headers['content-length']).toBe(String(answer.body.byteLength));
    expect(answer.headers).toMatchObject({ 'content-type': 'application/json; charset=utf-8', etag: '"3"', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
    expect(JSON.parse(answer.body.toString('utf8'))).toEqual({ title: 'سرشماری ۱۳۹۵', amount: '1200000', at: '2025-03-22T05:30:00.000Z' });
  });

  it('answers HEAD with the headers and no body', async () => {
    const url = await serving(() => jsonResponse(200, { ok: true }));
    const answer = await raw(url, 'HEAD');
    expect(answer.headers['content-length']).toBe(String(Buffer.byteLength('{"ok":true}')));
    expect(answer.body.byteLength).toBe(0);
  });

  it('streams a body of unknown length, chunked', async () => {
    const url = await serving(
      () =>
        new Response(
          new ReadableStream<Uint8Array>({
            start(controller) {
              controller.enqueue(new TextEncoder().encode('first,'));
              controller.enqueue(new TextEncoder().encode('second'));
              controller.close();
            },
          }),
        ),
    );
    const answer = await raw(url);
    expect(answer.headers['transfer-encoding']).toBe('chunked');
    expect(answer.body.toString()).toBe('first,second');
  });

  it('streams a large declared body: the client has its first bytes before the source has produced the rest', async () => {
    const chunk = new Uint8Array(256 * 1024).fill(65);
    let clientHasBytes!: () => void;
    const received = new Promise<void>((resolve) => (clientHasBytes = resolve));
    const url = await serving(() => {
      let sent = 0;
      const body = new ReadableStream<Uint8Array>({
        async pull(controller) {
          // The last chunk waits for the client: a sender that held the body whole would never finish.
          if (sent === 3) await received;
          controller.enqueue(chunk);
          if (++sent === 4) controller.close();
        },
      });
      return new Response(body, { headers: { 'content-length': String(4 * chunk.byteLength) } });
    });
    const answer = await raw(url, 'GET', clientHasBytes);
    expect(answer.headers['content-length']).toBe(String(4 * chunk.byteLength));
    expect(answer.body.byteLength).toBe(4 * chunk.byteLength);
  });

  it("gives statdeskRouter's instance view a Content-Length", async () => {
    const started = await portal();
    running.push(started);
    const created = await fetch(started.url('/workflows/review/instances'), {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...APPLICANT },
      body: JSON.stringify({ input: reviewInput }),
    });
    const { instanceId } = (await created.json()) as { instanceId: string };
    const view = await new Promise<RawAnswer>((resolve, reject) => {
      http
        .get(started.url(`/instances/${instanceId}`), { headers: APPLICANT }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
        })
        .on('error', reject);
    });
    expect(view.status).toBe(200);
    expect(view.headers['content-length']).toBe(String(view.body.byteLength));
    expect(JSON.parse(view.body.toString('utf8'))).toMatchObject({ id: instanceId, state: 'draft' });
  });
});
