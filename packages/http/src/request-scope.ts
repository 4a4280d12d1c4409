import type { Desk, Logger, RateLimiter } from '@statdesk/core';
import { UnauthenticatedError } from './http-errors';
import type { HttpHandlerOptions, Identity, RequestInfo, RouteContext } from './options';

/** What every route reads: the desk, the resolved options, and shared services. */
export interface HandlerRuntime {
  desk: Desk;
  options: HttpHandlerOptions;
  logger: Logger;
  limiter: RateLimiter;
  maxJsonBytes: number;
  maxPageSize: number;
}

/** One request as the routes see it. Identity is asked for once, and only when a route needs it. */
export class RequestScope {
  private identityPromise?: Promise<Identity | null>;

  constructor(
    readonly runtime: HandlerRuntime,
    readonly request: Request,
    readonly url: URL,
    readonly params: Readonly<Record<string, string>>,
    readonly info: RequestInfo,
  ) {}

  param(name: string): string {
    const value = this.params[name];
    if (value === undefined) throw new Error(`route has no parameter "${name}"`);
    return value;
  }

  identity(): Promise<Identity | null> {
    this.identityPromise ??= Promise.resolve(this.runtime.options.identify(this.request));
    return this.identityPromise;
  }

  /** The caller, or a 401. */
  async requireIdentity(): Promise<Identity> {
    const identity = await this.identity();
    if (!identity) throw new UnauthenticatedError();
    return identity;
  }

  clientKey(): string {
    const { clientKey } = this.runtime.options;
    return clientKey ? clientKey(this.request, this.info) : (this.info.clientAddress ?? 'unidentified-client');
  }

  /** The context for the portal's pluggable routes, on the public tenant. */
  async routeContext(): Promise<RouteContext> {
    const identity = await this.identity();
    const { publicTenant } = this.runtime.options;
    const tenantId = typeof publicTenant === 'function' ? await publicTenant(this.request) : (publicTenant ?? identity?.tenantId);
    // createHttpHandler refuses pluggable routes without `publicTenant`, so this is a safety net.
    if (tenantId === undefined) throw new Error('publicTenant is not configured');
    return { request: this.request, tenantId, identity, clientKey: this.clientKey() };
  }
}
