/**
 * `mikroOrmProfileStore`: applicants' profiles (and the notifier's contact directory) in
 * `statdesk_profiles`, on the storage's own connection pool. Personal fields are sealed with
 * AES-256-GCM and the national ID is found by a keyed hash (see `profile-sealing.ts`), with keys
 * from a `ProfileKeyProvider`; `reseal` moves every profile to the current key. The database's
 * constraints decide the races: the primary key one profile per id, a unique index on (tenant,
 * national-ID hash) one profile per national ID, `version = ?` the compare-and-set. An erased
 * profile has no hash (NULL), so it holds no national ID.
 */
import {
  ConflictError,
  NotFoundError,
  ValidationError,
  type ApplicantProfile,
  type CategoryVerification,
  type OfficialContact,
  type ProfileAuditEntry,
  type ProfileKeyProvider,
  type ProfileStore,
} from '@statdesk/core';
import type { MikroOrmStorage } from './mikro-orm-storage';
import { profileKeysFromSecret } from './profile-keys-from-secret';
import { profileSealer, sealedKeyId, type ProfileSealer } from './profile-sealing';
import type { SqlDatabase, SqlRow, SqlSession } from './sql/sql-database';
import { sqlValues, type SqlValues } from './sql/sql-values';

/** Give `keys` (rotatable) or `encryptionKey` (one secret), not both. */
export interface MikroOrmProfileStoreOptions {
  /**
   * Where the encryption and lookup keys come from (`staticProfileKeys`, `profileKeysFromEnv`
   * from `@statdesk/core`, or your KMS): several encryption keys, so they can be rotated.
   */
  keys?: ProfileKeyProvider;
  /**
   * One secret that protects personal fields at rest: 32 random bytes, or the same in base64
   * (`openssl rand -base64 32`); both keys are derived from it (`profileKeysFromSecret`). Keep it
   * outside the database (a secret store or the environment); without it the profiles cannot be
   * read, and with another one they are refused. To rotate, move to `keys`.
   */
  encryptionKey?: Uint8Array | string;
}

/** Where a re-seal stands: the last profile it looked at, to resume after. */
export interface ResealCursor {
  /** The tenant of the last profile handled. */
  tenantId: string;
  /** The id of the last profile handled. */
  id: string;
}

/** How `reseal` walks the profiles. */
export interface ResealOptions {
  /** Profiles read and re-sealed per round trip (default 200). */
  batchSize?: number;
  /** Resume after this profile (the cursor of the last finished batch). */
  after?: ResealCursor;
  /** Called after each batch, e.g. to save the cursor or log progress. */
  onBatch?: (progress: ResealReport & { cursor: ResealCursor }) => void | Promise<void>;
}

/** What a re-seal did. */
export interface ResealReport {
  /** Profiles looked at. */
  scanned: number;
  /** Profiles this call moved to the current key. */
  resealed: number;
  /** Profiles rewritten by someone else between the read and the re-seal (already under the current key when every process has it). */
  changedMeanwhile: number;
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
  erasedAt?: string;
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
  // Keyset pages in primary-key order, for re-sealing and key usage.
  firstPage: 'SELECT tenant_id, id, sealed FROM statdesk_profiles ORDER BY tenant_id, id LIMIT ?',
  pageAfter: 'SELECT tenant_id, id, sealed FROM statdesk_profiles WHERE (tenant_id, id) > (?, ?) ORDER BY tenant_id, id LIMIT ?',
  // Compare-and-set on the sealed value itself: a concurrent update (a newer value) is never overwritten.
  reseal: 'UPDATE statdesk_profiles SET sealed = ? WHERE tenant_id = ? AND id = ? AND sealed = ?',
};

