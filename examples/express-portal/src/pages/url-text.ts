/**
 * Pages refuse what the API refuses in the URL: a path segment or query parameter that does not
 * decode, or holds a NUL or a lone surrogate, is a 400 naming it (through the error page) before
 * any page looks anything up — `/demo-bank/a%00b` never reaches the database.
 */
import { queryFields, refuseUnsafeText } from '@statdesk/http';
import { ValidationError } from '@statdesk/core';
import type { RequestHandler } from 'express';

export function refuseUnsafeUrlText(): RequestHandler {
  return (req, _res, next) => {
    try {
      const url = new URL(req.originalUrl || req.url, 'http://portal.invalid');
      const segments = url.pathname.split('/').filter(Boolean).map((segment, i) => {
        try {
          return [`path.${i}`, decodeURIComponent(segment)] as const;
        } catch {
          throw new ValidationError('path', [{ path: `path.${i}`, message: 'is not a valid URL-encoded segment', code: 'invalid_string' }]);
        }
      });
      refuseUnsafeText('path', segments);
      refuseUnsafeText('query', queryFields(url.searchParams));
      next();
    } catch (error) {
      next(error);
    }
  };
}
