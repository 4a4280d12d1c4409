import { EntitySchema } from '@mikro-orm/core';

/** One append-only, hash-chained history row; (tenant, instance, seq) is the primary key. */
export interface HistoryRow {
  tenantId: string;
  instanceId: string;
  seq: number;
  at: Date;
  actorId: string;
  actorRole: string;
  eventType: string;
  fromState: string | null;
  toState: string;
  definitionVersion: string;
  payload: unknown;
  prevHash: string;
  hash: string;
}

/**
 * Table `statdesk_history`: each instance's append-only history, every entry hash-chained to the one before
 * it (the audit chain).
 */
export const HistoryEntity = new EntitySchema<HistoryRow>({
  name: 'StatdeskHistory',
  tableName: 'statdesk_history',
  properties: {
    tenantId: { type: 'string', length: 100, primary: true },
    instanceId: { type: 'string', length: 100, primary: true },
    seq: { type: 'integer', primary: true },
    at: { type: 'datetime' },
    actorId: { type: 'string', length: 100 },
    actorRole: { type: 'string', length: 100 },
    eventType: { type: 'string', length: 200 },
    fromState: { type: 'string', length: 200, nullable: true },
    toState: { type: 'string', length: 200 },
    definitionVersion: { type: 'string', length: 50 },
    payload: { type: 'json' },
    prevHash: { type: 'string', length: 128 },
    hash: { type: 'string', length: 128 },
  },
});
