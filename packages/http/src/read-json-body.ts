import { ValidationError } from '@statdesk/core';
import { checkBodyEncoding, decodeUtf8, mediaTypeOf } from './body-encoding';
import { parseBoundedJson } from './bounded-json';
import { discardBody } from './discard-body';
import { PayloadTooLargeError, UnsupportedMediaTypeError } from './http-errors';

/**
 * Reads a request body whole up to `maxBytes`, counting bytes as they arrive so an oversized body
 * is refused (413) without being held. A refused body is read to its end and dropped, never left
 * half-cancelled. Content-encoded bodies and charsets other than UTF-8 are a 415 (checked first).
 */
export async function readBodyBytes(request: Request, maxBytes: number): Promise<Uint8Array | undefined> {
  const declared = Number(request.headers.get('content-length') ?? NaN);
  if (Number.isFinite(declared) && declared > maxBytes) {
    await discardBody(request.body);
    throw new PayloadTooLargeError(maxBytes);
  }
  if (!request.body || declared === 0) return undefined;
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await discardBody(reader);
      throw new PayloadTooLargeError(maxBytes);
    }
    chunks.push(value);
  }
  return size === 0 ? undefined : Buffer.concat(chunks, size);
}

/**
 * Reads a JSON request body, counting bytes as they arrive so an oversized body is refused (413)
 * without being held whole. An empty body reads as `undefined`; a body that is not
 * `application/json` (or `…+json`) is a 415; text that is not JSON, nests too deeply, or holds a
 * non-finite number, a NUL or a lone surrogate is a 400 naming the field.
 */
export async function readJsonBody(request: Request, maxBytes: number): Promise<unknown> {
  const declared = Number(request.headers.get('content-length') ?? NaN);
  if (request.body && declared !== 0) {
    const type = mediaTypeOf(request.headers);
    try {
      if (type !== 'application/json' && !type.endsWith('+json')) {
        throw new UnsupportedMediaTypeError(`Send JSON (Content-Type: application/json), not ${type || 'an untyped body'}`, [
          { path: 'content-type', message: 'must be application/json', code: 'unsupported_media_type' },
        ]);
      }
      checkBodyEncoding(request.headers);
    } catch (error) {
      await discardBody(request.body);
      throw error;
    }
  }
  const bytes = await readBodyBytes(request, maxBytes);
  if (bytes === undefined) return undefined;
  return parseBoundedJson(decodeUtf8(bytes));
}

/** The body as a JSON object (or `{}` when empty); arrays and scalars are a 400 naming `body`. */
export async function readJsonObject(request: Request, maxBytes: number): Promise<Record<string, unknown>> {
  const body = await readJsonBody(request, maxBytes);
  if (body === undefined) return {};
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw new ValidationError('request body', [{ path: 'body', message: 'must be a JSON object', code: 'invalid_type' }]);
  }
  return body as Record<string, unknown>;
}
