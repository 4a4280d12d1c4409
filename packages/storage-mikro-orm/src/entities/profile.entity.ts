import { EntitySchema } from '@mikro-orm/core';

/**
 * An applicant's profile. Personal fields (national ID, name, mobile, e-mail, postal address and
 * code) are only in `sealed`, encrypted with AES-256-GCM; the national ID is findable through
 * `nationalIdHmac`, a keyed hash unique per tenant (NULL once the profile is erased). `details`
 * holds the rest (language, category, verification, audit, erasure time), which names no one.
 */
export interface ProfileRow {
  tenantId: string;
  id: string;
  nationalIdHmac: string | null;
  sealed: string;
  details: unknown;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

/**
 * Table `statdesk_profiles`: applicant profiles with their personal fields sealed (AES-256-GCM) and an HMAC
 * of the national ID for lookups.
 */
export const ProfileEntity = new EntitySchema<ProfileRow>({
  name: 'StatdeskProfile',
  tableName: 'statdesk_profiles',
  properties: {
    tenantId: { type: 'string', length: 100, primary: true },
    id: { type: 'string', length: 100, primary: true },
    nationalIdHmac: { type: 'string', length: 64, nullable: true },
    sealed: { type: 'text' },
    details: { type: 'json' },
    version: { type: 'integer' },
    createdAt: { type: 'datetime' },
    updatedAt: { type: 'datetime' },
  },
  uniques: [{ name: 'statdesk_profiles_national_id_unique', properties: ['tenantId', 'nationalIdHmac'] }],
});
