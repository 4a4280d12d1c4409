/** The public service-status board: open incidents of every channel, in their citizen-safe form. */
import { incidentPublicStatus, type IncidentPublicStatus, type IncidentWorkflow } from '@statdesk/core';
import type { PortalContext } from './portal-context';

export const INCIDENT_WORKFLOWS = ['incident-portal', 'incident-mobile-app'] as const;

const READER = { id: 'portal-status', roles: ['system'] };

export async function publicIncidents(context: Pick<PortalContext, 'desk' | 'tenantId'>): Promise<IncidentPublicStatus[]> {
  const { desk, tenantId } = context;
  const out: IncidentPublicStatus[] = [];
  for (const workflow of INCIDENT_WORKFLOWS) {
    // Only the open ones, and never more than a page: the board is not a listing of the past.
    const page = await desk.list({ tenantId, workflow, status: 'active', limit: 20 }, READER);
    for (const view of page.items) {
      const definition = desk.registry.get(view.workflow, view.definitionVersion) as IncidentWorkflow;
      const history = await desk.history({ tenantId, instanceId: view.id }, READER);
      out.push(incidentPublicStatus(definition, history, desk.clock.now()));
    }
  }
  return out.sort((a, b) => b.reportedAt.getTime() - a.reportedAt.getTime());
}
