/**
 * The portal's answers to what statdesk's JSON API leaves to it, framework-free: which file a
 * download token opens, where the browser goes after paying, and the public complaint and
 * incident lookups. Each portal adds who the caller is (`identify`) in its own framework.
 */
import { handlePaymentCallback, lookupComplaint } from '@statdesk/core';
import type { HttpHandlerOptions } from '@statdesk/http';
import { resolveDownload } from './downloads';
import { publicIncidents } from './incidents';
import type { PortalContext } from './portal-context';

/** Unsafe requests to the JSON API must carry the session's CSRF token in `x-csrf-token`. */
export const SAFE_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'OPTIONS']);

export function portalApiOptions(context: Pick<PortalContext, 'desk' | 'tenantId' | 'files' | 'publicLimiter' | 'profileRegistry'>) {
  const { desk, tenantId } = context;
  return {
    files: context.files,
    profiles: context.profileRegistry, // POST /profiles, GET/PATCH /profiles/me, the student card, staff's verification
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
  } satisfies Omit<HttpHandlerOptions, 'identify' | 'publicTenant'> & { publicTenant: string };
}
