/** `ApplicantProfiles.erase`: who may erase, what goes, what stays, and that it happens once. */
import { MemoryFileStore, MemoryProfileStore, TestClock, actor } from '@statdesk/testing';
import { describe, expect, it } from 'vitest';
import { NotAllowedError, NotFoundError, ValidationError, createApplicantProfiles, type ApplicantProfile } from '../../src';

const tenantId = 'sci';
const maryam = actor('maryam', 'applicant');
const consultant = actor('consultant-1', 'consultant');
const supervisor = actor('boss-1', 'supervisor');
const privacy = actor('privacy-1', 'privacy-officer');
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0, 0x90, 0x77, 0x53, 0xde]);
const input = { nationalId: '0012345679', fullName: 'Maryam Ahmadi', email: 'maryam@example.ir', mobile: '09121234567', postalAddress: 'No. 12, Fatemi St, Tehran', postalCode: '1415563456', category: 'student' as const };

async function world() {
  const store = new MemoryProfileStore();
  const files = new MemoryFileStore();
  const clock = new TestClock('2025-05-03T05:30:00Z');
  const profiles = createApplicantProfiles({ store, files, clock });
  await profiles.register({ tenantId, actor: maryam, input });
  await files.put(tenantId, 'cards/maryam.png', PNG, { contentType: 'image/png' });
  await profiles.submitCategoryEvidence({ tenantId, actor: maryam, profileId: 'maryam', file: { key: 'cards/maryam.png' } });
  await profiles.rejectCategory({ tenantId, actor: consultant, profileId: 'maryam', reason: 'The card says Maryam Ahmadi-Rad, not Maryam Ahmadi' });
  await files.put(tenantId, 'cards/maryam-2.png', PNG, { contentType: 'image/png' });
  await profiles.submitCategoryEvidence({ tenantId, actor: maryam, profileId: 'maryam', file: { key: 'cards/maryam-2.png' } });
  await profiles.verifyCategory({ tenantId, actor: consultant, profileId: 'maryam' });
  clock.advance(60_000);
  return { store, files, clock, profiles };
}

async function refusal(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected a refusal');
    },
    (e: unknown) => e,
  );
}

describe('profile erasure', () => {
  it('only a privacy role may erase; everyone else is refused and nothing changes', async () => {
    const { store, profiles } = await world();
    const before = store.oracle.profile(tenantId, 'maryam');
    for (const who of [maryam, consultant, supervisor, actor('finance-1', 'finance-officer')]) {
      expect(await refusal(profiles.erase({ tenantId, actor: who, profileId: 'maryam' }))).toBeInstanceOf(NotAllowedError);
    }
    expect(store.oracle.profile(tenantId, 'maryam')).toEqual(before);
    expect(await refusal(profiles.erase({ tenantId, actor: privacy, profileId: 'nobody' }))).toBeInstanceOf(NotFoundError);
    // Another portal's privacy officer does not reach this tenant's profile.
    expect(await refusal(profiles.erase({ tenantId: 'other-portal', actor: privacy, profileId: 'maryam' }))).toBeInstanceOf(NotFoundError);
    // The role list is the portal's to choose.
    const custom = createApplicantProfiles({ store, privacyRoles: ['data-protection'] });
    expect(await refusal(custom.erase({ tenantId, actor: privacy, profileId: 'maryam' }))).toBeInstanceOf(NotAllowedError);
  });

  it('removes every personal field, the lookup, the contacts, the evidence file and free-text reasons; keeps the record', async () => {
    const { store, files, clock, profiles } = await world();
    const before = store.oracle.profile(tenantId, 'maryam')!;
    const erased = await profiles.erase({ tenantId, actor: privacy, profileId: 'maryam' });

    expect(erased).toEqual(store.oracle.profile(tenantId, 'maryam'));
    expect(erased).toMatchObject({ id: 'maryam', nationalId: '', fullName: '', mobile: '', category: 'student', version: before.version + 1, erasedAt: clock.now() });
    for (const field of ['email', 'postalAddress', 'postalCode'] as const) expect(Object.hasOwn(erased, field), field).toBe(false);
    expect(erased.verification).toEqual({ status: 'verified', reviewedBy: 'consultant-1', reviewedAt: before.verification.reviewedAt });
    // The trail of who did what stays; what staff wrote about the person goes.
    expect(erased.audit.map((e) => e.action)).toEqual([...before.audit.map((e) => e.action), 'erased']);
    expect(erased.audit.at(-1)).toEqual({ at: clock.now(), actorId: 'privacy-1', actorRole: 'privacy-officer', action: 'erased' });
    const text = JSON.stringify(erased);
    for (const value of [input.nationalId, input.fullName, input.email, input.mobile, input.postalAddress, input.postalCode, 'Ahmadi-Rad', 'cards/maryam']) {
      expect(text, value).not.toContain(value);
    }
    expect(await store.findByNationalId(tenantId, input.nationalId)).toBeUndefined();
    expect(await store.officialContact(tenantId, 'maryam')).toBeUndefined();
    expect(await files.stat(tenantId, 'cards/maryam-2.png')).toBeUndefined();
    // The national ID is free: the person may register again, as a new profile.
    const again = await profiles.register({ tenantId, actor: actor('maryam-2026', 'applicant'), input });
    expect((await store.findByNationalId(tenantId, input.nationalId))?.id).toBe(again.id);
  });

  it('happens once: erasing again changes nothing, and no change is accepted afterwards', async () => {
    const { store, profiles } = await world();
    const erased = await profiles.erase({ tenantId, actor: privacy, profileId: 'maryam' });
    expect(await profiles.erase({ tenantId, actor: privacy, profileId: 'maryam' })).toEqual(erased);
    expect(store.oracle.profile(tenantId, 'maryam')).toEqual(erased);
    const refused = await refusal(profiles.update({ tenantId, actor: maryam, profileId: 'maryam', change: { mobile: '09351234567' } }));
    expect(refused).toBeInstanceOf(ValidationError);
    expect((refused as ValidationError).fields).toEqual(['erasedAt']);
    expect(store.oracle.profile(tenantId, 'maryam')).toEqual(erased);
    // The owner may still read what is left (orders show it as an erased applicant).
    expect((await profiles.get({ tenantId, actor: maryam, profileId: 'maryam' })).erasedAt).toBeInstanceOf(Date);
  });

  it('a pinned version that is stale is a conflict; two officers erasing at once write one tombstone', async () => {
    const { store, profiles } = await world();
    const version = store.oracle.profile(tenantId, 'maryam')!.version;
    expect(await refusal(profiles.erase({ tenantId, actor: privacy, profileId: 'maryam', expectedVersion: version - 1 }))).toMatchObject({ code: 'CONFLICT' });
    const results = await Promise.all([0, 1, 2].map(() => profiles.erase({ tenantId, actor: privacy, profileId: 'maryam' })));
    const stored = store.oracle.profile(tenantId, 'maryam') as ApplicantProfile;
    expect(stored.version).toBe(version + 1);
    expect(stored.audit.filter((e) => e.action === 'erased')).toHaveLength(1);
    for (const r of results) expect(r).toEqual(stored);
  });
});
