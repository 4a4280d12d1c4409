/** The engine's shared scenarios end to end on a SQLite file: the embedded default behaves as the reference does. */
import { mikroOrmStorage } from '@statdesk/storage-mikro-orm';
import { describeEngineScenarios } from '@statdesk/testing/conformance';
import Sqlite from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { sqlOracle } from './support/oracle';

const dir = mkdtempSync(join(tmpdir(), 'statdesk-scenarios-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let files = 0;

describeEngineScenarios({
  name: 'sqlite file',
  setup: async () => {
    const dbName = join(dir, `scenario-${++files}.sqlite`);
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
});
