import { EntitySchema } from '@mikro-orm/core';

/** An effect to run after its transition committed, with its retry bookkeeping and lease. */
export interface OutboxRow {
  id: string;
  tenantId: string;
  instanceId: string;
  type: string;
  payload: unknown;
  idempotencyKey: string;
  status: string;
  attempts: number;
  nextAttemptAt: Date;
  lastError: string | null;
  createdAt: Date;
  completedAt: Date | null;
  leaseOwner: string | null;
  leaseUntil: Date | null;
}

/**
 * Table `statdesk_outbox`: effects (notifications, payment calls) written in the same transaction as the
 * state change, delivered later by workers that lease them.
 */
export const OutboxEntity = new EntitySchema<OutboxRow>({
  name: 'StatdeskOutbox',
  tableName: 'statdesk_outbox',
  properties: {
    id: { type: 'string', length: 64, primary: true },
    tenantId: { type: 'string', length: 100 },
    instanceId: { type: 'string', length: 100 },
    type: { type: 'string', length: 100 },
    payload: { type: 'json' },
    idempotencyKey: { type: 'string', length: 300, unique: 'statdesk_outbox_idempotency_key_unique' },
    status: { type: 'string', length: 10 },
    attempts: { type: 'integer' },
    nextAttemptAt: { type: 'datetime' },
    lastError: { type: 'text', nullable: true },
    createdAt: { type: 'datetime' },
    completedAt: { type: 'datetime', nullable: true },
    leaseOwner: { type: 'string', length: 100, nullable: true },
    leaseUntil: { type: 'datetime', nullable: true },
  },
  indexes: [
    { name: 'statdesk_outbox_pending_idx', properties: ['status', 'nextAttemptAt'] },
    { name: 'statdesk_outbox_instance_idx', properties: ['tenantId', 'instanceId'] },
  ],
});
