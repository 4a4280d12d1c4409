/**
 * `toNextHandler(desk, options)`: statdesk's JSON API as Next.js App Router route handlers, for a
 * catch-all route such as `app/api/[...statdesk]/route.ts`. Next already hands route handlers a
 * Fetch `Request` and sends back the `Response` they return, so this is the core handler of
 * `@statdesk/http` with the mount path worked out — Next.js behaves exactly like Express.
 */
import type { Desk } from '@statdesk/core';
import { createHttpHandler, type HttpHandlerOptions } from '@statdesk/http';

/** Options of {@link toNextHandler}: those of `createHttpHandler`, plus how to find the client's address. */
export interface NextHandlerOptions extends HttpHandlerOptions {
  /**
   * The path the catch-all route lives under, e.g. `/api`. Default: worked out per request from
   * the catch-all segments Next passes in `params`, so moving the route folder needs no change.
   */
  basePath?: string;
  /**
   * The client's network address, for the public routes' rate limits. Next.js does not expose
   * the socket; behind your proxy read the header it sets (e.g. the last `x-forwarded-for`
   * entry). Default: none, so all clients share one limit unless `clientKey` is given.
   */
  clientAddress?: (request: Request) => string | undefined;
}

/** The second argument Next.js passes to a route handler; only the catch-all `params` are read. */
export interface NextRouteContext {
  /** The dynamic segments; for `[...statdesk]`, the path below the route folder as an array. */
  params: Promise<Record<string, string | string[] | undefined>>;
}

/** One App Router route handler: a Fetch `Request` in, a `Response` out. */
export type NextRouteHandler = (request: Request, context: NextRouteContext) => Promise<Response>;

/**
 * Route handlers for every HTTP method, to re-export from a catch-all `route.ts`. Methods the
 * API does not serve on a path are answered by the core handler (405 with `Allow`).
 */
export interface NextRouteHandlers {
  /** Reads: views, lists, history, downloads, the OpenAPI document. */
  GET: NextRouteHandler;
  /** As `GET`, without the body. */
  HEAD: NextRouteHandler;
  /** Commands: start an instance, send an event, upload a file, the public lookups. */
  POST: NextRouteHandler;
  /** Not served by the API today: answered 405 with `Allow`. */
  PUT: NextRouteHandler;
  /** Not served by the API today: answered 405 with `Allow`. */
  PATCH: NextRouteHandler;
  /** Not served by the API today: answered 405 with `Allow`. */
  DELETE: NextRouteHandler;
  /** Not served by the API today: answered 405 with `Allow` naming the methods the path serves. */
  OPTIONS: NextRouteHandler;
}

/** What {@link toNextHandler} builds from when the desk starts on first use. */
export interface NextHandlerSetup {
  /** The started desk the routes serve. */
  desk: Desk;
  /** The handler's options, as for the two-argument form. */
  options: NextHandlerOptions;
}

/**
 * Builds the route handlers for a catch-all App Router route over one desk. Give the desk and
 * options, or a function that starts them (called once, on the first request), since a Next.js
 * app usually opens its database lazily rather than at import time.
 *
 * ```ts
 * // app/api/[...statdesk]/route.ts
 * export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = toNextHandler(desk, { identify });
 * ```
 */
export function toNextHandler(desk: Desk, options: NextHandlerOptions): NextRouteHandlers;
export function toNextHandler(setup: () => NextHandlerSetup | Promise<NextHandlerSetup>): NextRouteHandlers;
export function toNextHandler(source: Desk | (() => NextHandlerSetup | Promise<NextHandlerSetup>), options?: NextHandlerOptions): NextRouteHandlers {
  const make = (setup: NextHandlerSetup) => {
    const { clientAddress: _address, basePath: _base, ...rest } = setup.options;
    return { handler: createHttpHandler(setup.desk, rest), options: setup.options };
  };
  type Built = ReturnType<typeof make>;
  // Given outright, the options are checked now, so a mistake fails at import, not on a request.
  let built: Promise<Built> | undefined = typeof source === 'function' ? undefined : Promise.resolve(make({ desk: source, options: options! }));
  const build = async (): Promise<Built> => make(await (source as () => NextHandlerSetup | Promise<NextHandlerSetup>)());
  const route: NextRouteHandler = async (request, context) => {
    const current = (built ??= build());
    // A setup that failed is tried again on the next request rather than cached.
    const { handler, options: { clientAddress, basePath } } = await current.catch((error: unknown) => {
      if (built === current) built = undefined;
      throw error;
    });
    const address = clientAddress?.(request);
    return handler(request, {
      basePath: basePath ?? (await mountPathOf(request, context)),
      ...(address ? { clientAddress: address } : {}),
    });
  };
  return { GET: route, HEAD: route, POST: route, PUT: route, PATCH: route, DELETE: route, OPTIONS: route };
}

/**
 * The request path without the segments the catch-all matched. Segments are counted on the raw
 * path, not compared, because Next passes them decoded.
 */
async function mountPathOf(request: Request, context: NextRouteContext): Promise<string> {
  const params = await context?.params;
  const caught = Object.values(params ?? {}).find((value): value is string[] => Array.isArray(value));
  // No catch-all segments: the route is not a catch-all, so the API is taken to be at the root.
  if (!caught) return '';
  const segments = new URL(request.url).pathname.split('/').filter((s) => s !== '');
  const kept = segments.slice(0, segments.length - caught.length);
  return kept.length ? `/${kept.join('/')}` : '';
}
