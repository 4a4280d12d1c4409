/**
 * `mikroOrmProfileStore`: applicants' profiles (and the notifier's contact directory) in
 * `statdesk_profiles`, on the storage's own connection pool. Personal fields are sealed with
 * AES-256-GCM and the national ID is found by a keyed hash (see `profile-sealing.ts`); the
 * database's constraints decide the races: the primary key one profile per id, a unique index on
 * (tenant, national-ID hash) one profile per national ID, `version = ?` the compare-and-set.
 */
import {
  ConflictError,
  NotFoundError,
  type ApplicantProfile,
  type CategoryVerification,
  type OfficialContact,
  type ProfileAuditEntry,
  type ProfileStore,
} from '@statdesk/core';
import type { MikroOrmStorage } from './mikro-orm-storage';
import { profileSealer, type ProfileSealer } from './profile-sealing';
import type { SqlDatabase, SqlRow, SqlSession } from './sql/sql-database';
import { sqlValues, type SqlValues } from './sql/sql-values';

export interface MikroOrmProfileStoreOptions {
  /**
   * The secret that protects personal fields at rest: 32 random bytes, or the same in base64
   * (`openssl rand -base64 32`). Keep it outside the database (a secret store or the
   * environment); without it the profiles cannot be read, and with another one they are refused.
   */
  encryptionKey: Uint8Array | string;
}

/** The personal fields, sealed together. */
interface SealedFields {
  nationalId: string;
  fullName: string;
  mobile: string;
  email?: string;
  postalAddress?: string;
  postalCode?: string;
}

/** The rest of a profile, stored as JSON with instants as ISO strings. */
interface Details {
  language: ApplicantProfile['language'];
  category: ApplicantProfile['category'];
  verification: Omit<CategoryVerification, 'reviewedAt'> & { reviewedAt?: string };
  audit: (Omit<ProfileAuditEntry, 'at'> & { at: string })[];
}

const COLUMNS = 'tenant_id, id, national_id_hmac, sealed, details, version, created_at, updated_at';

