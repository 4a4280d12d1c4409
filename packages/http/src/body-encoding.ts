/**
 * The encodings a request body may arrive in. statdesk reads bodies as sent: a body compressed
 * with `Content-Encoding` (gzip…) is refused rather than decompressed (a small zip bomb would
 * otherwise expand past every size limit), and text must be UTF-8 (the only charset the API and
 * the portal pages read). Both refusals are a 415 naming the header.
 */
import { ValidationError } from '@statdesk/core';
import { UnsupportedMediaTypeError } from './http-errors';

/** The media type of `Content-Type` (lower case, no parameters), or `''`. */
export function mediaTypeOf(headers: Headers): string {
  return (headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
}

/** Throws a 415 when the body is content-encoded or declares a charset other than UTF-8. */
export function checkBodyEncoding(headers: Headers): void {
  const encoding = (headers.get('content-encoding') ?? '').trim().toLowerCase();
  if (encoding && encoding !== 'identity') {
    throw new UnsupportedMediaTypeError('Send the body uncompressed: no Content-Encoding is accepted', [
      { path: 'content-encoding', message: 'must be absent (or identity)', code: 'unsupported_encoding' },
    ]);
  }
  const charset = charsetOf(headers.get('content-type') ?? '');
  if (charset !== undefined && charset !== 'utf-8' && charset !== 'utf8') {
    throw new UnsupportedMediaTypeError('Send the body as UTF-8', [{ path: 'content-type', message: 'charset must be utf-8', code: 'unsupported_charset' }]);
  }
}

function charsetOf(contentType: string): string | undefined {
  for (const parameter of contentType.split(';').slice(1)) {
    const [name, ...rest] = parameter.split('=');
    if (name?.trim().toLowerCase() !== 'charset') continue;
    return rest.join('=').trim().replace(/^"(.*)"$/, '$1').toLowerCase();
  }
  return undefined;
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** The body's bytes as UTF-8 text, or a 400 naming `field` when they are not UTF-8. */
export function decodeUtf8(bytes: Uint8Array, field = 'body'): string {
  try {
    return utf8.decode(bytes);
  } catch {
    throw new ValidationError('request body', [{ path: field, message: 'is not valid UTF-8', code: 'invalid_encoding' }]);
  }
}
