/** The planted-ID scan on a SQLite file, read back with a connection of its own. */
import { mikroOrmStorage } from '@statdesk/storage-mikro-orm';
import Sqlite from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { describePiiAtRest } from './support/pii-at-rest-cases';

const dir = mkdtempSync(join(tmpdir(), 'statdesk-pii-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describePiiAtRest('SQLite', async () => {
  const dbName = join(dir, 'portal.sqlite');
  const storage = await mikroOrmStorage({ driver: 'sqlite', dbName, migrate: true });
  const read = <T>(fn: (raw: Sqlite.Database) => T): T => {
    const raw = new Sqlite(dbName, { readonly: true });
    try {
      return fn(raw);
    } finally {
      raw.close();
    }
  };
  return {
    storage,
    reader: {
      // Every table SQLite has, including the migrations' own bookkeeping.
      tables: async () => read((raw) => (raw.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map((r) => r.name)),
      rows: async (table) => read((raw) => raw.prepare(`SELECT * FROM "${table.replaceAll('"', '""')}"`).all() as Record<string, unknown>[]),
    },
    close: () => storage.close(),
  };
});
