import type { AbstractSqlConnection } from '@mikro-orm/postgresql';
import { mikroOrmStorage, type MikroOrmStorage } from '@statdesk/storage-mikro-orm';
import { describeStorageConformance } from '@statdesk/testing/conformance';
import Sqlite from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { sqlOracle } from './support/oracle';

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

const dir = mkdtempSync(join(tmpdir(), 'statdesk-sqlite-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let files = 0;

describeStorageConformance({
  name: 'mikro-orm on SQLite file',
  setup: async () => {
    const dbName = join(dir, `conformance-${++files}.sqlite`);
    const storage = await mikroOrmStorage({ driver: 'sqlite', dbName, migrate: true });
    // A second, independent connection to the file: what another process would see.
    const raw = new Sqlite(dbName, { readonly: true });
    return {
      storage,
      oracle: sqlOracle(async (sql, params) => raw.prepare(sql).all(...params) as Record<string, unknown>[]),
      teardown: async () => {
        raw.close();
        await storage.close();
      },
    };
  },
});
