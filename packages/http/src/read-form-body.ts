/**
 * HTML form posts (`application/x-www-form-urlencoded`) read with the API's own body handling:
 * the same byte limit (413), the same refusal of compressed bodies and foreign charsets (415),
 * and the same refusal of unstorable text (400 naming the field). Portal pages use it so their
 * forms answer exactly as the API does.
 */
import { checkBodyEncoding, decodeUtf8, mediaTypeOf } from './body-encoding';
import { discardBody } from './discard-body';
import { UnsupportedMediaTypeError } from './http-errors';
import { readBodyBytes } from './read-json-body';
import { refuseUnsafeText, unsafeTextReason } from './safe-text';

/** Most fields a form may post. */
const MAX_FORM_FIELDS = 200;

/**
 * The fields of a form post (last value wins for repeated names; `{}` for an empty body). A body of
 * another media type is a 415, larger than `maxBytes` a 413.
 */
export async function readFormBody(request: Request, maxBytes: number): Promise<Record<string, string>> {
  const declared = Number(request.headers.get('content-length') ?? NaN);
  if (request.body && declared !== 0) {
    try {
      if (mediaTypeOf(request.headers) !== 'application/x-www-form-urlencoded') {
        throw new UnsupportedMediaTypeError('Send the form as application/x-www-form-urlencoded', [
          { path: 'content-type', message: 'must be application/x-www-form-urlencoded', code: 'unsupported_media_type' },
        ]);
      }
      checkBodyEncoding(request.headers);
    } catch (error) {
      await discardBody(request.body);
      throw error;
    }
  }
  const bytes = await readBodyBytes(request, maxBytes);
  if (bytes === undefined) return {};
  const params = new URLSearchParams(decodeUtf8(bytes));
  const fields: Record<string, string> = Object.create(null) as Record<string, string>;
  let count = 0;
  for (const [name, value] of params) {
    if (++count > MAX_FORM_FIELDS) break;
    fields[name] = value;
  }
  refuseUnsafeText('form', Object.entries(fields).flatMap(([name, value]) => [['(field name)', name] as const, [unsafeTextReason(name) ? '(field name)' : name, value] as const]));
  // No prototype: a field named `toString` or `__proto__` is just a field.
  return fields;
}
