import { ValidationError } from '../errors';
import type { FileContent } from '../ports/files';
import { SNIFF_BYTES } from './sniff-content-type';

/** The first bytes of a content (to sniff its type) and the whole content, still unread. */
export interface PeekedContent {
  /** The first bytes (fewer if the content is shorter). */
  head: Uint8Array;
  /** All of the content, the head included. */
  content: AsyncIterable<Uint8Array>;
  /** Closes the source when `content` will not be read (e.g. the upload was rejected). */
  release(): Promise<void>;
}

/**
 * Reads the first `bytes` bytes of some content (for `sniffContentType` / `checkUpload`) without
 * losing them: `content` replays what was read, then continues the original stream. Reads no
 * more than it must, so a large upload still streams. The returned `content` is single-use,
 * like the input.
 */
export async function peekHead(
  content: FileContent,
  bytes: number = SNIFF_BYTES,
): Promise<PeekedContent> {
  if (content instanceof Uint8Array) return { head: content.subarray(0, bytes), content: single(content), release: async () => {} };
  if (content === null || typeof content !== 'object' || typeof content[Symbol.asyncIterator] !== 'function') {
    throw new ValidationError('file', [{ path: 'content', message: 'must be a Uint8Array or an async iterable of Uint8Array', code: 'invalid_type' }]);
  }
  const iterator = content[Symbol.asyncIterator]();
  const seen: Uint8Array[] = [];
  let length = 0;
  let done = false;
  while (length < bytes) {
    const next = await iterator.next();
    if (next.done) {
      done = true;
      break;
    }
    // Copy: the producer may reuse its buffer before the replay reaches this chunk.
    const chunk = next.value instanceof Uint8Array ? next.value.slice() : next.value;
    seen.push(chunk);
    if (chunk instanceof Uint8Array) length += chunk.byteLength;
  }
  const head = concat(seen.filter((c): c is Uint8Array => c instanceof Uint8Array)).subarray(0, bytes);
  return {
    head,
    content: replay(seen, done ? undefined : iterator),
    release: async () => {
      if (!done) await iterator.return?.();
    },
  };
}

async function* single(bytes: Uint8Array): AsyncGenerator<Uint8Array> {
  yield bytes;
}

async function* replay(seen: Uint8Array[], rest: AsyncIterator<Uint8Array> | undefined): AsyncGenerator<Uint8Array> {
  let finished = rest === undefined;
  try {
    yield* seen;
    if (!rest) return;
    for (;;) {
      const next = await rest.next();
      if (next.done) {
        finished = true;
        return;
      }
      yield next.value;
    }
  } finally {
    // A consumer that stops early (or fails) releases the source, as `for await` would have.
    if (!finished) await rest?.return?.();
  }
}

function concat(chunks: Uint8Array[]): Uint8Array {
  if (chunks.length === 1) return chunks[0]!;
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.byteLength, 0));
  let offset = 0;
  for (const c of chunks) {
    out.set(c, offset);
    offset += c.byteLength;
  }
  return out;
}
