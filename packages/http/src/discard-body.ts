/**
 * Letting go of a request body the route refused. Cancelling a body mid-read can leave undici's
 * own stream wrapper closing a controller that is already closed (an `ERR_INVALID_STATE` thrown
 * from a microtask, which nothing can catch and which stops a server). So a refused body is read
 * to its end and dropped instead, up to `DISCARD_LIMIT_BYTES`; only a client still sending past
 * that is cut off with a cancel, since reading on would let it hold the server for free.
 */

/** Bytes of a refused body read and dropped before the rest is cancelled. */
export const DISCARD_LIMIT_BYTES = 8 * 1024 * 1024;

/** Reads and drops the rest of a body (from its reader, when one is already held). */
export async function discardBody(body: ReadableStream<Uint8Array> | ReadableStreamDefaultReader<Uint8Array> | null | undefined): Promise<void> {
  if (!body) return;
  let reader: ReadableStreamDefaultReader<Uint8Array>;
  if ('getReader' in body) {
    if (body.locked) return;
    reader = body.getReader();
  } else {
    reader = body;
  }
  let dropped = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      dropped += value.byteLength;
      if (dropped > DISCARD_LIMIT_BYTES) {
        await reader.cancel().catch(() => {});
        return;
      }
    }
  } catch {
    // The client went away or the stream failed: there is nothing left to drop.
  } finally {
    try {
      reader.releaseLock();
    } catch {
      // Already released.
    }
  }
}
