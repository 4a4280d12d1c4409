import type { Actor, ApplicantProfiles, Clock, FileStore, InstanceView, Logger, RateLimiter, StoredFile, UploadPolicy } from '@statdesk/core';
import type { ErrorReporter } from './error-response';
import type { ReportRouteOptions, SearchRouteOptions } from './report-options';

/** Who is calling, as the portal's own login says. statdesk never signs anyone in. */
export interface Identity {
  /** Who acts: id and roles, as the workflows' role checks see them. */
  actor: Actor;
  /** The tenant (office) the caller belongs to; every read and write is scoped to it. */
  tenantId: string;
}

/** What the integration knows about a request that the Fetch `Request` does not carry. */
export interface RequestInfo {
  /** The path the API is mounted under for this request (e.g. Express's `req.baseUrl`). */
  basePath?: string;
  /** The client's network address as the server saw it (Express's `req.ip`). */
  clientAddress?: string;
}

/** The context handed to the portal's pluggable routes (downloads, payments, public lookups). */
export interface RouteContext {
  /** The Fetch request being answered. */
  request: Request;
  /** The tenant the public routes serve (`publicTenant`), or the caller's own when signed in. */
  tenantId: string;
  /** The signed-in caller, if any (public routes work without one). */
  identity: Identity | null;
  /** The rate limiter's key for this client. */
  clientKey: string;
}

/** A file a download token stands for. */
export interface DownloadTarget {
  /** The file-store key (a file reference from an event). */
  file: { key: string };
  /** The name the browser saves it under. */
  filename: string;
}

/** What a payment callback route receives. */
export interface PaymentCallbackParams {
  /** The `:gateway` path segment, e.g. `zarinpal`. */
  gateway: string;
  /** The query string as the gateway sent it (`Authority`, `Status`, …). Take no amount from it. */
  query: URLSearchParams;
}

/**
 * The body of the public complaint lookup: a tracking code, and the complaint code when the office requires
 * both.
 */
export interface ComplaintLookupBody {
  /** The tracking code printed on the receipt. */
  trackingCode: string;
  /** The secret code given with it, for lookups that require it. */
  complaintCode?: string;
}

/** What `decorateView` receives besides the view. */
export interface ViewContext {
  /** Who is looking. */
  identity: Identity;
  /** The desk clock's instant this answer is computed at (use it for "due in …" fields). */
  now: Date;
}

/** The token-bucket limits of the public (anonymous) routes, per client key. */
export interface RateLimitSettings {
  /** Requests a client may make in a burst (default 20). */
  capacity?: number;
  /** One more request is allowed every this many milliseconds (default 3000: 20 a minute). */
  refillMs?: number;
  /** The limiter's clock (tests pass a test clock). */
  clock?: Clock;
}

/** Uploads: the policies a client may pick (size, media types) and how stored files are keyed. */
export interface UploadSettings {
  /**
   * Upload policies by name; the client picks one with `?policy=` (default `default`).
   * Default: `{ default: attachmentUploadPolicy, receipt: receiptUploadPolicy }`.
   */
  policies?: Readonly<Record<string, UploadPolicy>>;
  /**
   * The file-store key for a new upload; default `uploads/<yyyy-mm>/<random uuid>`.
   * Never derive it from the client's file name.
   */
  key?: (context: { identity: Identity; policy: string; now: Date }) => string;
}

