/**
 * Database errors that mean "someone else changed this first" become `ConflictError`, so the
 * engine can retry or report them; everything else passes through unchanged.
 */
import { ConflictError } from '@statdesk/core';

/** Which record a unique constraint or index guards, by its name. */
const guardedBy: Record<string, string> = {
  statdesk_instances_pkey: 'instance',
  statdesk_history_pkey: 'history',
  statdesk_commands_pkey: 'command',
  statdesk_timers_pkey: 'timer',
  statdesk_timers_instance_key_unique: 'timer',
  statdesk_outbox_pkey: 'outbox',
  statdesk_outbox_idempotency_key_unique: 'outbox',
  statdesk_instance_keys_pkey: 'instance-key',
  statdesk_instance_keys_unique_value: 'instance-key',
};

interface DriverError {
  code?: unknown;
  constraint?: unknown;
  message?: unknown;
}

export function toConflict(error: unknown): unknown {
  if (error instanceof ConflictError || typeof error !== 'object' || error === null) return error;
  const { code, constraint, message } = error as DriverError;
  // PostgreSQL: unique_violation, serialization_failure, deadlock_detected.
  if (code === '23505') {
    const entity = typeof constraint === 'string' ? guardedBy[constraint] : undefined;
    return new ConflictError(`A concurrent write got there first (${entity ?? 'unique constraint'})`, entity ? { entity } : {}, { cause: error });
  }
  if (code === '40001' || code === '40P01') {
    return new ConflictError('The database aborted the transaction because of a concurrent one; retry it', {}, { cause: error });
  }
  // SQLite: "UNIQUE constraint failed: statdesk_history.tenant_id, …".
  if (code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === 'SQLITE_CONSTRAINT_UNIQUE') {
    const table = typeof message === 'string' ? /failed: statdesk_(\w+)\./.exec(message)?.[1] : undefined;
    return new ConflictError(`A concurrent write got there first (${table ?? 'unique constraint'})`, table ? { entity: table } : {}, { cause: error });
  }
  return error;
}
