/**
 * The staff directory on PostgreSQL (a schema of this file's own) and SQLite (`:memory:`): the
 * conformance suite, and that names and contacts are sealed at rest.
 */
import { mikroOrmStaffDirectory, mikroOrmStorage } from '@statdesk/storage-mikro-orm';
import { describeStaffDirectoryConformance } from '@statdesk/testing/conformance';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postgresSchema, type PostgresSchema } from './support/postgres';

let db: PostgresSchema;
beforeAll(async () => {
  db = await postgresSchema('staff');
});
afterAll(async () => db?.drop());

describeStaffDirectoryConformance({
  name: 'mikro-orm on PostgreSQL',
  setup: async () => {
    await db.client.query('TRUNCATE statdesk_staff');
    return { directory: mikroOrmStaffDirectory(db.storage, { encryptionKey: randomBytes(32) }) };
  },
});

describeStaffDirectoryConformance({
  name: 'mikro-orm on SQLite',
  setup: async () => {
    const storage = await mikroOrmStorage({ driver: 'sqlite', dbName: ':memory:', migrate: true });
    return { directory: mikroOrmStaffDirectory(storage, { encryptionKey: randomBytes(32) }), teardown: () => storage.close() };
  },
});

describe('staff directory at rest', () => {
  it('keeps names, e-mail addresses and mobiles out of plain columns', async () => {
    await db.client.query('TRUNCATE statdesk_staff');
    const directory = mikroOrmStaffDirectory(db.storage, { encryptionKey: randomBytes(32) });
    await directory.putMember('sci', { id: 'boss-1', displayName: 'Parvin Supervisor', roles: ['supervisor'], email: 'parvin@sci.example.ir', mobile: '09121112233', language: 'fa' });
    const { rows } = await db.client.query('SELECT * FROM statdesk_staff');
    const stored = JSON.stringify(rows);
    for (const secret of ['Parvin', 'parvin@sci.example.ir', '09121112233']) expect(stored).not.toContain(secret);
    expect((await directory.member('sci', 'boss-1'))?.email).toBe('parvin@sci.example.ir');
  });
});
