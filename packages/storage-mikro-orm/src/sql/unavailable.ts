/**
 * Database errors that mean "the database cannot be reached right now" — connection refused,
 * lost or terminated, a failover in progress, the pool's or the server's time-out, too many
 * connections, SQLite's lock wait running out — become one `StorageUnavailableError` (503 with
 * `Retry-After` over HTTP), whatever the driver called them. Conflicts become `ConflictError`
 * (`conflicts.ts`); everything else passes through unchanged.
 */
import { isStatdeskError, StorageUnavailableError } from '@statdesk/core';
import { toConflict } from './conflicts';

/** SQLSTATE classes and codes: connection exception (08), insufficient resources (53), operator intervention (57P), a statement time-out (57014). */
const PG_UNAVAILABLE = /^(08|53|57P)|^57014$/;
/** Node socket errors of a connection that failed or broke. */
const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'ECONNABORTED', 'EADDRNOTAVAIL']);
/** node-postgres and knex say these without a code. */
const UNAVAILABLE_MESSAGES = /Connection terminated|connection error|Client was closed|Timeout acquiring a connection|timeout exceeded when trying to connect|Connection timeout|not queryable|ended by the other party|Unable to acquire a connection/i;
/** SQLite gave up waiting for another writer's lock (after its busy time-out). */
const SQLITE_BUSY = /^SQLITE_(BUSY|LOCKED)/;

/** Whether a driver error means the database is out of reach (rather than refusing this statement). */
export function isUnavailable(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, message, name, errors } = error as { code?: unknown; message?: unknown; name?: unknown; errors?: unknown };
  if (typeof code === 'string' && (SOCKET_CODES.has(code) || SQLITE_BUSY.test(code))) return true;
  if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) && PG_UNAVAILABLE.test(code)) return true;
  if (name === 'KnexTimeoutError' || name === 'TimeoutError') return true;
  if (typeof message === 'string' && UNAVAILABLE_MESSAGES.test(message)) return true;
  // An AggregateError of failed connection attempts (IPv4 and IPv6 refused).
  return Array.isArray(errors) && errors.length > 0 && errors.every(isUnavailable);
}

/** The typed error for a driver error: unavailable, conflict, or the error unchanged. */
export function toStorageError(error: unknown): unknown {
  if (isStatdeskError(error)) return error;
  if (isUnavailable(error)) return new StorageUnavailableError(2_000, { cause: error });
  return toConflict(error);
}
