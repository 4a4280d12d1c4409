/** The ORM's own better-sqlite3 connection: a `:memory:` database is visible on no other. */
import type { AbstractSqlConnection } from '@mikro-orm/postgresql';
import type { MikroOrmStorage } from '@statdesk/storage-mikro-orm';
import type Sqlite from 'better-sqlite3';

export async function ormSqliteConnection(storage: MikroOrmStorage): Promise<Sqlite.Database> {
  const connection = storage.orm.em.getConnection() as unknown as AbstractSqlConnection;
  const client = connection.getKnex().client as { acquireConnection(): Promise<Sqlite.Database>; releaseConnection(c: unknown): Promise<void> };
  const db = await client.acquireConnection();
  await client.releaseConnection(db);
  return db;
}
