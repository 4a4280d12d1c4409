/**
 * `createHttpHandler(desk, options)`: statdesk's whole HTTP surface as one Fetch-API function,
 * `(request) => Promise<Response>`. Framework integrations (Express, Next.js) only convert
 * their request to a `Request` and the `Response` back, so they all behave the same.
 */
import { DefinitionError, type Desk, type Logger } from '@statdesk/core';
import { errorResponse } from './error-response';
import { MethodNotAllowedError } from './http-errors';
import { jsonResponse } from './json';
import { buildOpenApiDocument, type OpenApiDocument } from './openapi';
import type { HttpHandlerOptions, RequestInfo } from './options';
import { publicRateLimiter } from './public-rate-limit';
import { RequestScope, type HandlerRuntime } from './request-scope';
import { RouteTable } from './route-table';
import { queryFields, refuseUnsafeText } from './safe-text';
import { download, uploadFile } from './routes/file-routes';
import { paymentCallback } from './routes/payment-routes';
import { PROFILE_ROUTES } from './routes/profile-routes';
import { incidentStatus, lookupComplaint } from './routes/public-routes';
import { getReport } from './routes/report-routes';
import { searchCases } from './routes/search-routes';
import { assignInstance, workQueue } from './routes/queue-routes';
import { getHistory, getInstance, listInstances, sendEvent, sendTypedEvent, startInstance } from './routes/workflow-routes';

/**
 * The framework-neutral handler: a function from a Fetch `Request` to a `Response`, plus `serves()` so a host
 * framework can tell which requests are statdesk's.
 */
export interface HttpHandler {
  (request: Request, info?: RequestInfo): Promise<Response>;
  /**
   * Whether a method and path (below `basePath`) is one of this handler's routes. Integrations
   * mounted at the root use it to pass other requests on to the app (Express's `next()`).
   */
  serves(method: string, pathname: string, basePath?: string): boolean;
}

type RouteHandler = (scope: RequestScope) => Promise<Response>;

const DEFAULT_MAX_JSON_BYTES = 1024 * 1024;
const DEFAULT_MAX_PAGE_SIZE = 100;

const consoleLogger: Logger = { warn: (m, f) => console.warn(m, f ?? ''), error: (m, f) => console.error(m, f ?? '') };

/**
 * Builds statdesk's HTTP API over a desk: the workflow routes, uploads and downloads, payment callbacks,
 * public lookups (rate-limited) and the OpenAPI document, as one Fetch handler. Options are checked here, so
 * a misconfiguration fails at startup, not on the first request.
 */
