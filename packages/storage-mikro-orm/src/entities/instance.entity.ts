import { EntitySchema } from '@mikro-orm/core';

/** A workflow instance: the newest snapshot, its row version and the head of its history chain. */
export interface InstanceRow {
  tenantId: string;
  id: string;
  workflow: string;
  definitionVersion: string;
  state: string;
  status: string;
  ownerId: string | null;
  snapshot: unknown;
  version: number;
  historySeq: number;
  historyHash: string;
  keys: unknown;
  createdAt: Date;
  updatedAt: Date;
}

/**
 * Table `statdesk_instances`: one row per workflow instance with its persisted state snapshot and version
 * (for optimistic concurrency).
 */
export const InstanceEntity = new EntitySchema<InstanceRow>({
  name: 'StatdeskInstance',
  tableName: 'statdesk_instances',
  properties: {
    tenantId: { type: 'string', length: 100, primary: true },
    id: { type: 'string', length: 100, primary: true },
    workflow: { type: 'string', length: 100 },
    definitionVersion: { type: 'string', length: 50 },
    state: { type: 'string', length: 200 },
    status: { type: 'string', length: 10 },
    ownerId: { type: 'string', length: 100, nullable: true },
    snapshot: { type: 'json' },
    version: { type: 'integer' },
    historySeq: { type: 'integer' },
    historyHash: { type: 'string', length: 128 },
    keys: { type: 'json' },
    createdAt: { type: 'datetime' },
    updatedAt: { type: 'datetime' },
  },
  indexes: [
    // Worklists: a workflow's instances in some states; "my cases"; both page by creation.
    { name: 'statdesk_instances_workflow_state_idx', properties: ['tenantId', 'workflow', 'state'] },
    { name: 'statdesk_instances_owner_idx', properties: ['tenantId', 'ownerId'] },
    { name: 'statdesk_instances_created_idx', properties: ['tenantId', 'createdAt', 'id'] },
  ],
});
