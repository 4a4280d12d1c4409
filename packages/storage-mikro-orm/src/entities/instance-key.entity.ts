import { EntitySchema } from '@mikro-orm/core';

/** A lookup key held by an instance; unique keys are enforced by a partial unique index. */
export interface InstanceKeyRow {
  tenantId: string;
  instanceId: string;
  name: string;
  value: string;
  isUnique: boolean;
}

/**
 * Table `statdesk_instance_keys`: lookup keys of instances (e.g. a tracking code), unique per tenant where
 * the workflow says so.
 */
export const InstanceKeyEntity = new EntitySchema<InstanceKeyRow>({
  name: 'StatdeskInstanceKey',
  tableName: 'statdesk_instance_keys',
  properties: {
    tenantId: { type: 'string', length: 100, primary: true },
    instanceId: { type: 'string', length: 100, primary: true },
    name: { type: 'string', length: 100, primary: true },
    value: { type: 'string', length: 300, primary: true },
    isUnique: { type: 'boolean' },
  },
  indexes: [
    { name: 'statdesk_instance_keys_lookup_idx', properties: ['tenantId', 'name', 'value'] },
    // At most one holder of a unique (tenant, name, value); shared keys are not constrained.
    {
      name: 'statdesk_instance_keys_unique_value',
      expression:
        'create unique index "statdesk_instance_keys_unique_value" on "statdesk_instance_keys" ("tenant_id", "name", "value") where "is_unique"',
    },
  ],
});
