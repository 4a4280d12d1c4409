import { EntitySchema } from '@mikro-orm/core';

/** An open instance's line in staff work queues, written with every command (see `WorkItemRecord`). */
export interface WorkItemRow {
  tenantId: string;
  instanceId: string;
  workflow: string;
  state: string;
  assignee: string | null;
  /** Space-separated and space-framed (` consultant supervisor `), so a role matches with `LIKE '% role %'`. */
  actRoles: string;
  slaCondition: string;
  dueAt: Date | null;
  escalated: boolean;
  urgencyRank: number;
  sortAt: Date;
  createdAt: Date;
  updatedAt: Date;
}

/**
 * Table `statdesk_work_items`: one row per open instance, deleted when it closes. Each index ends
 * with the queue order (urgency rank, sort instant, id), so a page is an index range scan whatever
 * the number of instances.
 */
export const WorkItemEntity = new EntitySchema<WorkItemRow>({
  name: 'StatdeskWorkItem',
  tableName: 'statdesk_work_items',
  properties: {
    tenantId: { type: 'string', length: 100, primary: true },
    instanceId: { type: 'string', length: 100, primary: true },
    workflow: { type: 'string', length: 100 },
    state: { type: 'string', length: 300 },
    assignee: { type: 'string', length: 100, nullable: true },
    actRoles: { type: 'string', length: 1000 },
    slaCondition: { type: 'string', length: 16 },
    dueAt: { type: 'datetime', nullable: true },
    escalated: { type: 'boolean' },
    urgencyRank: { type: 'smallint' },
    sortAt: { type: 'datetime' },
    createdAt: { type: 'datetime' },
    updatedAt: { type: 'datetime' },
  },
  indexes: [
    { name: 'statdesk_work_items_queue_idx', properties: ['tenantId', 'urgencyRank', 'sortAt', 'instanceId'] },
    { name: 'statdesk_work_items_workflow_idx', properties: ['tenantId', 'workflow', 'urgencyRank', 'sortAt', 'instanceId'] },
    { name: 'statdesk_work_items_assignee_idx', properties: ['tenantId', 'assignee', 'urgencyRank', 'sortAt', 'instanceId'] },
    { name: 'statdesk_work_items_escalated_idx', properties: ['tenantId', 'escalated', 'urgencyRank', 'sortAt', 'instanceId'] },
  ],
});
