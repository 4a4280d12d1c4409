/**
 * What the port suites do not cover: the profile store's key handling (a bad key refused, another
 * key refused, a sealed value moved between rows detected, lookup hashes unrelated across
 * tenants) and all three stores keeping their data across a restart on a SQLite file.
 */
import { DefinitionError, ValidationError } from '@statdesk/core';
import {
  mikroOrmCatalogue,
  mikroOrmProfileStore,
  mikroOrmSentNotifications,
  mikroOrmStorage,
  type MikroOrmStorage,
} from '@statdesk/storage-mikro-orm';
import { sampleProduct, sampleProfile } from '@statdesk/testing/conformance';
import Sqlite from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'statdesk-ports-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let files = 0;
const open: MikroOrmStorage[] = [];
afterEach(async () => {
  for (const storage of open.splice(0)) await storage.close();
});

async function sqliteFile(dbName = join(dir, `ports-${++files}.sqlite`)) {
  const storage = await mikroOrmStorage({ driver: 'sqlite', dbName, migrate: true });
  open.push(storage);
  return { storage, dbName };
}

function rows(dbName: string, sql: string): Record<string, unknown>[] {
  const raw = new Sqlite(dbName, { readonly: true });
  try {
    return raw.prepare(sql).all() as Record<string, unknown>[];
  } finally {
    raw.close();
  }
}

describe('profile store keys', () => {
  it.each([
    ['missing', undefined],
    ['too short', randomBytes(16)],
    ['too long', randomBytes(33)],
    ['not base64 of 32 bytes', 'not-a-key'],
    ['a passphrase', 'correct horse battery staple and some more words!'],
  ])('refuses a %s key, naming encryptionKey', async (_label, encryptionKey) => {
    const { storage } = await sqliteFile();
    const error = (() => {
      try {
        mikroOrmProfileStore(storage, { encryptionKey: encryptionKey as Uint8Array });
        return undefined;
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).fields).toEqual(['encryptionKey']);
  });

  it('accepts the key as base64 and as bytes alike', async () => {
    const { storage } = await sqliteFile();
    const key = randomBytes(32);
    const profile = sampleProfile();
    await mikroOrmProfileStore(storage, { encryptionKey: key.toString('base64') }).create(profile);
    expect(await mikroOrmProfileStore(storage, { encryptionKey: key }).get(profile.tenantId, profile.id)).toEqual(profile);
  });

  it('refuses to read profiles sealed with another key, and finds no national ID with it', async () => {
    const { storage } = await sqliteFile();
    const profile = sampleProfile();
    await mikroOrmProfileStore(storage, { encryptionKey: randomBytes(32) }).create(profile);
    const other = mikroOrmProfileStore(storage, { encryptionKey: randomBytes(32) });
    const error = await other.get(profile.tenantId, profile.id).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DefinitionError);
    expect((error as Error).message).toMatch(/another encryptionKey/);
    expect((error as Error).message).not.toContain(profile.nationalId);
    expect(await other.findByNationalId(profile.tenantId, profile.nationalId)).toBeUndefined();
  });

  it('detects a sealed value moved to another profile row', async () => {
    const { storage, dbName } = await sqliteFile();
    const store = mikroOrmProfileStore(storage, { encryptionKey: randomBytes(32) });
    const victim = sampleProfile();
    const attacker = sampleProfile();
    await store.create(victim);
    await store.create(attacker);
    const writable = new Sqlite(dbName);
    writable.prepare('UPDATE statdesk_profiles SET sealed = (SELECT sealed FROM statdesk_profiles WHERE id = ?) WHERE id = ?').run(victim.id, attacker.id);
    writable.close();
    const error = await store.get(attacker.tenantId, attacker.id).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DefinitionError);
    expect((error as Error).message).toMatch(/integrity/);
    expect(await store.get(victim.tenantId, victim.id)).toEqual(victim);
  });

  it('seals equal values differently and hashes one national ID differently per tenant', async () => {
    const { storage, dbName } = await sqliteFile();
    const store = mikroOrmProfileStore(storage, { encryptionKey: randomBytes(32) });
    const a = sampleProfile({ tenantId: 'tenant-a' });
    const b = { ...structuredClone(a), tenantId: 'tenant-b' };
    const c = sampleProfile({ tenantId: 'tenant-a', fullName: a.fullName, mobile: a.mobile, email: a.email! });
    for (const p of [a, b, c]) await store.create(p);
    const stored = rows(dbName, 'SELECT tenant_id, id, national_id_hmac, sealed, details FROM statdesk_profiles ORDER BY tenant_id, id');
    expect(new Set(stored.map((r) => r.national_id_hmac)).size).toBe(3);
    expect(new Set(stored.map((r) => r.sealed)).size).toBe(3);
    for (const r of stored) {
      expect(r.national_id_hmac).toMatch(/^[0-9a-f]{64}$/);
      expect(String(r.sealed)).toMatch(/^v1\./);
      // The plain details name no one.
      expect(String(r.details)).not.toContain(a.fullName);
      expect(String(r.details)).not.toContain(a.mobile);
    }
  });
});

describe('after a restart', () => {
  it('profiles, products and sent-notification keys are all still there', async () => {
    const key = randomBytes(32);
    const first = await sqliteFile();
    const profile = sampleProfile();
    const product = sampleProduct({ priceRial: 2n ** 60n });
    await mikroOrmProfileStore(first.storage, { encryptionKey: key }).create(profile);
    await mikroOrmCatalogue(first.storage).put('tenant-a', product);
    const sent = { idempotencyKey: 'tenant-a:order-1:2:0', channel: 'sms' as const, template: 'order.paid', providerMessageId: '771', sentAt: new Date('2025-03-22T06:00:00Z') };
    await mikroOrmSentNotifications(first.storage).record(sent);
    await first.storage.close();
    open.splice(open.indexOf(first.storage), 1);

    const { storage } = await sqliteFile(first.dbName);
    const profiles = mikroOrmProfileStore(storage, { encryptionKey: key });
    expect(await profiles.get(profile.tenantId, profile.id)).toEqual(profile);
    expect((await profiles.findByNationalId(profile.tenantId, profile.nationalId))?.id).toBe(profile.id);
    expect(await profiles.officialContact(profile.tenantId, profile.id)).toEqual({
      email: profile.email,
      mobile: profile.mobile,
      language: profile.language,
      displayName: profile.fullName,
    });
    expect(await mikroOrmCatalogue(storage).get('tenant-a', product.id)).toStrictEqual(product);
    expect(await mikroOrmSentNotifications(storage).find(sent.idempotencyKey)).toStrictEqual(sent);
  });
});
