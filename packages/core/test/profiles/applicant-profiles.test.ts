import { MemoryFileStore, MemoryProfileStore, TestClock, actor } from '@statdesk/testing';
import { describe, expect, it } from 'vitest';
import { ConflictError, NotAllowedError, NotFoundError, ValidationError, createApplicantProfiles } from '../../src';

const tenantId = 'sci';
const maryam = actor('maryam', 'applicant');
const reza = actor('reza', 'applicant');
const consultant = actor('consultant-1', 'consultant');
const finance = actor('finance-1', 'finance-officer');
const PDF = new TextEncoder().encode('%PDF-1.7\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n');

const maryamInput = { nationalId: '۰۰۱۲۳۴۵۶۷۹', fullName: 'مریم احمدی', email: 'Maryam@Example.ir', mobile: '+98 912 123 4567', postalCode: '۱۴۱۵۵-۶۳۴۵۶', postalAddress: 'تهران، خیابان رهبر' };

function setup() {
  const store = new MemoryProfileStore();
  const files = new MemoryFileStore();
  const clock = new TestClock('2024-05-04T06:00:00Z');
  const profiles = createApplicantProfiles({ store, files, clock });
  return { store, files, clock, profiles };
}

async function error(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => undefined,
    (e: unknown) => e,
  );
}

