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
}

interface KnexClientPool {
  acquireConnection(): Promise<unknown>;
  releaseConnection(connection: unknown): Promise<unknown>;
}

export function driverPool<Connection>(orm: MikroORM): DriverPool<Connection> {
  const connection = orm.em.getConnection() as unknown as AbstractSqlConnection;
  const client = connection.getKnex().client as KnexClientPool;
  return {
    acquire: async () => (await client.acquireConnection()) as Connection,
    release: async (c) => void (await client.releaseConnection(c)),
  };
}
