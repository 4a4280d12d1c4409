/**
 * The service-incident workflow for one channel, with its restoration SLA bound in.
 */
import { defineWorkflow } from '../../engine/definition';
import { DefinitionError } from '../../errors';
import { withSla, type SlaWorkflowDefinition } from '../../sla/with-sla';
import { DEFAULT_INCIDENT_ROLES, incidentEventSchemas, incidentInputSchema, type IncidentRoles } from './incident.events';
import { incidentMachine } from './incident.machine';
import { AGREED_RESTORATION, restorationPolicy, type RestorationTarget } from './incident.sla';

/** Options of `incidentWorkflow`. */
export interface IncidentWorkflowOptions {
  /** kebab-case channel name: `portal`, `mobile-app`, `shop`, or your own. */
  channel: string;
  /** Restoration target; default the agreement's for known channels (required for others). */
  restoration?: RestorationTarget;
  /** Role names, if the portal's differ. */
  roles?: Partial<IncidentRoles>;
  /** Profile e-mailed when a committed restoration target is breached. */
  escalateTo?: string;
  /** Version of the unbound workflow (default `1`); the bound version adds the policy. */
  version?: string;
}

/** An incident workflow definition for one channel, with its restoration SLA. */
export type IncidentWorkflow = SlaWorkflowDefinition<ReturnType<typeof incidentMachine>> & { readonly channel: string };

/** `incident-<channel>`: one workflow per channel, each with its own restoration target. */
export function incidentWorkflow(options: IncidentWorkflowOptions): IncidentWorkflow {
  const { channel } = options;
  const restoration = options.restoration ?? AGREED_RESTORATION[channel];
  if (!restoration) throw new DefinitionError(`Incident channel "${channel}" has no agreed restoration target: pass \`restoration\``);
  const roles = { ...DEFAULT_INCIDENT_ROLES, ...options.roles };
  const staff = [...new Set([...roles.operator, ...roles.supervisor])];
  const base = defineWorkflow({
    name: `incident-${channel}`,
    version: options.version ?? '1',
    machine: incidentMachine({ channel, ...(options.escalateTo ? { escalateTo: options.escalateTo } : {}) }),
    notifications: ['incident.restoration-breached'],
    create: { schema: incidentInputSchema, roles: roles.reporter },
    readRoles: [...staff, 'system'],
    assignRoles: roles.supervisor,
    workItem: ({ snapshot }) => ({ escalated: snapshot.context.escalations > 0 }),
    events: {
      acknowledge: { schema: incidentEventSchemas.acknowledge, roles: roles.operator },
      update: { schema: incidentEventSchemas.update, roles: roles.operator },
      note: { schema: incidentEventSchemas.note, roles: staff, personal: ['text'] },
      restore: { schema: incidentEventSchemas.restore, roles: roles.operator },
      reopen: { schema: incidentEventSchemas.reopen, roles: roles.operator },
      close: { schema: incidentEventSchemas.close, roles: roles.operator },
      dismiss: { schema: incidentEventSchemas.dismiss, roles: roles.supervisor },
      'sla.breach': { roles: ['system'], internal: true, description: 'The restoration target passed (sent by the SLA timer).' },
    },
  });
  return Object.freeze({ ...withSla(base, { policy: restorationPolicy(channel, restoration) }), channel });
}
