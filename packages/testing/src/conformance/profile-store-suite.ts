/**
 * The profile-store conformance suite: what every `ProfileStore` adapter (which is also the
 * notifier's `ContactDirectory`) must do, as named tests derived from the port's contract. Run it
 * from your adapter's test file:
 *
 *   describeProfileStoreConformance({
 *     name: 'my-adapter',
 *     setup: async () => ({ store, oracle, teardown }),
 *   });
 *
 * The optional oracle reads the backend directly (not through the adapter under test): `count`
 * lets a test see that a refused write left nothing behind, and `atRest` shows what an attacker
 * with a copy of the database would read, so the suite can check that personal fields are
 * protected there. A test can be disabled only with a written reason.
 */
import { describe, expect } from 'vitest';
import { namedTest } from './named-test';
import { ConflictError, NotFoundError, type ApplicantProfile, type ProfileStore } from '@statdesk/core';

type Awaitable<T> = T | Promise<T>;

/** Reads the profile store's backend directly, to check what is at rest. */
export interface ProfileStoreOracle {
  /** How many profiles the backend holds, all tenants together. */
  count(): Awaitable<number>;
  /**
   * Everything the backend holds for profiles, as text (rows, columns, index entries…), read
   * without the adapter. Needed by 'personal fields are not stored in plain text'.
   */
  atRest?(): Awaitable<string>;
}

/** The profile store to test, with its oracle and clean-up. */
export interface ProfileStoreUnderTest {
  /** The adapter under test. */
  store: ProfileStore;
  /** Direct reads of its backend; the checks that need one are skipped without it. */
  oracle?: ProfileStoreOracle;
  /** Called once the test is done. */
  teardown?: () => Promise<void>;
}

/** The names of the profile-store conformance tests, in order. */
export const profileStoreConformanceTests = [
  'create then get returns the profile as given',
  'absent optional fields stay absent',
  'create rejects a taken id, writing nothing',
  'create rejects a national ID another profile of the tenant holds, writing nothing',
  'conflicts never echo the national ID',
  'findByNationalId finds the holder',
  'update is a compare-and-set on the version',
  'update rejects a stale or skipped version, writing nothing',
  'update of a missing profile is NotFoundError',
  'update may move to a free national ID, not to a taken one',
  'concurrent updates from one version: exactly one succeeds',
  'concurrent creates with one national ID: exactly one succeeds',
  'concurrent creates of one id: exactly one succeeds',
  'tenants are isolated on every call',
  'officialContact gives the current contacts and nothing else',
  'returns copies, not live references',
  'personal fields are not stored in plain text',
  'an erased profile keeps no national ID, lookup or contact',
] as const;

/** The name of one profile-store conformance test. */
export type ProfileStoreConformanceTest = (typeof profileStoreConformanceTests)[number];

/** Options of {@link describeProfileStoreConformance}. */
export interface ProfileStoreConformanceOptions {
  /** Label of the `describe` block, e.g. the adapter's name. */
  name: string;
  /** A fresh, empty store for each test. */
  setup: () => Promise<ProfileStoreUnderTest>;
  /** Tests this adapter cannot pass yet, each with the reason. */
  disable?: Partial<Record<ProfileStoreConformanceTest, string>>;
  /**
   * True for a store that keeps nothing at rest (the in-memory one): the at-rest test does not
   * apply to it and is not run. Every persistent adapter must leave this unset.
   */
  keepsNothingAtRest?: boolean;
}

const T = 'tenant-a';
const T0 = new Date('2025-03-22T05:30:00.123Z');
/** A fresh Date each time: tests mutate what they are given. */
const later = (ms: number) => new Date(T0.getTime() + ms);

/** A valid Iranian national ID (10 digits, check digit last) made from a small number. */
export function sampleNationalId(n: number): string {
  const body = String(1_234_567 + n * 7919).padStart(9, '0').slice(-9);
  const sum = [...body].reduce((total, digit, i) => total + Number(digit) * (10 - i), 0) % 11;
  return `${body}${sum < 2 ? sum : 11 - sum}`;
}

let serial = 0;

