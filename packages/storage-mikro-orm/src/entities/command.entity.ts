import { EntitySchema } from '@mikro-orm/core';

/** A command's idempotency key and its stored result, unique per tenant. */
export interface CommandRow {
  tenantId: string;
  idempotencyKey: string;
  fingerprint: string;
  result: unknown;
  createdAt: Date;
}

/**
 * Table `statdesk_commands`: the result of each accepted command by idempotency key, so a repeated request
 * gets the first answer instead of running twice.
 */
export const CommandEntity = new EntitySchema<CommandRow>({
  name: 'StatdeskCommand',
  tableName: 'statdesk_commands',
  properties: {
    tenantId: { type: 'string', length: 100, primary: true },
    idempotencyKey: { type: 'string', length: 300, primary: true },
    fingerprint: { type: 'string', length: 128 },
    result: { type: 'json' },
    createdAt: { type: 'datetime' },
  },
});
