import { createHash } from 'node:crypto';

/** SHA-256 of some bytes, lowercase hex — the form `StoredFile.sha256` uses. */
export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** SHA-256 of a stream of chunks, lowercase hex, reading it once without buffering it. */
export async function sha256OfStream(chunks: AsyncIterable<Uint8Array>): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of chunks) hash.update(chunk);
  return hash.digest('hex');
}
