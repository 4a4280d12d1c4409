/**
 * `statdeskRouter(desk, options)`: statdesk in an Express 4 or 5 app, as one middleware to mount
 * under any path. It is a thin shim: the Express request becomes a Fetch `Request`, the core
 * handler of `@statdesk/http` answers it, and its `Response` is written back — so Express gets
 * exactly the behaviour (and tests) of the framework-neutral handler.
 */
import type { NextFunction, Request as ExpressRequest, RequestHandler, Response as ExpressResponse } from 'express';
import type { Desk } from '@statdesk/core';
import { createHttpHandler, type HttpHandlerOptions, type Identity } from '@statdesk/http';
import { sendFetchResponse } from './send-fetch-response';
import { toFetchRequest } from './to-fetch-request';

/**
 * Options of {@link statdeskRouter}: the core handler's options, with the callbacks that need the caller
 * (`identify`, `clientKey`, `publicTenant`) taking the Express request instead of a Fetch one.
 */
export interface StatdeskRouterOptions extends Omit<HttpHandlerOptions, 'identify' | 'clientKey' | 'basePath' | 'publicTenant'> {
  /** Who is calling, from your own session or auth middleware (`req.user`, `req.session`…); `null` for anonymous. */
  identify: (req: ExpressRequest) => Identity | null | Promise<Identity | null>;
  /** Rate-limiter key for a client; default `req.ip` (set Express's `trust proxy` behind a proxy). */
  clientKey?: (req: ExpressRequest) => string;
  /** Tenant of the public routes (callers not signed in). */
  publicTenant?: string | ((req: ExpressRequest) => string | Promise<string>);
}

/**
 * Mounts statdesk's JSON API, uploads, downloads and public lookups in an Express 4 or 5 app as one
 * middleware (`app.use('/api', statdeskRouter(desk, options))`). Requests for paths the API does not serve go
 * to `next()` with the body unread; the answers are exactly those of `createHttpHandler` from
 * `@statdesk/http`.
 */
export function statdeskRouter(desk: Desk, options: StatdeskRouterOptions): RequestHandler {
  // The core handler sees Fetch requests; the portal's callbacks want the Express one.
  const origin = new WeakMap<Request, ExpressRequest>();
  const expressOf = (request: Request): ExpressRequest => {
    const req = origin.get(request);
    if (!req) throw new Error('statdeskRouter: a request reached the handler without its Express request');
    return req;
  };
  const { identify, clientKey, publicTenant, ...rest } = options;
  const handler = createHttpHandler(desk, {
    ...rest,
    identify: (request) => identify(expressOf(request)),
    clientKey: (request, info) => (clientKey ? clientKey(expressOf(request)) : (info.clientAddress ?? 'unidentified-client')),
    ...(publicTenant === undefined ? {} : { publicTenant: typeof publicTenant === 'string' ? publicTenant : (request: Request) => publicTenant(expressOf(request)) }),
  });

  return function statdesk(req: ExpressRequest, res: ExpressResponse, next: NextFunction): void {
    // Not one of ours: the app's own routes after this one get the request, body untouched.
    if (!handler.serves(req.method, (req.originalUrl || req.url).split('?')[0]!, req.baseUrl)) {
      next();
      return;
    }
    const aborted = new AbortController();
    res.once('close', () => {
      if (!res.writableFinished) aborted.abort();
    });
    void (async () => {
      const request = toFetchRequest(req, aborted.signal);
      origin.set(request, req);
      const response = await handler(request, { basePath: req.baseUrl, ...(req.ip ? { clientAddress: req.ip } : {}) });
      await sendFetchResponse(response, res, req.method);
    })().catch(next);
  };
}
