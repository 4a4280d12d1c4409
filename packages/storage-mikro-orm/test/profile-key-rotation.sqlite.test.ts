/** Profile key rotation on a SQLite file. */
import { mikroOrmStorage } from '@statdesk/storage-mikro-orm';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { describeKeyRotation, type RotationDatabase } from './support/key-rotation-cases';
import { ormSqliteConnection } from './support/sqlite-connection';

const dir = mkdtempSync(join(tmpdir(), 'statdesk-rotation-'));
const closing: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const close of closing) await close();
  rmSync(dir, { recursive: true, force: true });
});

let files = 0;
describeKeyRotation('SQLite', async (): Promise<RotationDatabase> => {
  const storage = await mikroOrmStorage({ driver: 'sqlite', dbName: join(dir, `rotation-${++files}.sqlite`), migrate: true });
  closing.push(() => storage.close());
  const raw = await ormSqliteConnection(storage);
  return {
    storage,
    query: async (sql, params) => raw.prepare(sql).all(...params) as Record<string, unknown>[],
    reset: async () => void raw.prepare('DELETE FROM statdesk_profiles').run(),
  };
});