const sql = {
  get: `SELECT ${COLUMNS} FROM statdesk_profiles WHERE tenant_id = ? AND id = ?`,
  byNationalId: `SELECT ${COLUMNS} FROM statdesk_profiles WHERE tenant_id = ? AND national_id_hmac = ?`,
  holderOf: 'SELECT id FROM statdesk_profiles WHERE tenant_id = ? AND national_id_hmac = ?',
  version: 'SELECT version FROM statdesk_profiles WHERE tenant_id = ? AND id = ?',
  // No conflict target: a taken id and a taken national ID both insert nothing; `create` then
  // looks which one it was. PostgreSQL waits for a concurrent inserter of either to finish.
  insert: `INSERT INTO statdesk_profiles (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
  update: `UPDATE statdesk_profiles SET national_id_hmac = ?, sealed = ?, details = ?, version = ?, created_at = ?, updated_at = ?
    WHERE tenant_id = ? AND id = ? AND version = ?`,
};

export class MikroOrmProfileStore implements ProfileStore {
  private readonly values: SqlValues;

  /** @internal use `mikroOrmProfileStore()`. */
  constructor(
    private readonly db: SqlDatabase,
    private readonly sealer: ProfileSealer,
  ) {
    this.values = sqlValues(db.dialect);
  }

  get(tenantId: string, profileId: string): Promise<ApplicantProfile | undefined> {
    return this.db.session(async (s) => {
      const [row] = await s.all(sql.get, [tenantId, profileId]);
      return row && this.decode(row);
    });
  }

  findByNationalId(tenantId: string, nationalId: string): Promise<ApplicantProfile | undefined> {
    return this.db.session(async (s) => {
      const [row] = await s.all(sql.byNationalId, [tenantId, this.sealer.lookupHash(tenantId, nationalId)]);
      return row && this.decode(row);
    });
  }

  async officialContact(tenantId: string, profileId: string): Promise<OfficialContact | undefined> {
    const profile = await this.get(tenantId, profileId);
    if (!profile) return undefined;
    return {
      mobile: profile.mobile,
      language: profile.language,
      displayName: profile.fullName,
      ...(profile.email !== undefined ? { email: profile.email } : {}),
    };
  }

  create(profile: ApplicantProfile): Promise<void> {
    const hash = this.sealer.lookupHash(profile.tenantId, profile.nationalId);
    return this.db.session(async (s) => {
      const row = this.encode(profile);
      const inserted = await s.run(sql.insert, [profile.tenantId, profile.id, hash, row.sealed, row.details, row.version, row.createdAt, row.updatedAt]);
      if (inserted === 1) return;
      if ((await s.all(sql.version, [profile.tenantId, profile.id])).length > 0) {
        throw new ConflictError(`Profile ${profile.id} already exists`, { entity: 'profile', id: profile.id });
      }
      throw await this.nationalIdTaken(s, profile, hash);
    });
  }

  update(profile: ApplicantProfile, expectedVersion: number): Promise<void> {
    const hash = this.sealer.lookupHash(profile.tenantId, profile.nationalId);
    return this.db.session(async (s) => {
      const row = this.encode(profile);
      let updated = 0;
      if (profile.version === expectedVersion + 1) {
        try {
          const values = [hash, row.sealed, row.details, row.version, row.createdAt, row.updatedAt];
          updated = await s.run(sql.update, [...values, profile.tenantId, profile.id, expectedVersion]);
        } catch (error) {
          // The key is not changed by an update, so the one unique constraint it can break is the national ID's.
          if (error instanceof ConflictError) throw await this.nationalIdTaken(s, profile, hash, error);
          throw error;
        }
      }
      if (updated === 1) return;
      const [current] = await s.all(sql.version, [profile.tenantId, profile.id]);
      if (!current) throw new NotFoundError('profile', profile.id);
      const actualVersion = Number(current.version);
      throw new ConflictError(`Profile ${profile.id} was changed by someone else (expected version ${expectedVersion}, found ${actualVersion})`, {
        entity: 'profile',
        id: profile.id,
        expectedVersion,
        actualVersion,
      });
    });
  }

  /** The conflict names the other profile, never the national ID itself. */
  private async nationalIdTaken(s: SqlSession, profile: ApplicantProfile, hash: string, cause?: unknown): Promise<ConflictError> {
    const [holder] = await s.all(sql.holderOf, [profile.tenantId, hash]);
    const holderId = holder ? String(holder.id) : 'unknown';
    return new ConflictError(
      `Another profile (${holderId}) has this national ID`,
      { entity: 'profile-national-id', id: holderId },
      cause === undefined ? undefined : { cause },
    );
  }

  private encode(profile: ApplicantProfile): { sealed: string; details: string; version: number; createdAt: unknown; updatedAt: unknown } {
    const personal: SealedFields = {
      nationalId: profile.nationalId,
      fullName: profile.fullName,
      mobile: profile.mobile,
      ...(profile.email !== undefined ? { email: profile.email } : {}),
      ...(profile.postalAddress !== undefined ? { postalAddress: profile.postalAddress } : {}),
      ...(profile.postalCode !== undefined ? { postalCode: profile.postalCode } : {}),
    };
    const { reviewedAt, ...verification } = profile.verification;
    const details: Details = {
      language: profile.language,
      category: profile.category,
      verification: { ...verification, ...(reviewedAt !== undefined ? { reviewedAt: reviewedAt.toISOString() } : {}) },
      audit: profile.audit.map(({ at, ...entry }) => ({ ...entry, at: at.toISOString() })),
    };
    return {
      sealed: this.sealer.seal(JSON.stringify(personal), rowLabel(profile.tenantId, profile.id)),
      details: JSON.stringify(details),
      version: profile.version,
      createdAt: this.values.time(profile.createdAt),
      updatedAt: this.values.time(profile.updatedAt),
    };
  }

  private decode(row: SqlRow): ApplicantProfile {
    const tenantId = String(row.tenant_id);
    const id = String(row.id);
    const personal = JSON.parse(this.sealer.open(String(row.sealed), rowLabel(tenantId, id))) as SealedFields;
    const details = this.values.readJson(row.details) as unknown as Details;
    const { reviewedAt, ...verification } = details.verification;
    return {
      tenantId,
      id,
      nationalId: personal.nationalId,
      fullName: personal.fullName,
      ...(personal.email !== undefined ? { email: personal.email } : {}),
      mobile: personal.mobile,
      language: details.language,
      ...(personal.postalAddress !== undefined ? { postalAddress: personal.postalAddress } : {}),
      ...(personal.postalCode !== undefined ? { postalCode: personal.postalCode } : {}),
      category: details.category,
      verification: { ...verification, ...(reviewedAt !== undefined ? { reviewedAt: new Date(reviewedAt) } : {}) },
      audit: details.audit.map(({ at, ...entry }) => ({ ...entry, at: new Date(at) })),
      version: Number(row.version),
      createdAt: this.values.readTime(row.created_at),
      updatedAt: this.values.readTime(row.updated_at),
    };
  }
}

/** What a sealed value is bound to, so it cannot be copied into another profile's row. */
function rowLabel(tenantId: string, profileId: string): string {
  return JSON.stringify([tenantId, profileId]);
}

/** A profile store on the storage's database and connection pool; run the storage's migrations first. */
export function mikroOrmProfileStore(storage: MikroOrmStorage, options: MikroOrmProfileStoreOptions): MikroOrmProfileStore {
  return new MikroOrmProfileStore(storage.database, profileSealer(options?.encryptionKey));
}
