/** Driver errors that mean "the database is out of reach" become one StorageUnavailableError; others keep their meaning. */
import { ConflictError, StorageUnavailableError } from '@statdesk/core';
import { describe, expect, it } from 'vitest';
import { toStorageError } from '../src/sql/unavailable';

const driverError = (fields: Record<string, unknown>, message = 'driver error') => Object.assign(new Error(message), fields);

describe('storage errors', () => {
  it.each([
    ['connection refused', driverError({ code: 'ECONNREFUSED' })],
    ['connection reset', driverError({ code: 'ECONNRESET' })],
    ['both addresses refused', Object.assign(new AggregateError([driverError({ code: 'ECONNREFUSED' }), driverError({ code: 'ECONNREFUSED' })]), { code: undefined })],
    ['terminated by an administrator (pg_terminate_backend, failover)', driverError({ code: '57P01' }, 'terminating connection due to administrator command')],
    ['the server starting up', driverError({ code: '57P03' }, 'the database system is starting up')],
    ['too many connections', driverError({ code: '53300' })],
    ['a connection exception', driverError({ code: '08006' })],
    ['a statement time-out', driverError({ code: '57014' }, 'canceling statement due to statement timeout')],
    ['node-postgres losing its socket', new Error('Connection terminated unexpectedly')],
    ["the pool's acquire time-out", Object.assign(new Error('Knex: Timeout acquiring a connection. The pool is probably full.'), { name: 'KnexTimeoutError' })],
    ["SQLite's lock wait running out", driverError({ code: 'SQLITE_BUSY' }, 'database is locked')],
  ])('%s is StorageUnavailableError', (_label, error) => {
    const mapped = toStorageError(error);
    expect(mapped).toBeInstanceOf(StorageUnavailableError);
    expect((mapped as StorageUnavailableError).cause).toBe(error);
    expect((mapped as StorageUnavailableError).retryAfterMs).toBeGreaterThan(0);
  });

  it('conflicts stay conflicts, and other errors pass through unchanged', () => {
    expect(toStorageError(driverError({ code: '23505', constraint: 'statdesk_instances_pkey' }))).toBeInstanceOf(ConflictError);
    expect(toStorageError(driverError({ code: '40001' }))).toBeInstanceOf(ConflictError);
    const syntax = driverError({ code: '42601' }, 'syntax error');
    expect(toStorageError(syntax)).toBe(syntax);
    const typed = new ConflictError('already typed');
    expect(toStorageError(typed)).toBe(typed);
  });
});