export function createHttpHandler(desk: Desk, options: HttpHandlerOptions): HttpHandler {
  checkOptions(options);
  const runtime: HandlerRuntime = {
    desk,
    options,
    logger: options.logger ?? consoleLogger,
    limiter: publicRateLimiter(options.rateLimit),
    maxJsonBytes: options.maxJsonBytes ?? DEFAULT_MAX_JSON_BYTES,
    maxPageSize: options.maxPageSize ?? DEFAULT_MAX_PAGE_SIZE,
  };
  const routes = new RouteTable<RouteHandler>()
    .add('POST', '/workflows/:workflow/instances', startInstance)
    .add('GET', '/workflows/:workflow/instances', listInstances)
    .add('POST', '/workflows/:workflow/instances/:id/events/:type', sendTypedEvent)
    .add('GET', '/instances/:id', getInstance)
    .add('POST', '/instances/:id/events', sendEvent)
    .add('GET', '/instances/:id/history', getHistory)
    .add('GET', '/queue', workQueue)
    .add('POST', '/instances/:id/assignment', assignInstance)
    .add('POST', '/files', uploadFile)
    .add('GET', '/downloads/:token', download)
    .add('GET', '/payments/callback/:gateway', paymentCallback)
    .add('POST', '/public/complaints/lookup', lookupComplaint)
    .add('GET', '/public/incidents', incidentStatus)
    .add('GET', '/reports/:kind', getReport)
    .add('GET', '/search', searchCases);
  for (const [method, pattern, handler] of PROFILE_ROUTES) routes.add(method, pattern, handler);
  if (options.openapi !== false) {
    // Built on first request: the registry does not change while the desk runs.
    let document: OpenApiDocument | undefined;
    const settings = typeof options.openapi === 'object' ? options.openapi : {};
    routes.add('GET', '/openapi.json', async () => {
      document ??= buildOpenApiDocument(desk.registry, {
        ...settings,
        routes: {
          files: Boolean(options.files),
          downloads: Boolean(options.files && options.downloads),
          payments: Boolean(options.paymentCallback),
          complaints: Boolean(options.complaintLookup),
          incidents: Boolean(options.incidentStatus),
          profiles: Boolean(options.profiles),
          reports: Boolean(options.reports),
          search: Boolean(options.search),
        },
      });
      return jsonResponse(200, document, { 'cache-control': 'public, max-age=300' });
    });
  }

  const baseOf = (basePath: string | undefined) => (basePath ?? options.basePath ?? '').replace(/\/+$/, '');

  const handle = async function handle(request: Request, info: RequestInfo = {}): Promise<Response> {
    const url = new URL(request.url);
    const basePath = baseOf(info.basePath);
    const path = routePath(url.pathname, basePath);
    let route = 'unmatched';
    try {
      const match = path === null ? ({ kind: 'none' } as const) : routes.match(request.method, path);
      if (match.kind === 'none') return jsonResponse(404, { type: 'NOT_FOUND', message: `No statdesk route for ${request.method} ${url.pathname}` });
      if (match.kind === 'wrong-method') throw new MethodNotAllowedError(match.allowed);
      route = match.route.pattern;
      // Text no storage can keep (a NUL, a lone surrogate) is refused before any route runs.
      refuseUnsafeText('path', Object.entries(match.params));
      refuseUnsafeText('query', queryFields(url.searchParams));
      return await match.route.handler(new RequestScope(runtime, request, url, match.params, { ...info, basePath }));
    } catch (error) {
      return errorResponse(error, runtime.logger, { method: request.method, route }, options.reportError);
    }
  };
  return Object.assign(handle, {
    serves(method: string, pathname: string, basePath?: string): boolean {
      const path = routePath(pathname, baseOf(basePath));
      if (path === null) return false;
      try {
        return routes.match(method.toUpperCase(), path).kind !== 'none';
      } catch {
        // A path segment that does not decode is still ours to refuse with a 400.
        return true;
      }
    },
  });
}

/** The path below the mount point (given without a trailing slash), or null when the request is not under it. */
function routePath(pathname: string, base: string): string | null {
  if (!base) return pathname;
  if (pathname === base) return '/';
  return pathname.startsWith(`${base}/`) ? pathname.slice(base.length) : null;
}

function checkOptions(options: HttpHandlerOptions): void {
  if (typeof options?.identify !== 'function') throw new DefinitionError('createHttpHandler: options.identify (request → { actor, tenantId } | null) is required');
  const publicRoutes = (['downloads', 'paymentCallback', 'complaintLookup', 'incidentStatus'] as const).filter((name) => options[name]);
  if (publicRoutes.length && options.publicTenant === undefined) {
    throw new DefinitionError(`createHttpHandler: ${publicRoutes.join(', ')} serve callers who are not signed in; set publicTenant to the tenant they act for`);
  }
  if (options.downloads && !options.files) throw new DefinitionError('createHttpHandler: downloads need options.files (the FileStore to stream from)');
  for (const [name, value] of [['maxJsonBytes', options.maxJsonBytes], ['maxPageSize', options.maxPageSize]] as const) {
    if (value !== undefined && (!Number.isInteger(value) || value < 1)) throw new DefinitionError(`createHttpHandler: ${name} must be a whole number of at least 1`);
  }
}
