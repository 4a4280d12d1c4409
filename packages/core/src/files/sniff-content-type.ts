import { fileTypeFromBuffer } from 'file-type/core';

/** What the bytes themselves say a file is. */
export interface SniffedType {
  /** MIME type, e.g. `application/pdf`. */
  contentType: string;
  /** Usual extension without the dot, e.g. `pdf`. */
  extension: string;
}

/**
 * How many leading bytes `sniffContentType` needs to recognise every type it knows; give it at
 * least this many when the file is that long (`peekHead` reads exactly this much).
 */
export const SNIFF_BYTES = 4100;

/**
 * Recognises a file from its leading bytes (magic numbers, via the `file-type` package), so an
 * upload's type never depends on what the client claims. Resolves `undefined` for content it
 * does not recognise, plain text included.
 */
export async function sniffContentType(bytes: Uint8Array): Promise<SniffedType | undefined> {
  if (bytes.byteLength === 0) return undefined;
  const found = await fileTypeFromBuffer(bytes);
  return found ? { contentType: found.mime, extension: found.ext } : undefined;
}
