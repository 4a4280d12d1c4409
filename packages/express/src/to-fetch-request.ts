import type { IncomingMessage } from 'node:http';
import type { Request as ExpressRequest } from 'express';

/** Bytes buffered from the client before reading pauses (back-pressure to the socket). */
const BODY_HIGH_WATER_MARK = 64 * 1024;

/**
 * The Fetch `Request` for an Express request. The body is streamed from the socket, never
 * buffered whole; if a body parser (e.g. `express.json()`) already read it, its parsed JSON is
 * sent on instead. `signal` aborts when the client goes away.
 */
export function toFetchRequest(req: ExpressRequest, signal: AbortSignal): Request {
  const url = new URL(req.originalUrl || req.url, `${req.protocol}://${req.get('host') ?? 'localhost'}`);
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined || name.startsWith(':')) continue;
    if (Array.isArray(value)) for (const v of value) headers.append(name, v);
    else headers.set(name, value);
  }
  const init: RequestInit & { duplex?: 'half' } = { method: req.method, headers, signal };
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    if (req.readableEnded) {
      // A body parser got here first: pass on what it parsed, as JSON.
      if (req.body !== undefined && req.body !== null && typeof req.body === 'object' && !Buffer.isBuffer(req.body)) {
        const text = JSON.stringify(req.body);
        headers.set('content-type', 'application/json');
        headers.set('content-length', String(Buffer.byteLength(text)));
        init.body = text;
      } else {
        headers.delete('content-length');
      }
    } else if (hasBody(req)) {
      init.body = bodyStream(req);
      init.duplex = 'half';
    }
  }
  return new Request(url, init);
}

function hasBody(req: IncomingMessage): boolean {
  const length = req.headers['content-length'];
  return req.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}

/**
 * A web stream over the request's bytes that pauses the socket when the reader falls behind.
 * Cancelling it (a refused upload) drains the rest without keeping it, so the client still
 * receives our answer instead of a reset connection.
 */
function bodyStream(req: IncomingMessage): ReadableStream<Uint8Array> {
  let open = true;
  let onData: ((chunk: Buffer) => void) | undefined;
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        onData = (chunk: Buffer) => {
          if (!open) return;
          controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
          if ((controller.desiredSize ?? 1) <= 0) req.pause();
        };
        req.on('data', onData);
        req.once('end', () => {
          if (!open) return;
          open = false;
          controller.close();
        });
        req.once('error', (error) => {
          if (!open) return;
          open = false;
          controller.error(error);
        });
      },
      pull() {
        req.resume();
      },
      cancel() {
        open = false;
        if (onData) req.off('data', onData);
        req.resume();
      },
    },
    { highWaterMark: BODY_HIGH_WATER_MARK, size: (chunk) => chunk.byteLength },
  );
}
