import { ValidationError } from '@statdesk/core';
import { PayloadTooLargeError, UnsupportedMediaTypeError } from './http-errors';

/**
 * Reads a JSON request body, counting bytes as they arrive so an oversized body is refused (413)
 * without being held whole. An empty body reads as `undefined`; a body that is not
 * `application/json` (or `…+json`) is a 415; text that is not JSON is a 400 naming `body`.
 */
export async function readJsonBody(request: Request, maxBytes: number): Promise<unknown> {
  const declared = Number(request.headers.get('content-length') ?? NaN);
  if (Number.isFinite(declared) && declared > maxBytes) {
    await request.body?.cancel().catch(() => {});
    throw new PayloadTooLargeError(maxBytes);
  }
  if (!request.body || declared === 0) return undefined;
  const type = (request.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== 'application/json' && !type.endsWith('+json')) {
    await request.body.cancel().catch(() => {});
    throw new UnsupportedMediaTypeError(`Send JSON (Content-Type: application/json), not ${type || 'an untyped body'}`, [
      { path: 'content-type', message: 'must be application/json', code: 'unsupported_media_type' },
    ]);
  }
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => {});
      throw new PayloadTooLargeError(maxBytes);
    }
    chunks.push(value);
  }
  if (size === 0) return undefined;
  const text = Buffer.concat(chunks, size).toString('utf8');
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new ValidationError('request body', [{ path: 'body', message: 'is not valid JSON', code: 'invalid_json' }]);
  }
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
