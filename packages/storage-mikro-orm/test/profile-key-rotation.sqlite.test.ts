/** Profile key rotation on a SQLite file. */
import { ValidationError, staticProfileKeys, type ProfileKeyProvider } from '@statdesk/core';
import { mikroOrmProfileStore, mikroOrmStorage } from '@statdesk/storage-mikro-orm';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
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

it('names keys when it is no key provider or comes with encryptionKey too, and encryptionKey when neither is given', async () => {
  const storage = await mikroOrmStorage({ driver: 'sqlite', dbName: ':memory:', migrate: true });
  closing.push(() => storage.close());
  const keys = staticProfileKeys({ current: { id: 'k1', key: randomBytes(32) }, lookupKey: randomBytes(32) });
  const refused = (options: Parameters<typeof mikroOrmProfileStore>[1]) => {
    try {
      mikroOrmProfileStore(storage, options);
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationError);
      return (error as ValidationError).fields;
    }
    throw new Error('expected a ValidationError');
  };
  expect(refused({ keys, encryptionKey: randomBytes(32) })).toEqual(['keys']);
  expect(refused({ keys: { currentKey: () => ({ id: 'k1', bytes: randomBytes(32) }) } as unknown as ProfileKeyProvider })).toEqual(['keys']);
  expect(refused({})).toEqual(['encryptionKey']);
});
