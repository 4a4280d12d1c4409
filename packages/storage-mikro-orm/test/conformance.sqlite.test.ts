import type { AbstractSqlConnection } from '@mikro-orm/postgresql';
import { mikroOrmStorage, type MikroOrmStorage } from '@statdesk/storage-mikro-orm';
import { describeStorageConformance } from '@statdesk/testing/conformance';
import type Sqlite from 'better-sqlite3';
import { sqlOracle } from './support/oracle';
import { sqliteFiles } from './support/sqlite-file';

/** The ORM's own better-sqlite3 connection: a `:memory:` database is visible on no other. */
async function sameConnection(storage: MikroOrmStorage): Promise<Sqlite.Database> {
  const connection = storage.orm.em.getConnection() as unknown as AbstractSqlConnection;
  const client = connection.getKnex().client as { acquireConnection(): Promise<Sqlite.Database>; releaseConnection(c: unknown): Promise<void> };
  const db = await client.acquireConnection();
  await client.releaseConnection(db);
  return db;
}

describeStorageConformance({
  name: 'mikro-orm on SQLite :memory:',
  setup: async () => {
    const storage = await mikroOrmStorage({ driver: 'sqlite', dbName: ':memory:', migrate: true });
    const raw = await sameConnection(storage);
    return {
      storage,
      oracle: sqlOracle(async (sql, params) => raw.prepare(sql).all(...params) as Record<string, unknown>[]),
      teardown: () => storage.close(),
    };
  },
});

const files = sqliteFiles('conformance');

describeStorageConformance({ name: 'mikro-orm on SQLite file', setup: files.next });
