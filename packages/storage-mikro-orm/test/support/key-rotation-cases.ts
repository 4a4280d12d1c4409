/**
 * Key rotation for `mikroOrmProfileStore`, on whichever database `open` gives: profiles written
 * under k1 are re-sealed under k2 (in batches, resumably, beside live writes and a second
 * re-seal), k1 is dropped, and every profile still reads and is still found by national ID.
 */
import { DefinitionError, staticProfileKeys, type ApplicantProfile, type ProfileKeyProvider } from '@statdesk/core';
import { mikroOrmProfileStore, profileKeysFromSecret, type MikroOrmStorage } from '@statdesk/storage-mikro-orm';
import { sampleProfile } from '@statdesk/testing/conformance';
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { RawQuery } from './oracle';

export interface RotationDatabase {
  storage: MikroOrmStorage;
  /** Plain SQL on a connection of its own. */
  query: RawQuery;
  /** An empty profile table. */
  reset(): Promise<void>;
}

const k1 = { id: 'k1', key: randomBytes(32) };
const k2 = { id: 'k2', key: randomBytes(32) };
const lookupKey = randomBytes(32);
const underK1 = staticProfileKeys({ current: k1, lookupKey });
const rotating = staticProfileKeys({ current: k2, previous: [k1], lookupKey });
const k2Only = staticProfileKeys({ current: k2, lookupKey });

async function storedKeyIds(query: RawQuery): Promise<string[]> {
  const rows = await query('SELECT sealed FROM statdesk_profiles ORDER BY tenant_id, id', []);
  return rows.map((r) => String(r.sealed).split('.')[1]!);
}

async function expectAllReadable(keys: ProfileKeyProvider, db: RotationDatabase, profiles: ApplicantProfile[]): Promise<void> {
  const store = mikroOrmProfileStore(db.storage, { keys });
  for (const p of profiles) {
    expect(await store.get(p.tenantId, p.id)).toEqual(p);
    expect((await store.findByNationalId(p.tenantId, p.nationalId))?.id).toBe(p.id);
  }
}

export function describeKeyRotation(name: string, open: () => Promise<RotationDatabase>): void {
  describe(`profile key rotation: ${name}`, () => {
    it('write under k1, rotate to k2, read all, drop k1, read all, lookups work', async () => {
      const db = await open();
      await db.reset();
      const profiles = Array.from({ length: 23 }, (_, i) => sampleProfile({ tenantId: i % 3 ? 'tenant-a' : 'tenant-b' }));
      const before = mikroOrmProfileStore(db.storage, { keys: underK1 });
      for (const p of profiles) await before.create(p);
      expect(new Set(await storedKeyIds(db.query))).toEqual(new Set(['k1']));
      const hashesBefore = await db.query('SELECT id, national_id_hmac FROM statdesk_profiles ORDER BY tenant_id, id', []);

      // The new key is current everywhere; old values still read, new writes use k2.
      const store = mikroOrmProfileStore(db.storage, { keys: rotating });
      await expectAllReadable(rotating, db, profiles);
      const late = sampleProfile();
      await store.create(late);
      expect(await store.keyUsage()).toEqual({ k1: 23, k2: 1 });

      // Re-seal in batches of 5, interrupted after the second batch, then resumed from its cursor.
      const interrupted = new Error('stopped after two batches');
      let cursor: { tenantId: string; id: string } | undefined;
      let batches = 0;
      const stopped = await store
        .reseal({
          batchSize: 5,
          onBatch: (progress) => {
            cursor = progress.cursor;
            if (++batches === 2) throw interrupted;
          },
        })
        .catch((e: unknown) => e);
      expect(stopped).toBe(interrupted);
      // The two finished batches (the first 10 profiles in key order) are under k2, the rest not yet.
      const ids = await storedKeyIds(db.query);
      expect(ids.slice(0, 10)).toEqual(Array(10).fill('k2'));
      const k1Left = ids.filter((id) => id === 'k1').length;
      expect(k1Left).toBeGreaterThanOrEqual(13);
      const resumed = await store.reseal({ batchSize: 5, after: cursor! });
      expect(resumed).toEqual({ scanned: 14, resealed: k1Left, changedMeanwhile: 0 });
      expect(await store.keyUsage()).toEqual({ k2: 24 });
      // Idempotent: nothing left to do.
      expect(await store.reseal()).toEqual({ scanned: 24, resealed: 0, changedMeanwhile: 0 });

      // Lookup hashes never changed; values and versions are as they were.
      expect(await db.query('SELECT id, national_id_hmac FROM statdesk_profiles WHERE id <> ? ORDER BY tenant_id, id', [late.id])).toEqual(hashesBefore);
      await expectAllReadable(rotating, db, [...profiles, late]);

      // k1 retired: everything still reads and is found.
      await expectAllReadable(k2Only, db, [...profiles, late]);
      // And k1 alone can no longer read any of it.
      const error = await mikroOrmProfileStore(db.storage, { keys: underK1 }).get(profiles[0]!.tenantId, profiles[0]!.id).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DefinitionError);
      expect((error as Error).message).toMatch(/sealed with key k2/);
    });

    it('two re-seals and live updates at once: every profile ends under k2 with its newest value', async () => {
      const db = await open();
      await db.reset();
      const profiles = Array.from({ length: 30 }, () => sampleProfile());
      const old = mikroOrmProfileStore(db.storage, { keys: underK1 });
      for (const p of profiles) await old.create(p);
      const store = mikroOrmProfileStore(db.storage, { keys: rotating });
      const updated = profiles.filter((_, i) => i % 3 === 0).map((p) => ({ ...structuredClone(p), fullName: `Renamed ${p.id}`, version: 2 }));
      const [a, b] = await Promise.all([
        store.reseal({ batchSize: 4 }),
        store.reseal({ batchSize: 7 }),
        ...updated.map((p) => store.update(p, 1)),
      ]);
      // Each profile was re-sealed once, by one of them, or rewritten by its update first.
      expect(a!.resealed + b!.resealed).toBeLessThanOrEqual(30);
      expect(a!.resealed + b!.resealed + a!.changedMeanwhile + b!.changedMeanwhile).toBeGreaterThanOrEqual(30 - updated.length);
      expect(await store.keyUsage()).toEqual({ k2: 30 });
      const expected = profiles.map((p) => updated.find((u) => u.id === p.id) ?? p);
      await expectAllReadable(k2Only, db, expected);
    });

    it('moves from the one-secret encryptionKey to rotatable keys without losing a profile', async () => {
      const db = await open();
      await db.reset();
      const secret = randomBytes(32).toString('base64');
      const profiles = [sampleProfile(), sampleProfile(), sampleProfile()];
      const legacy = mikroOrmProfileStore(db.storage, { encryptionKey: secret });
      for (const p of profiles) await legacy.create(p);

      // The documented recipe: the old secret's key becomes a previous key, its lookup key stays.
      const fromSecret = profileKeysFromSecret(secret);
      const oldKey = await fromSecret.currentKey();
      const keys = staticProfileKeys({ current: { id: 'k2026', key: randomBytes(32) }, previous: [{ id: oldKey.id, key: oldKey.bytes }], lookupKey: await fromSecret.lookupKey() });
      const store = mikroOrmProfileStore(db.storage, { keys });
      expect((await store.reseal()).resealed).toBe(3);
      expect(await store.keyUsage()).toEqual({ k2026: 3 });
      const retired = staticProfileKeys({ current: { id: 'k2026', key: (await keys.currentKey()).bytes }, lookupKey: await fromSecret.lookupKey() });
      await expectAllReadable(retired, db, profiles);
    });
  });
}
