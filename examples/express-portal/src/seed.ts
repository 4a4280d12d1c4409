/**
 * What the portal puts in place at every start, only where it is missing: products, their files
 * and the demo citizens' profiles are kept in the database and the data folder, so a second
 * start finds them and leaves them (and any change made to them since) as they are.
 */
import { createApplicantProfiles, type Catalogue, type Clock, type FileStore, type Product, type ProfileStore } from '@statdesk/core';
import { DEMO_USERS } from './demo-users';

export const SAMPLE_PRODUCTS: readonly Product[] = Object.freeze([
  { id: 'census-1395-tables', kind: 'file', format: 'digital', title: 'جداول نتایج سرشماری ۱۳۹۵', priceRial: 250_000n, status: 'active', fileKey: 'products/census-1395-tables.xlsx' },
  { id: 'labour-survey-1402', kind: 'file', format: 'digital', title: 'نتایج آمارگیری نیروی کار ۱۴۰۲', priceRial: 120_000n, status: 'active', fileKey: 'products/labour-survey-1402.zip' },
  { id: 'statistical-yearbook-1401', kind: 'book', format: 'physical', title: 'سالنامه آماری کشور ۱۴۰۱', priceRial: 400_000n, status: 'active' },
  { id: 'census-1395-cd', kind: 'cd', format: 'physical', title: 'لوح فشرده نتایج سرشماری ۱۳۹۵', priceRial: 150_000n, status: 'active' },
  { id: 'price-index-bulletin', kind: 'publication', format: 'physical', title: 'نشریه شاخص قیمت مصرف‌کننده', priceRial: 90_000n, status: 'active' },
]);

/** Stand-in contents for the digital products (a real portal stores the real files). */
const PRODUCT_FILES: Readonly<Record<string, { bytes: Uint8Array; contentType: string }>> = {
  'products/census-1395-tables.xlsx': { bytes: new TextEncoder().encode('province,population\nTehran,13267637\n'), contentType: 'text/csv' },
  'products/labour-survey-1402.zip': { bytes: new TextEncoder().encode('year,unemployment\n1402,8.1\n'), contentType: 'text/csv' },
};

/** A 1×1 PNG: the seeded student's card scan. */
const CARD_PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0, 0x90, 0x77, 0x53, 0xde]);

const SEEDING_CONSULTANT = { id: 'portal-seed', roles: ['consultant'] };

export async function seedPortal(args: { tenantId: string; profiles: ProfileStore; catalogue: Catalogue; files: FileStore; clock: Clock }): Promise<void> {
  const { tenantId, profiles, catalogue, files, clock } = args;
  for (const [key, file] of Object.entries(PRODUCT_FILES)) {
    if (!(await files.stat(tenantId, key))) await files.put(tenantId, key, file.bytes, { contentType: file.contentType });
  }
  for (const product of SAMPLE_PRODUCTS) {
    if (!(await catalogue.get(tenantId, product.id))) await catalogue.put(tenantId, product);
  }
  const registry = createApplicantProfiles({ store: profiles, files, clock });
  for (const user of DEMO_USERS) {
    if (!user.profile) continue;
    const { verifiedStudentCard, ...input } = user.profile;
    const actor = { id: user.id, roles: ['applicant'] };
    const profile = (await profiles.get(tenantId, user.id)) ?? (await registry.register({ tenantId, actor, input }));
    // Resumes where a start that stopped half-way left the card: submitted, then verified.
    if (verifiedStudentCard && profile.verification.status !== 'verified') {
      if (profile.verification.status !== 'pending') {
        const key = `cards/${user.id}.png`;
        if (!(await files.stat(tenantId, key))) await files.put(tenantId, key, CARD_PNG, { contentType: 'image/png' });
        await registry.submitCategoryEvidence({ tenantId, actor, profileId: user.id, file: { key } });
      }
      await registry.verifyCategory({ tenantId, actor: SEEDING_CONSULTANT, profileId: user.id });
    }
  }
}
