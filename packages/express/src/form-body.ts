/**
 * `formBody()`: HTML form posts for an Express app's own pages, read by `@statdesk/http`'s body
 * handling instead of a separate parser, so pages refuse what the API refuses and answer the same
 * way: a body over the limit is a `PayloadTooLargeError` (413), a compressed body or a charset
 * other than UTF-8 an `UnsupportedMediaTypeError` (415), a NUL or a lone surrogate in a field a
 * `ValidationError` naming it (400). Refusals go to the app's error handler through `next`.
 */
import type { RequestHandler } from 'express';
import { readFormBody } from '@statdesk/http';
import { toFetchRequest } from './to-fetch-request';

/** Options of {@link formBody}. */
export interface FormBodyOptions {
  /** Largest form body accepted, in bytes (default 64 KiB); larger is a 413. */
  limitBytes?: number;
}

const DEFAULT_FORM_LIMIT_BYTES = 64 * 1024;

/**
 * Middleware that reads `application/x-www-form-urlencoded` posts into `req.body` (fields without a
 * prototype, last value wins). Requests without a body pass through untouched.
 */
export function formBody(options: FormBodyOptions = {}): RequestHandler {
  const limit = options.limitBytes ?? DEFAULT_FORM_LIMIT_BYTES;
  return (req, _res, next) => {
    if (req.method === 'GET' || req.method === 'HEAD' || req.readableEnded) {
      next();
      return;
    }
    readFormBody(toFetchRequest(req, new AbortController().signal), limit).then(
      (fields) => {
        req.body = fields;
        next();
      },
      next,
    );
  };
}