const DEFAULT_RESEAL_BATCH = 200;

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

  async findByNationalId(tenantId: string, nationalId: string): Promise<ApplicantProfile | undefined> {
    const hash = await this.sealer.lookupHash(tenantId, nationalId);
    return this.db.session(async (s) => {
      const [row] = await s.all(sql.byNationalId, [tenantId, hash]);
      return row && this.decode(row);
    });
  }

  async officialContact(tenantId: string, profileId: string): Promise<OfficialContact | undefined> {
    const profile = await this.get(tenantId, profileId);
    if (!profile || profile.erasedAt) return undefined;
    return {
      mobile: profile.mobile,
      language: profile.language,
      displayName: profile.fullName,
      ...(profile.email !== undefined ? { email: profile.email } : {}),
    };
  }

  async create(profile: ApplicantProfile): Promise<void> {
    const hash = await this.hashOf(profile);
    const row = await this.encode(profile);
    return this.db.session(async (s) => {
      const inserted = await s.run(sql.insert, [profile.tenantId, profile.id, hash, row.sealed, row.details, row.version, row.createdAt, row.updatedAt]);
      if (inserted === 1) return;
      if ((await s.all(sql.version, [profile.tenantId, profile.id])).length > 0) {
        throw new ConflictError(`Profile ${profile.id} already exists`, { entity: 'profile', id: profile.id });
      }
      throw await this.nationalIdTaken(s, profile, hash);
    });
  }

  async update(profile: ApplicantProfile, expectedVersion: number): Promise<void> {
    const hash = await this.hashOf(profile);
    const row = await this.encode(profile);
    return this.db.session(async (s) => {
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

  /**
   * Re-encrypts every profile not yet under the provider's current key, in batches in key order.
   * Idempotent (profiles already under the current key are left alone), resumable (`after`, or
   * simply run it again) and safe beside live traffic and a second re-seal (each write is a
   * compare-and-set on the old sealed value). Give every process the new current key first, run
   * this, check `keyUsage()`, then retire the old key. Lookup hashes do not change.
   */
  async reseal(options: ResealOptions = {}): Promise<ResealReport> {
    const batchSize = options.batchSize ?? DEFAULT_RESEAL_BATCH;
    if (!Number.isSafeInteger(batchSize) || batchSize < 1) {
      throw new ValidationError('reseal options', [{ path: 'batchSize', message: 'must be a whole number of at least 1' }]);
    }
    const current = await this.sealer.currentKeyId();
    const report: ResealReport = { scanned: 0, resealed: 0, changedMeanwhile: 0 };
    for await (const { rows, cursor } of this.pages(batchSize, options.after)) {
      for (const row of rows) {
        report.scanned++;
        const sealed = String(row.sealed);
        if (sealedKeyId(sealed) === current) continue;
        const label = rowLabel(String(row.tenant_id), String(row.id));
        const resealed = await this.sealer.seal(await this.sealer.open(sealed, label), label);
        const written = await this.db.session((s) => s.run(sql.reseal, [resealed, row.tenant_id, row.id, sealed]));
        if (written === 1) report.resealed++;
        else report.changedMeanwhile++;
      }
      await options.onBatch?.({ ...report, cursor });
    }
    return report;
  }

  /** How many profiles each encryption key sealed (by key id): a key is retired once it counts none. */
  async keyUsage(): Promise<Record<string, number>> {
    const usage: Record<string, number> = {};
    for await (const { rows } of this.pages(DEFAULT_RESEAL_BATCH * 5)) {
      for (const row of rows) {
        const keyId = sealedKeyId(String(row.sealed)) ?? '(unreadable)';
        usage[keyId] = (usage[keyId] ?? 0) + 1;
      }
    }
    return usage;
  }

  private async *pages(size: number, after?: ResealCursor): AsyncGenerator<{ rows: SqlRow[]; cursor: ResealCursor }> {
    let cursor = after;
    for (;;) {
      const at = cursor;
      const rows = await this.db.session((s) => (at ? s.all(sql.pageAfter, [at.tenantId, at.id, size]) : s.all(sql.firstPage, [size])));
      const last = rows.at(-1);
      if (!last) return;
      cursor = { tenantId: String(last.tenant_id), id: String(last.id) };
      yield { rows, cursor };
      if (rows.length < size) return;
    }
  }

  /** An erased profile keeps no lookup hash: its national ID is gone, and free for someone else. */
  private async hashOf(profile: ApplicantProfile): Promise<string | null> {
    return profile.erasedAt ? null : this.sealer.lookupHash(profile.tenantId, profile.nationalId);
  }

  /** The conflict names the other profile, never the national ID itself. */
  private async nationalIdTaken(s: SqlSession, profile: ApplicantProfile, hash: string | null, cause?: unknown): Promise<ConflictError> {
    const [holder] = hash === null ? [] : await s.all(sql.holderOf, [profile.tenantId, hash]);
    const holderId = holder ? String(holder.id) : 'unknown';
    return new ConflictError(
      `Another profile (${holderId}) has this national ID`,
      { entity: 'profile-national-id', id: holderId },
      cause === undefined ? undefined : { cause },
    );
  }

  private async encode(profile: ApplicantProfile): Promise<{ sealed: string; details: string; version: number; createdAt: unknown; updatedAt: unknown }> {
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
      ...(profile.erasedAt !== undefined ? { erasedAt: profile.erasedAt.toISOString() } : {}),
    };
    return {
      sealed: await this.sealer.seal(JSON.stringify(personal), rowLabel(profile.tenantId, profile.id)),
      details: JSON.stringify(details),
      version: profile.version,
      createdAt: this.values.time(profile.createdAt),
      updatedAt: this.values.time(profile.updatedAt),
    };
  }

  private async decode(row: SqlRow): Promise<ApplicantProfile> {
    const tenantId = String(row.tenant_id);
    const id = String(row.id);
    const personal = JSON.parse(await this.sealer.open(String(row.sealed), rowLabel(tenantId, id))) as SealedFields;
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
      ...(details.erasedAt !== undefined ? { erasedAt: new Date(details.erasedAt) } : {}),
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
  const { keys: given, encryptionKey } = options ?? {};
  if (given !== undefined && encryptionKey !== undefined) {
    throw new ValidationError('profile store options', [{ path: 'keys', message: 'give keys or encryptionKey, not both' }]);
  }
  if (given !== undefined && !(['currentKey', 'keyById', 'lookupKey'] as const).every((method) => typeof given?.[method] === 'function')) {
    throw new ValidationError('profile store options', [{ path: 'keys', message: 'must be a ProfileKeyProvider (currentKey, keyById, lookupKey)' }]);
  }
  if (given === undefined && encryptionKey === undefined) {
    throw new ValidationError('profile store options', [{ path: 'encryptionKey', message: 'give keys (a ProfileKeyProvider) or encryptionKey (32 bytes, or 32 bytes in base64)' }]);
  }
  const keys = given ?? profileKeysFromSecret(encryptionKey!);
  return new MikroOrmProfileStore(storage.database, profileSealer(keys));
}
