// The portal's Express app: its own pages and login, with statdesk's JSON API mounted beside them.
import { handlePaymentCallback, lookupComplaint, TokenBucketRateLimiter, type Desk, type FileStore } from '@statdesk/core';
import { statdeskRouter } from '@statdesk/express';
import express, { type Request } from 'express';

/** What the portal's own login provides; statdesk never sees passwords or sessions. */
export interface PortalAuth {
  currentUser(req: Request): Promise<{ id: string; roles: string[] } | null>;
  /** True when an unsafe request carries the session's CSRF token. */
  csrfValid(req: Request): boolean;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function createPortalApp(desk: Desk, files: FileStore, auth: PortalAuth, tenantId = 'sci') {
  const app = express();
  app.set('trust proxy', 'loopback');         // req.ip is the client behind your reverse proxy
  app.use(
    '/api/statdesk',
    statdeskRouter(desk, {
      identify: async (req) => {
        if (!SAFE_METHODS.has(req.method) && !auth.csrfValid(req)) return null;   // answered 401
        const user = await auth.currentUser(req);
        return user ? { tenantId, actor: { id: user.id, roles: user.roles } } : null;
      },
      files,
      publicTenant: tenantId,                 // complaint lookup and payment callback need no login
      rateLimit: { limiter: new TokenBucketRateLimiter({ capacity: 10, refillMs: 6_000 }) },
      complaintLookup: async (codes) => {
        const result = await lookupComplaint(desk, { tenantId, ...codes });
        return result.found ? result.message : null;                      // null: the same 404 for wrong and missing
      },
      paymentCallback: async ({ query }) => {
        const result = await handlePaymentCallback(desk, { tenantId, query });
        return { redirectTo: `/shop/orders/${encodeURIComponent(result.payerId)}` };
      },
      openapi: { title: 'Amar portal', version: '1.0.0' },
    }),
  );
  // app.get('/', …): the portal's own pages.
  return app;
}