describe('applicant profiles', () => {
  it('registers a normalised profile whose contacts are the official ones', async () => {
    const { store, profiles } = setup();
    const profile = await profiles.register({ tenantId, actor: maryam, input: maryamInput });
    expect(profile).toMatchObject({
      id: 'maryam',
      nationalId: '0012345679',
      mobile: '09121234567',
      email: 'maryam@example.ir',
      postalCode: '1415563456',
      category: 'individual',
      language: 'fa',
      verification: { status: 'not-required' },
      version: 1,
    });
    expect(profile.audit).toEqual([{ at: new Date('2024-05-04T06:00:00Z'), actorId: 'maryam', actorRole: 'applicant', action: 'registered' }]);
    expect(await store.officialContact(tenantId, 'maryam')).toEqual({ email: 'maryam@example.ir', mobile: '09121234567', language: 'fa', displayName: 'مریم احمدی' });
    expect(await store.officialContact('other-portal', 'maryam')).toBeUndefined();
  });

  it('names each bad field and writes nothing', async () => {
    const { store, profiles } = setup();
    const e = await error(
      profiles.register({ tenantId, actor: maryam, input: { ...maryamInput, nationalId: '0012345678', mobile: '0812', email: 'nope', postalCode: '12', category: 'pensioner' as never } }),
    );
    expect(e).toBeInstanceOf(ValidationError);
    expect((e as ValidationError).fields.sort()).toEqual(['category', 'email', 'mobile', 'nationalId', 'postalCode']);
    expect((e as ValidationError).message).not.toContain('0012345678');
    expect(store.oracle.count()).toBe(0);
    const all = await error(profiles.register({ tenantId, actor: maryam, input: { nationalId: '1111111111', fullName: ' ', mobile: '09121234567' } }));
    expect((all as ValidationError).fields.sort()).toEqual(['fullName', 'nationalId']);
    expect(store.oracle.count()).toBe(0);
  });

  it('keeps one profile per national ID per portal', async () => {
    const { store, profiles } = setup();
    await profiles.register({ tenantId, actor: maryam, input: maryamInput });
    const e = await error(profiles.register({ tenantId, actor: reza, input: { ...maryamInput, nationalId: '0012345679' } }));
    expect(e).toBeInstanceOf(ConflictError);
    expect((e as ConflictError).details.entity).toBe('profile-national-id');
    expect(store.oracle.count()).toBe(1);
    await expect(profiles.register({ tenantId: 'other', actor: reza, input: maryamInput })).resolves.toMatchObject({ id: 'reza' });
  });

  it('lets applicants touch only their own profile; staff read and register any', async () => {
    const { profiles } = setup();
    await profiles.register({ tenantId, actor: maryam, input: maryamInput });
    await expect(profiles.get({ tenantId, actor: reza, profileId: 'maryam' })).rejects.toBeInstanceOf(NotAllowedError);
    await expect(profiles.update({ tenantId, actor: reza, profileId: 'maryam', change: { fullName: 'x' } })).rejects.toBeInstanceOf(NotAllowedError);
    await expect(profiles.get({ tenantId, actor: finance, profileId: 'maryam' })).resolves.toMatchObject({ id: 'maryam' });
    await expect(profiles.get({ tenantId, actor: finance, profileId: 'nobody' })).rejects.toBeInstanceOf(NotFoundError);
    await expect(profiles.register({ tenantId, actor: consultant, input: { ...maryamInput, nationalId: '0067749828' } })).rejects.toBeInstanceOf(ValidationError);
    await expect(profiles.register({ tenantId, actor: consultant, profileId: 'walk-in', input: { ...maryamInput, nationalId: '0067749828' } })).resolves.toMatchObject({
      id: 'walk-in',
      audit: [{ actorRole: 'consultant', action: 'registered' }],
    });
  });

  it('updates with an audit entry naming fields, never values; a stale version is a conflict', async () => {
    const { store, profiles, clock } = setup();
    await profiles.register({ tenantId, actor: maryam, input: maryamInput });
    clock.advance(60_000);
    const updated = await profiles.update({ tenantId, actor: maryam, profileId: 'maryam', change: { mobile: '09351112233', language: 'en' } });
    expect(updated).toMatchObject({ mobile: '09351112233', language: 'en', version: 2 });
    expect(updated.audit.at(-1)).toEqual({ at: clock.now(), actorId: 'maryam', actorRole: 'applicant', action: 'updated', fields: ['language', 'mobile'] });
    expect(JSON.stringify(updated.audit)).not.toContain('0935');
    expect((await store.officialContact(tenantId, 'maryam'))?.mobile).toBe('09351112233');

    const racing = await Promise.allSettled([
      profiles.update({ tenantId, actor: maryam, profileId: 'maryam', change: { fullName: 'A' }, expectedVersion: 2 }),
      profiles.update({ tenantId, actor: maryam, profileId: 'maryam', change: { fullName: 'B' }, expectedVersion: 2 }),
    ]);
    expect(racing.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const loser = racing.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(loser.reason).toBeInstanceOf(ConflictError);
    expect(store.oracle.profile(tenantId, 'maryam')?.version).toBe(3);

    const bad = await error(profiles.update({ tenantId, actor: maryam, profileId: 'maryam', change: { postalCode: 'abc' } }));
    expect((bad as ValidationError).fields).toEqual(['postalCode']);
    expect(store.oracle.profile(tenantId, 'maryam')?.version).toBe(3);
  });

  it('student category: evidence upload, staff verification or rejection with a reason, reset on category change', async () => {
    const { store, files, profiles } = setup();
    await profiles.register({ tenantId, actor: maryam, input: { ...maryamInput, category: 'student' } });
    expect(store.oracle.profile(tenantId, 'maryam')?.verification).toEqual({ status: 'unverified' });
    await expect(profiles.verifyCategory({ tenantId, actor: consultant, profileId: 'maryam' })).rejects.toBeInstanceOf(ValidationError);

    const missing = await error(profiles.submitCategoryEvidence({ tenantId, actor: maryam, profileId: 'maryam', file: { key: 'cards/maryam.pdf' } }));
    expect((missing as ValidationError).fields).toEqual(['file.key']);
    await files.put(tenantId, 'cards/not-a-card.txt', new TextEncoder().encode('hello'), { contentType: 'text/plain' });
    const wrongType = await error(profiles.submitCategoryEvidence({ tenantId, actor: maryam, profileId: 'maryam', file: { key: 'cards/not-a-card.txt' } }));
    expect((wrongType as ValidationError).fields).toEqual(['file.contentType']);
    expect(store.oracle.profile(tenantId, 'maryam')?.version).toBe(1);

    const card = await files.put(tenantId, 'cards/maryam.pdf', PDF, { contentType: 'application/pdf' });
    const pending = await profiles.submitCategoryEvidence({ tenantId, actor: maryam, profileId: 'maryam', file: { key: 'cards/maryam.pdf' } });
    expect(pending.verification).toEqual({ status: 'pending', evidence: { key: card.key, sha256: card.sha256, size: card.size, contentType: 'application/pdf' } });

    // Only verifiers review, and the applicant cannot verify their own claim.
    await expect(profiles.verifyCategory({ tenantId, actor: maryam, profileId: 'maryam' })).rejects.toBeInstanceOf(NotAllowedError);
    await expect(profiles.verifyCategory({ tenantId, actor: finance, profileId: 'maryam' })).rejects.toBeInstanceOf(NotAllowedError);
    await expect(profiles.rejectCategory({ tenantId, actor: consultant, profileId: 'maryam', reason: ' ' })).rejects.toBeInstanceOf(ValidationError);
    const rejected = await profiles.rejectCategory({ tenantId, actor: consultant, profileId: 'maryam', reason: 'card expired' });
    expect(rejected.verification).toMatchObject({ status: 'rejected', reason: 'card expired', reviewedBy: 'consultant-1' });

    await profiles.submitCategoryEvidence({ tenantId, actor: maryam, profileId: 'maryam', file: { key: 'cards/maryam.pdf' } });
    const verified = await profiles.verifyCategory({ tenantId, actor: consultant, profileId: 'maryam' });
    expect(verified.verification.status).toBe('verified');
    expect(verified.verification.reason).toBeUndefined();
    expect(verified.audit.map((a) => a.action)).toEqual(['registered', 'evidence-submitted', 'category-rejected', 'evidence-submitted', 'category-verified']);

    const changed = await profiles.update({ tenantId, actor: maryam, profileId: 'maryam', change: { category: 'organisation' } });
    expect(changed.verification).toEqual({ status: 'unverified' });
    expect(changed.audit.at(-1)?.action).toBe('category-changed');
  });
});