/** A registered applicant's profile with every field filled; override what a test needs. */
export function sampleProfile(overrides: Partial<ApplicantProfile> = {}): ApplicantProfile {
  const n = ++serial;
  return {
    tenantId: T,
    id: `profile-${n}-${Math.random().toString(36).slice(2, 8)}`,
    nationalId: sampleNationalId(n),
    fullName: 'زهرا احمدی',
    email: `applicant${n}@example.ir`,
    mobile: `0912${String(1_000_000 + n).slice(-7)}`,
    language: 'fa',
    postalAddress: 'تهران، خیابان دکتر فاطمی، پلاک ۱۲',
    postalCode: '1416753955',
    category: 'student',
    verification: {
      status: 'verified',
      evidence: { key: `evidence/${n}/card.jpg`, sha256: 'a'.repeat(64), size: 52_113, contentType: 'image/jpeg' },
      reviewedBy: 'staff-7',
      reviewedAt: later(60_000),
    },
    audit: [
      { at: later(0), actorId: 'applicant-1', actorRole: 'applicant', action: 'registered' },
      { at: later(30_000), actorId: 'applicant-1', actorRole: 'applicant', action: 'evidence-submitted', fields: ['verification.evidence'] },
      { at: later(60_000), actorId: 'staff-7', actorRole: 'verifier', action: 'category-verified' },
    ],
    version: 1,
    createdAt: later(0),
    updatedAt: later(60_000),
    ...overrides,
  };
}

/** The next version of a profile, as `createApplicantProfiles` would write it. */
function next(profile: ApplicantProfile, changes: Partial<ApplicantProfile> = {}): ApplicantProfile {
  const at = later(profile.version * 1000 + 120_000);
  return {
    ...structuredClone(profile),
    ...changes,
    audit: [...profile.audit, { at, actorId: 'applicant-1', actorRole: 'applicant', action: 'updated', fields: Object.keys(changes) }],
    version: profile.version + 1,
    updatedAt: at,
  };
}

/** The erased version of a profile, as `ApplicantProfiles.erase` writes it. */
export function erasedProfile(profile: ApplicantProfile, at: Date = later(profile.version * 1000 + 240_000)): ApplicantProfile {
  const { email: _e, postalAddress: _a, postalCode: _c, ...rest } = structuredClone(profile);
  return {
    ...rest,
    nationalId: '',
    fullName: '',
    mobile: '',
    verification: { status: profile.verification.status },
    audit: [...rest.audit, { at, actorId: 'privacy-1', actorRole: 'privacy-officer', action: 'erased' }],
    erasedAt: at,
    version: profile.version + 1,
    updatedAt: at,
  };
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected the call to be refused');
    },
    (error: unknown) => error,
  );
}

async function expectConflict(promise: Promise<unknown>, entity: 'profile' | 'profile-national-id'): Promise<ConflictError> {
  const error = await rejection(promise);
  expect(error, `expected a ConflictError for ${entity}`).toBeInstanceOf(ConflictError);
  expect((error as ConflictError).details.entity).toBe(entity);
  return error as ConflictError;
}

/**
 * Registers the profile-store conformance suite with vitest for your adapter: create, update with optimistic
 * versions, unique national ID per tenant, erasure, and personal fields not at rest in plain text.
 */