/** Options of `createHttpHandler` (and, through it, of the Express and Next.js integrations). */
export interface HttpHandlerOptions {
  /** Who is calling; `null` for anonymous. Called at most once per request. */
  identify: (request: Request) => Identity | null | Promise<Identity | null>;
  /**
   * The path the API is mounted under when the integration does not say (Next.js route
   * handlers); default `''`. Express passes its mount path per request.
   */
  basePath?: string;
  /**
   * Tenant the public routes (`/public/*`, `/downloads/*`, `/payments/callback/*`) act for, since
   * their callers are not signed in. Required when any of those routes is configured.
   */
  publicTenant?: string | ((request: Request) => string | Promise<string>);
  /** Rate-limiter key for a client; default the address the integration reports, else one shared key. */
  clientKey?: (request: Request, info: RequestInfo) => string;
  /**
   * Limits for public routes (complaint lookup, incidents, downloads): by default an in-memory
   * token bucket per client (20 at once, then one per 3 s). Several processes share one only
   * through a shared `limiter`: `mikroOrmRateLimiter` from `@statdesk/storage-mikro-orm` (in the
   * storage's database), or any `RateLimiter` that passes the rate-limiter conformance suite.
   */
  rateLimit?: RateLimitSettings | { limiter: RateLimiter };
  /** Where uploads go and downloads come from; needed for `POST /files` and `GET /downloads/:token`. */
  files?: FileStore;
  /**
   * The applicant profiles (`createApplicantProfiles`) behind the profile routes: `POST /profiles`,
   * `GET`/`PATCH /profiles/me`, `POST /profiles/me/student-card`, and staff's
   * `POST /profiles/:profileId/category/verify|reject`. Without it those routes answer 404.
   */
  profiles?: ApplicantProfiles;
  /** Upload policies and file keys (default: `DEFAULT_UPLOAD_POLICIES`). */
  uploads?: UploadSettings;
  /** Largest JSON body accepted (default 1 MiB); larger is a 413. */
  maxJsonBytes?: number;
  /** Largest page `GET /workflows/:workflow/instances` returns (default 100; a client asks with `limit`). */
  maxPageSize?: number;
  /**
   * Adds fields to a view before it is sent (list items and `GET /instances/:id`): links,
   * labels, a portal's own due dates. Return the view to send. Runs after the built-in `sla`
   * field (the policy's summary, present when the definition is bound with `withSla`).
   */
  decorateView?: (view: ApiInstanceView, context: ViewContext) => ApiInstanceView | Promise<ApiInstanceView>;
  /** Resolves a delivery token to a file, or `null` for unknown, expired or used-up tokens. */
  downloads?: (token: string, context: RouteContext) => Promise<DownloadTarget | null>;
  /** Completes a card payment after the gateway redirects the browser back. */
  paymentCallback?: (params: PaymentCallbackParams, context: RouteContext) => Promise<{ redirectTo: string }>;
  /**
   * Absolute origins a payment callback may redirect to besides the API's own (relative
   * `redirectTo` paths are always allowed). Anything else is refused: no open redirects.
   */
  redirectOrigins?: readonly string[];
  /** The public complaint status lookup; `null` when the codes match nothing. */
  complaintLookup?: (body: ComplaintLookupBody, context: RouteContext) => Promise<unknown | null>;
  /** The public service-incident status (citizen-safe). */
  incidentStatus?: (context: RouteContext) => Promise<unknown>;
  /** Serve `GET /reports/:kind` (SLA compliance, volumes, revenue, satisfaction) to supervisors and finance staff. */
  reports?: ReportRouteOptions;
  /** Serve `GET /search` to staff: cases by order number, tracking code, receipt tracking number or national ID. */
  search?: SearchRouteOptions;
  /** Serve the OpenAPI document at `GET /openapi.json` (default true). */
  openapi?: boolean | { title?: string; version?: string; serverUrl?: string };
  /**
   * Where warnings and unexpected errors are logged (default: the console). Personal data is never passed to
   * it.
   */
  logger?: Logger;
  /** Sees every unexpected error (for an error tracker that scrubs personal data). */
  reportError?: ErrorReporter;
}

/** An instance as the API sends it: the desk's view, with `sla` when the definition has one. */
export type ApiInstanceView = InstanceView & { sla?: unknown } & Record<string, unknown>;

/**
 * The reference to a stored file that a workflow event carries (an attachment): its key, hash, size and media
 * type, never the bytes.
 */
export type StoredFileReference = Pick<StoredFile, 'key' | 'sha256' | 'size' | 'contentType'>;
