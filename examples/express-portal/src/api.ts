/**
 * statdesk's JSON API under `/api`, with the portal's answers to what statdesk leaves to it: who
 * the caller is (the demo session; unsafe requests must also carry the session's CSRF token in
 * `x-csrf-token`), which file a download token opens, where the browser goes after paying, and
 * the public complaint and incident lookups.
 */
import { handlePaymentCallback, lookupComplaint } from '@statdesk/core';
import { statdeskRouter } from '@statdesk/express';
import type { Express } from 'express';
import { resolveDownload } from './downloads';
import { publicIncidents } from './incidents';
import type { PortalContext } from './portal-context';
import { sameText } from './session';
import { findUser } from './users';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function mountApi(app: Express, context: PortalContext): void {
  const { desk, tenantId } = context;
  app.use(
    '/api',
    statdeskRouter(desk, {
      identify: async (req) => {
        const session = context.sessions.read(req);
        if (!session) return null;
        if (!SAFE_METHODS.has(req.method)) {
          const token = req.get('x-csrf-token');
          if (!token || !sameText(token, session.csrf)) return null;
        }
        const user = await findUser(context, session.user);
        return user ? { tenantId, actor: { id: user.id, roles: [...user.roles] } } : null;
      },
      files: context.files,
      publicTenant: tenantId,
      rateLimit: { limiter: context.publicLimiter },
      downloads: (token) => resolveDownload(context, token),
      complaintLookup: async (codes) => {
        const result = await lookupComplaint(desk, { tenantId, ...codes });
        return result.found ? result.message : null;
      },
      incidentStatus: async () => ({ incidents: await publicIncidents(context) }),
      paymentCallback: async ({ query }) => {
        const result = await handlePaymentCallback(desk, { tenantId, query });
        return { redirectTo: `/shop/orders/${encodeURIComponent(result.payerId)}` };
      },
      openapi: { title: 'statdesk example portal', version: '0.1.0' },
    }),
  );
}