export function describeProfileStoreConformance(options: ProfileStoreConformanceOptions): void {
  const test = namedTest<ProfileStoreConformanceTest, ProfileStoreUnderTest>(options);

  describe(`profile-store conformance: ${options.name}`, () => {
    test('create then get returns the profile as given', async ({ store, oracle }) => {
      const profile = sampleProfile({ fullName: 'Zahra Ahmadi — زهرا احمدیِ‌نژاد', language: 'en' });
      await store.create(profile);
      const back = await store.get(T, profile.id);
      expect(back).toEqual(profile);
      expect(back!.createdAt).toBeInstanceOf(Date);
      expect(back!.audit[1]!.at).toBeInstanceOf(Date);
      expect(back!.verification.reviewedAt).toBeInstanceOf(Date);
      expect(back!.updatedAt.getTime()).toBe(profile.updatedAt.getTime());
      if (oracle) expect(await oracle.count()).toBe(1);
    });

    test('absent optional fields stay absent', async ({ store }) => {
      const { email: _e, postalAddress: _a, postalCode: _c, ...required } = sampleProfile({
        category: 'individual',
        verification: { status: 'not-required' },
        audit: [{ at: later(0), actorId: 'applicant-2', actorRole: 'applicant', action: 'registered' }],
      });
      await store.create(required);
      for (const back of [await store.get(T, required.id), await store.findByNationalId(T, required.nationalId)]) {
        expect(back).toStrictEqual(required);
        for (const field of ['email', 'postalAddress', 'postalCode']) expect(Object.hasOwn(back!, field), field).toBe(false);
        expect(Object.keys(back!.verification)).toEqual(['status']);
        expect(Object.keys(back!.audit[0]!).sort()).toEqual(['action', 'actorId', 'actorRole', 'at']);
      }
      const contact = await store.officialContact(T, required.id);
      expect(Object.hasOwn(contact!, 'email')).toBe(false);
    });

    test('create rejects a taken id, writing nothing', async ({ store, oracle }) => {
      const first = sampleProfile();
      await store.create(first);
      const again = sampleProfile({ id: first.id, fullName: 'Someone Else' });
      await expectConflict(store.create(again), 'profile');
      expect(await store.get(T, first.id)).toEqual(first);
      // Nothing of the refused profile is findable, not even by its own national ID.
      expect(await store.findByNationalId(T, again.nationalId)).toBeUndefined();
      if (oracle) expect(await oracle.count()).toBe(1);
    });

    test('create rejects a national ID another profile of the tenant holds, writing nothing', async ({ store, oracle }) => {
      const holder = sampleProfile();
      await store.create(holder);
      const second = sampleProfile({ nationalId: holder.nationalId });
      await expectConflict(store.create(second), 'profile-national-id');
      expect(await store.get(T, second.id)).toBeUndefined();
      expect((await store.findByNationalId(T, holder.nationalId))?.id).toBe(holder.id);
      if (oracle) expect(await oracle.count()).toBe(1);
    });

    test('conflicts never echo the national ID', async ({ store }) => {
      const holder = sampleProfile();
      await store.create(holder);
      const other = sampleProfile();
      await store.create(other);
      const errors = [
        await expectConflict(store.create(sampleProfile({ nationalId: holder.nationalId })), 'profile-national-id'),
        await expectConflict(store.update(next(other, { nationalId: holder.nationalId }), 1), 'profile-national-id'),
        await expectConflict(store.create(sampleProfile({ id: holder.id })), 'profile'),
      ];
      for (const error of errors) {
        const seen = `${error.message} ${JSON.stringify(error.details)}`;
        expect(seen).not.toContain(holder.nationalId);
        expect(seen).not.toContain(holder.mobile);
      }
    });

    test('findByNationalId finds the holder', async ({ store }) => {
      const profiles = [sampleProfile(), sampleProfile(), sampleProfile()];
      for (const p of profiles) await store.create(p);
      for (const p of profiles) expect(await store.findByNationalId(T, p.nationalId)).toEqual(p);
      expect(await store.findByNationalId(T, sampleNationalId(999_999))).toBeUndefined();
      // An exact match: a prefix of an ID is not that ID.
      expect(await store.findByNationalId(T, profiles[0]!.nationalId.slice(0, 9))).toBeUndefined();
      // It follows updates.
      const updated = next(profiles[1]!, { fullName: 'Renamed' });
      await store.update(updated, 1);
      expect(await store.findByNationalId(T, updated.nationalId)).toEqual(updated);
    });

    test('update is a compare-and-set on the version', async ({ store, oracle }) => {
      const v1 = sampleProfile();
      await store.create(v1);
      const v2 = next(v1, { email: 'new@example.ir', mobile: '09351234567', postalAddress: 'اصفهان' });
      await store.update(v2, 1);
      expect(await store.get(T, v1.id)).toEqual(v2);
      const v3 = next(v2, { category: 'organisation', verification: { status: 'unverified' } });
      await store.update(v3, 2);
      const back = await store.get(T, v1.id);
      expect(back).toEqual(v3);
      expect(back!.version).toBe(3);
      expect(back!.audit).toHaveLength(5);
      if (oracle) expect(await oracle.count()).toBe(1);
    });

    test('update rejects a stale or skipped version, writing nothing', async ({ store }) => {
      const v1 = sampleProfile();
      await store.create(v1);
      const v2 = next(v1, { fullName: 'Second' });
      await store.update(v2, 1);
      // Stale: someone else moved it to version 2 first.
      const stale = next(v1, { fullName: 'Lost update' });
      const error = await expectConflict(store.update(stale, 1), 'profile');
      expect(error.details.id).toBe(v1.id);
      // Skipped: the new version must be exactly one ahead of the expected one.
      await expectConflict(store.update({ ...next(v2, { fullName: 'Skip' }), version: 4 }, 2), 'profile');
      await expectConflict(store.update({ ...next(v2, { fullName: 'Same' }), version: 2 }, 2), 'profile');
      // Ahead of the stored one.
      await expectConflict(store.update(next(next(v2), { fullName: 'Future' }), 3), 'profile');
      expect(await store.get(T, v1.id)).toEqual(v2);
    });

    test('update of a missing profile is NotFoundError', async ({ store, oracle }) => {
      const ghost = sampleProfile({ version: 2 });
      const error = await rejection(store.update(ghost, 1));
      expect(error).toBeInstanceOf(NotFoundError);
      expect(await store.get(T, ghost.id)).toBeUndefined();
      if (oracle) expect(await oracle.count()).toBe(0);
    });

    test('update may move to a free national ID, not to a taken one', async ({ store }) => {
      const a = sampleProfile();
      const b = sampleProfile();
      await store.create(a);
      await store.create(b);
      const moved = next(a, { nationalId: sampleNationalId(500_001) });
      await store.update(moved, 1);
      expect(await store.findByNationalId(T, a.nationalId)).toBeUndefined();
      expect((await store.findByNationalId(T, moved.nationalId))?.id).toBe(a.id);
      // The freed ID can be taken by someone else.
      const c = sampleProfile({ nationalId: a.nationalId });
      await store.create(c);
      // Not onto another's ID; the refused update leaves both as they were.
      await expectConflict(store.update(next(b, { nationalId: moved.nationalId }), 1), 'profile-national-id');
      expect(await store.get(T, b.id)).toEqual(b);
      expect((await store.findByNationalId(T, moved.nationalId))?.id).toBe(a.id);
      // Keeping one's own ID is no conflict.
      await store.update(next(b, { fullName: 'Kept ID' }), 1);
      expect((await store.findByNationalId(T, b.nationalId))?.fullName).toBe('Kept ID');
    });

    test('concurrent updates from one version: exactly one succeeds', async ({ store }) => {
      const v1 = sampleProfile();
      await store.create(v1);
      for (let round = 0; round < 3; round++) {
        const current = (await store.get(T, v1.id))!;
        const candidates = [0, 1, 2, 3, 4].map((i) => next(current, { fullName: `Writer ${round}-${i}` }));
        const results = await Promise.allSettled(candidates.map((p) => store.update(p, current.version)));
        const won = results.flatMap((r, i) => (r.status === 'fulfilled' ? [i] : []));
        expect(won, 'exactly one writer wins').toHaveLength(1);
        for (const r of results) if (r.status === 'rejected') expect((r.reason as ConflictError).details?.entity).toBe('profile');
        expect(await store.get(T, v1.id)).toEqual(candidates[won[0]!]);
      }
      expect((await store.get(T, v1.id))!.version).toBe(4);
    });

    test('concurrent creates with one national ID: exactly one succeeds', async ({ store, oracle }) => {
      const nationalId = sampleNationalId(777_001);
      const candidates = [0, 1, 2, 3, 4].map((i) => sampleProfile({ nationalId, fullName: `Registrant ${i}` }));
      const results = await Promise.allSettled(candidates.map((p) => store.create(p)));
      const won = results.flatMap((r, i) => (r.status === 'fulfilled' ? [i] : []));
      expect(won, 'exactly one registration wins').toHaveLength(1);
      for (const r of results) if (r.status === 'rejected') expect((r.reason as ConflictError).details?.entity).toBe('profile-national-id');
      expect(await store.findByNationalId(T, nationalId)).toEqual(candidates[won[0]!]);
      for (const [i, p] of candidates.entries()) if (i !== won[0]) expect(await store.get(T, p.id)).toBeUndefined();
      if (oracle) expect(await oracle.count()).toBe(1);
    });

    test('concurrent creates of one id: exactly one succeeds', async ({ store, oracle }) => {
      const id = 'profile-race';
      const candidates = [0, 1, 2, 3].map((i) => sampleProfile({ id, fullName: `Registrant ${i}` }));
      const results = await Promise.allSettled(candidates.map((p) => store.create(p)));
      const won = results.flatMap((r, i) => (r.status === 'fulfilled' ? [i] : []));
      expect(won).toHaveLength(1);
      for (const r of results) if (r.status === 'rejected') expect((r.reason as ConflictError).details?.entity).toBe('profile');
      expect(await store.get(T, id)).toEqual(candidates[won[0]!]);
      for (const [i, p] of candidates.entries()) if (i !== won[0]) expect(await store.findByNationalId(T, p.nationalId)).toBeUndefined();
      if (oracle) expect(await oracle.count()).toBe(1);
    });

    test('tenants are isolated on every call', async ({ store }) => {
      const a = sampleProfile({ tenantId: 'tenant-a', id: 'shared-id' });
      // Same id and same national ID in another tenant: a different person record, no conflict.
      const b = sampleProfile({ tenantId: 'tenant-b', id: 'shared-id', nationalId: a.nationalId, fullName: 'Other tenant', email: 'b@example.ir' });
      await store.create(a);
      await store.create(b);
      expect(await store.get('tenant-a', 'shared-id')).toEqual(a);
      expect(await store.get('tenant-b', 'shared-id')).toEqual(b);
      expect(await store.findByNationalId('tenant-b', a.nationalId)).toEqual(b);
      expect(await store.get('tenant-c', 'shared-id')).toBeUndefined();
      expect(await store.findByNationalId('tenant-c', a.nationalId)).toBeUndefined();
      expect(await store.officialContact('tenant-c', 'shared-id')).toBeUndefined();
      expect((await store.officialContact('tenant-b', 'shared-id'))?.email).toBe('b@example.ir');
      // Tenant ids are exact.
      expect(await store.get('Tenant-A', 'shared-id')).toBeUndefined();
      // An update names its tenant: it never reaches another tenant's profile.
      expect(await rejection(store.update(next({ ...a, tenantId: 'tenant-c' }), 1))).toBeInstanceOf(NotFoundError);
      await store.update(next(b, { fullName: 'Only B changed' }), 1);
      expect(await store.get('tenant-a', 'shared-id')).toEqual(a);
      expect((await store.get('tenant-b', 'shared-id'))?.fullName).toBe('Only B changed');
    });

    test('officialContact gives the current contacts and nothing else', async ({ store }) => {
      const profile = sampleProfile({ language: 'en' });
      await store.create(profile);
      expect(await store.officialContact(T, profile.id)).toStrictEqual({
        email: profile.email,
        mobile: profile.mobile,
        language: 'en',
        displayName: profile.fullName,
      });
      const changed = next(profile, { email: 'changed@example.ir', mobile: '09129998877', language: 'fa', fullName: 'New Name' });
      await store.update(changed, 1);
      expect(await store.officialContact(T, profile.id)).toStrictEqual({
        email: 'changed@example.ir',
        mobile: '09129998877',
        language: 'fa',
        displayName: 'New Name',
      });
      expect(await store.officialContact(T, 'nobody')).toBeUndefined();
    });

    test('returns copies, not live references', async ({ store }) => {
      const profile = sampleProfile();
      const original = structuredClone(profile);
      await store.create(profile);
      // Changing what was passed in does not change the store.
      profile.fullName = 'mutated input';
      profile.audit.push({ at: later(0), actorId: 'x', actorRole: 'x', action: 'updated' });
      profile.createdAt.setTime(0);
      const got = (await store.get(T, original.id))!;
      expect(got).toEqual(original);
      // Nor does changing what came out.
      got.fullName = 'mutated output';
      got.audit[0]!.actorId = 'mutated';
      got.verification.status = 'rejected';
      got.verification.evidence!.key = 'mutated';
      got.updatedAt.setTime(0);
      const found = (await store.findByNationalId(T, original.nationalId))!;
      found.audit.length = 0;
      const contact = (await store.officialContact(T, original.id))!;
      contact.email = 'mutated@example.ir';
      expect(await store.get(T, original.id)).toEqual(original);
      expect((await store.officialContact(T, original.id))?.email).toBe(original.email);
      // The same holds for an update's argument.
      const v2 = next(original, { fullName: 'Second' });
      const expected = structuredClone(v2);
      await store.update(v2, 1);
      v2.audit.length = 0;
      v2.fullName = 'mutated after update';
      expect(await store.get(T, original.id)).toEqual(expected);
    });

    if (!options.keepsNothingAtRest) test('personal fields are not stored in plain text', async ({ store, oracle }) => {
      expect(oracle?.atRest, 'this test reads the backend through oracle.atRest').toBeDefined();
      const profile = sampleProfile({
        nationalId: sampleNationalId(424_242),
        mobile: '09187654321',
        email: 'secret.person@example.ir',
        postalAddress: 'Shiraz, Zand Boulevard, No. 77',
        postalCode: '7134567890',
      });
      await store.create(profile);
      await store.update(next(profile, { mobile: '09181112233' }), 1);
      const raw = await oracle!.atRest!();
      // The oracle really shows the stored data (names are not protected).
      expect(raw).toContain(profile.id);
      for (const [field, value] of Object.entries({
        nationalId: profile.nationalId,
        mobile: profile.mobile,
        newMobile: '09181112233',
        email: profile.email!,
        postalAddress: profile.postalAddress!,
        postalCode: profile.postalCode!,
      })) {
        expect(raw.includes(value), `${field} is readable at rest`).toBe(false);
      }
      // And the store still answers with the real values.
      expect((await store.findByNationalId(T, profile.nationalId))?.mobile).toBe('09181112233');
    });

    test('an erased profile keeps no national ID, lookup or contact', async ({ store, oracle }) => {
      const profile = sampleProfile({
        nationalId: sampleNationalId(515_151),
        mobile: '09176543210',
        email: 'to.be.forgotten@example.ir',
        postalAddress: 'Tabriz, Imam Street, No. 9',
        postalCode: '5134567890',
      });
      const neighbour = sampleProfile();
      await store.create(profile);
      await store.create(neighbour);
      const tombstone = erasedProfile(profile);
      await store.update(tombstone, 1);

      // The record stays (orders name it), without anything that names or reaches the person.
      const back = await store.get(T, profile.id);
      expect(back).toStrictEqual(tombstone);
      expect(back!.erasedAt).toBeInstanceOf(Date);
      expect(await store.findByNationalId(T, profile.nationalId)).toBeUndefined();
      expect(await store.findByNationalId(T, '')).toBeUndefined();
      expect(await store.officialContact(T, profile.id)).toBeUndefined();
      // The national ID is free again, and a second erased profile does not collide with the first.
      const newcomer = sampleProfile({ nationalId: profile.nationalId });
      await store.create(newcomer);
      expect((await store.findByNationalId(T, profile.nationalId))?.id).toBe(newcomer.id);
      await store.update(erasedProfile(neighbour), 1);
      expect((await store.get(T, neighbour.id))?.erasedAt).toBeInstanceOf(Date);
      await expectConflict(store.update(erasedProfile(profile), 1), 'profile');
      if (oracle) expect(await oracle.count()).toBe(3);
      if (oracle?.atRest && !options.keepsNothingAtRest) {
        const raw = await oracle.atRest();
        expect(raw).toContain(profile.id);
        // The newcomer holds the same national ID: it is sealed too, so it may not show either.
        for (const [field, value] of Object.entries({
          nationalId: profile.nationalId,
          mobile: profile.mobile,
          email: profile.email!,
          postalAddress: profile.postalAddress!,
          postalCode: profile.postalCode!,
        })) {
          expect(raw.includes(value), `${field} is readable at rest after erasure`).toBe(false);
        }
      }
    });
  });
}
