/**
 * Fresh SQLite files for suites: each `next()` is a migrated storage on a new file in one temp
 * folder, with an oracle on a second, read-only connection (what another process would see).
 */
import { mikroOrmStorage } from '@statdesk/storage-mikro-orm';
import type { StorageUnderTest } from '@statdesk/testing/conformance';
import Sqlite from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { sqlOracle } from './oracle';

export function sqliteFiles(prefix: string): { next: () => Promise<StorageUnderTest> } {
  const dir = mkdtempSync(join(tmpdir(), `statdesk-${prefix}-`));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  let files = 0;
  return {
    async next() {
      const dbName = join(dir, `${prefix}-${++files}.sqlite`);
      const storage = await mikroOrmStorage({ driver: 'sqlite', dbName, migrate: true });
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
  };
}
