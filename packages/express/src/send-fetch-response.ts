import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import type { Response as ExpressResponse } from 'express';

/**
 * Bodies of at most this many bytes, declared in `Content-Length` (the API's JSON answers), are
 * read whole and written with the headers in one go: a stream pipeline costs more than the write.
 */
const WHOLE_BODY_LIMIT = 64 * 1024;

/**
 * Writes a Fetch `Response` to Express: status, headers (every Set-Cookie), then the body: whole
 * when it is small and its length is declared, otherwise as a stream.
 */
export async function sendFetchResponse(response: Response, res: ExpressResponse, method: string): Promise<void> {
  res.status(response.status);
  response.headers.forEach((value, name) => {
    if (name !== 'set-cookie') res.setHeader(name, value);
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length) res.setHeader('set-cookie', cookies);
  if (!response.body || method === 'HEAD') {
    await response.body?.cancel();
    res.end();
    return;
  }
  const declared = response.headers.get('content-length');
  if (declared !== null && Number(declared) <= WHOLE_BODY_LIMIT) {
    res.end(Buffer.from(await response.arrayBuffer()));
    return;
  }
  try {
    // Back-pressure from the socket reaches the source: a large download is never held in memory.
    await pipeline(Readable.fromWeb(response.body as NodeReadableStream<Uint8Array>), res);
  } catch (error) {
    // The client went away mid-download; there is no one left to answer.
    if (!res.destroyed && !res.writableFinished) throw error;
  }
}
