/**
 * statdesk's JSON API under `/api`, with the portal's answers to what statdesk leaves to it: who
 * the caller is (the demo session; unsafe requests must also carry the session's CSRF token in
 * `x-csrf-token`), which file a download token opens, where the browser goes after paying, and
 * the public complaint and incident lookups.
 */
import { slaTargetTitles } from '@statdesk/core';
import { statdeskRouter } from '@statdesk/express';
import type { Express } from 'express';
import { portalApiOptions, SAFE_METHODS } from './api-options';
import type { PortalContext } from './portal-context';
import { sameText } from './session';
import { findUser } from './users';
import { knownLabel } from './i18n';

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
      ...portalApiOptions(context),
      reports: { source: context.reports, labels: { state: (_workflow, state) => knownLabel(state), target: slaTargetTitles(desk.registry) } },
      search: { source: context.search },
    }),
  );
}
