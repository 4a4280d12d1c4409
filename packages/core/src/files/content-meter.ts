import { createHash, type Hash } from 'node:crypto';
import { ValidationError } from '../errors';
import type { FileContent } from '../ports/files';

/**
 * Counts and hashes the bytes of one `put` as they stream past, and stops the upload the moment
 * it exceeds `maxBytes` — so no adapter ever buffers or stores more than the limit.
 */
export class ContentMeter {
  #size = 0;
  readonly #hash: Hash = createHash('sha256');

  /** @param maxBytes - stop the upload with a `ValidationError` naming `size` beyond this many bytes */
  constructor(readonly maxBytes?: number) {}

  /**
   * Accounts for one chunk and returns it. Throws a `ValidationError` naming `content` for a
   * chunk that is not bytes, or `size` once the total passes `maxBytes`.
   */
  add(chunk: unknown): Uint8Array {
    if (!(chunk instanceof Uint8Array)) {
      throw new ValidationError('file', [{ path: 'content', message: 'chunks must be Uint8Array (or Buffer)', code: 'invalid_type' }]);
    }
    this.#size += chunk.byteLength;
    if (this.maxBytes !== undefined && this.#size > this.maxBytes) {
      throw new ValidationError('file', [{ path: 'size', message: `exceeds the limit of ${this.maxBytes} bytes`, code: 'too_big' }]);
    }
    this.#hash.update(chunk);
    return chunk;
  }

  /** Bytes counted so far. */
  get size(): number {
    return this.#size;
  }

  /** The SHA-256 of everything added, lowercase hex. Call once, after the last chunk. */
  digest(): string {
    return this.#hash.digest('hex');
  }
}

/**
 * The chunks of a `put`'s content, whichever form it came in. Throws a `ValidationError` naming
 * `content` if it is neither bytes nor an async iterable.
 */
export async function* fileChunks(content: FileContent): AsyncGenerator<unknown, void, undefined> {
  if (content instanceof Uint8Array) {
    yield content;
    return;
  }
  if (content === null || typeof content !== 'object' || typeof (content as Partial<AsyncIterable<unknown>>)[Symbol.asyncIterator] !== 'function') {
    throw new ValidationError('file', [{ path: 'content', message: 'must be a Uint8Array or an async iterable of Uint8Array', code: 'invalid_type' }]);
  }
  yield* content as AsyncIterable<unknown>;
}
