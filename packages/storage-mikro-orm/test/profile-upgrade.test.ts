/**
 * Upgrading from the release before key providers and erasure: a value sealed by that release's
 * code still opens and is still found, and on SQLite the migration that makes the lookup hash
 * nullable rebuilds the profile table (SQLite cannot drop NOT NULL in place) without losing a
 * profile, which can then be erased.
 */
import { staticProfileKeys } from '@statdesk/core';
import { mikroOrmProfileStore, mikroOrmStorage, profileKeysFromSecret } from '@statdesk/storage-mikro-orm';
import { erasedProfile, sampleProfile } from '@statdesk/testing/conformance';
import Sqlite from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'statdesk-upgrade-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The profile table as the second migration created it, and the record of the third one gone. */
function rollBackToBeforeErasure(dbName: string): void {
  const raw = new Sqlite(dbName);
  try {
    raw.exec(`
      DELETE FROM statdesk_migrations WHERE name = 'Migration20261126103001';
      CREATE TABLE old_profiles (tenant_id text not null, id text not null, national_id_hmac text not null, sealed text not null, details json not null, version integer not null, created_at datetime not null, updated_at datetime not null, primary key (tenant_id, id));
      INSERT INTO old_profiles SELECT * FROM statdesk_profiles;
      DROP TABLE statdesk_profiles;
      ALTER TABLE old_profiles RENAME TO statdesk_profiles;
      CREATE UNIQUE INDEX statdesk_profiles_national_id_unique ON statdesk_profiles (tenant_id, national_id_hmac);
    `);
    const column = (raw.prepare('PRAGMA table_info(statdesk_profiles)').all() as { name: string; notnull: number }[]).find((c) => c.name === 'national_id_hmac');
    expect(column?.notnull).toBe(1);
  } finally {
    raw.close();
  }
}

/**
 * Made by `profileSealer(secret)` of the previous release (commit 7ff9f92, profile-sealing.ts) for
 * row ['tenant-a', 'legacy-1']: known answers, so a change in key derivation or format shows here.
 */
const LEGACY = {
  secret: 'BwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwc=',
  sealed: 'v1.5C6vIXCn.7uE57iGwX3swflki.sPjzQwzQF8eoVRBSJPxUTQ==.4P4/7R1lXEpExlxmBCrW2ly9vuOA/AJSEY7kvSSw9iNDtebVzg6OGmF16tjaT0IzEh6hcbdY5/fe8U+FSSaRxHY2qMaH92i1PAPrI8Y=',
  hash: '19ede43457d753f1f779c1613693bc09eae3a2242a2ac7739495c04635145ac9',
};

it('a profile sealed by the previous release opens with its secret, is found, and re-seals under a new key', async () => {
  const dbName = join(dir, 'legacy.sqlite');
  const storage = await mikroOrmStorage({ driver: 'sqlite', dbName, migrate: true });
  try {
    const raw = new Sqlite(dbName);
    const details = { language: 'fa', category: 'individual', verification: { status: 'not-required' }, audit: [{ at: '2025-03-22T05:30:00.000Z', actorId: 'legacy-1', actorRole: 'applicant', action: 'registered' }] };
    raw.prepare('INSERT INTO statdesk_profiles VALUES (?, ?, ?, ?, ?, 1, ?, ?)').run('tenant-a', 'legacy-1', LEGACY.hash, LEGACY.sealed, JSON.stringify(details), Date.parse('2025-03-22T05:30:00Z'), Date.parse('2025-03-22T05:30:00Z'));
    raw.close();

    const legacy = mikroOrmProfileStore(storage, { encryptionKey: LEGACY.secret });
    const found = await legacy.findByNationalId('tenant-a', '0012345679');
    expect(found).toMatchObject({ id: 'legacy-1', nationalId: '0012345679', fullName: 'Legacy Person', mobile: '09121234567', version: 1 });

    const old = profileKeysFromSecret(LEGACY.secret);
    const oldKey = await old.currentKey();
    expect(oldKey.id).toBe('5C6vIXCn');
    const keys = staticProfileKeys({ current: { id: 'k2', key: randomBytes(32) }, previous: [{ id: oldKey.id, key: oldKey.bytes }], lookupKey: await old.lookupKey() });
    const rotated = mikroOrmProfileStore(storage, { keys });
    expect(await rotated.reseal()).toEqual({ scanned: 1, resealed: 1, changedMeanwhile: 0 });
    expect(await rotated.findByNationalId('tenant-a', '0012345679')).toEqual(found);
  } finally {
    await storage.close();
  }
});

it('profiles written before the erasure migration read, are found and can be erased after it', async () => {
  const dbName = join(dir, 'portal.sqlite');
  const encryptionKey = randomBytes(32).toString('base64');
  const profiles = [sampleProfile(), sampleProfile(), sampleProfile()];
  const first = await mikroOrmStorage({ driver: 'sqlite', dbName, migrate: true });
  for (const p of profiles) await mikroOrmProfileStore(first, { encryptionKey }).create(p);
  await first.close();
  rollBackToBeforeErasure(dbName);

  const storage = await mikroOrmStorage({ driver: 'sqlite', dbName, migrate: false });
  try {
    expect((await storage.migrate()).applied).toEqual(['Migration20261126103001']);
    const store = mikroOrmProfileStore(storage, { encryptionKey });
    for (const p of profiles) {
      expect(await store.get(p.tenantId, p.id)).toEqual(p);
      expect((await store.findByNationalId(p.tenantId, p.nationalId))?.id).toBe(p.id);
    }
    // The rebuilt table keeps its unique index and now takes erased profiles' NULL hashes.
    await expect(store.create(sampleProfile({ nationalId: profiles[0]!.nationalId }))).rejects.toMatchObject({ details: { entity: 'profile-national-id' } });
    await store.update(erasedProfile(profiles[0]!), 1);
    await store.update(erasedProfile(profiles[1]!), 1);
    expect(await store.findByNationalId(profiles[0]!.tenantId, profiles[0]!.nationalId)).toBeUndefined();
    expect((await store.get(profiles[1]!.tenantId, profiles[1]!.id))?.erasedAt).toBeInstanceOf(Date);
  } finally {
    await storage.close();
  }
});
