/**
 * The driver connections of a MikroORM instance: its knex client's pool, borrowed one
 * connection at a time. The storage shares the ORM's pool (and its configuration) instead of
 * opening its own.
 */
import type { MikroORM } from '@mikro-orm/core';
import type { AbstractSqlConnection } from '@mikro-orm/postgresql';

export interface DriverPool<Connection> {
  acquire(): Promise<Connection>;
  release(connection: Connection): Promise<void>;
  /** Whether someone else (the ORM's own queries) is waiting for a connection. */
  othersWaiting(): boolean;
}

interface KnexClientPool {
  acquireConnection(): Promise<unknown>;
  releaseConnection(connection: unknown): Promise<unknown>;
  /** knex's tarn pool (absent before the first connection or after destroy). */
  pool?: { numPendingAcquires(): number } | null;
}

export function driverPool<Connection>(orm: MikroORM): DriverPool<Connection> {
  const connection = orm.em.getConnection() as unknown as AbstractSqlConnection;
  const client = connection.getKnex().client as KnexClientPool;
  return {
    acquire: async () => (await client.acquireConnection()) as Connection,
    release: async (c) => void (await client.releaseConnection(c)),
    othersWaiting: () => (client.pool?.numPendingAcquires() ?? 0) > 0,
  };
}
