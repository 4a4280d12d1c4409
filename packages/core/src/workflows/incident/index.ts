export { incidentWorkflow, type IncidentWorkflowOptions, type IncidentWorkflow } from './incident.workflow';
export { incidentMachine, type IncidentContext, type IncidentEvent, type IncidentMachineOptions } from './incident.machine';
export { incidentInputSchema, incidentEventSchemas, DEFAULT_INCIDENT_ROLES, type IncidentInput, type IncidentRoles } from './incident.events';
export { AGREED_RESTORATION, RESTORATION_TARGET, restorationPolicy, type RestorationTarget } from './incident.sla';
export { incidentPublicStatus, type IncidentPublicStatus, type IncidentPublicState } from './incident-status';
export { incidentLabels, type IncidentStatePath, type IncidentEventType, type IncidentRoleName } from './labels';
