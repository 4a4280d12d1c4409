import { EntitySchema } from '@mikro-orm/core';

/** A durable timer; one per (tenant, instance, key). The lease columns belong to the claimer. */
export interface TimerRow {
  id: string;
  tenantId: string;
  instanceId: string;
  key: string;
  dueAt: Date;
  event: unknown;
  createdAt: Date;
  leaseOwner: string | null;
  leaseUntil: Date | null;
}

/**
 * Table `statdesk_timers`: durable timers (SLA deadlines, reminders), one per instance and key, claimed by
 * workers with a lease.
 */
export const TimerEntity = new EntitySchema<TimerRow>({
  name: 'StatdeskTimer',
  tableName: 'statdesk_timers',
  properties: {
    id: { type: 'string', length: 64, primary: true },
    tenantId: { type: 'string', length: 100 },
    instanceId: { type: 'string', length: 100 },
    key: { type: 'string', length: 300 },
    dueAt: { type: 'datetime' },
    event: { type: 'json' },
    createdAt: { type: 'datetime' },
    leaseOwner: { type: 'string', length: 100, nullable: true },
    leaseUntil: { type: 'datetime', nullable: true },
  },
  uniques: [{ name: 'statdesk_timers_instance_key_unique', properties: ['tenantId', 'instanceId', 'key'] }],
  indexes: [
    // Claiming scans due timers soonest first and filters on the lease.
    { name: 'statdesk_timers_due_idx', properties: ['dueAt', 'leaseUntil'] },
  ],
});
