/**
 * The profile-store port: applicants' profiles (متقاضی), the source of their official contacts.
 *
 * Under the service-level agreement the e-mail address and mobile number in a profile are the
 * applicant's only official contacts, so the store also is the `ContactDirectory` the notifier
 * asks at send time. `@statdesk/testing` has `MemoryProfileStore`; a database adapter keeps the
 * same contract. Validation and authorisation happen before the store (see
 * `createApplicantProfiles` in `@statdesk/core`): a store only keeps what it is given.
 *
 * Contract:
 * - Every profile is addressed by `(tenantId, id)`; tenants never see each other's profiles.
 * - `create` MUST reject with `ConflictError` (`details.entity === 'profile'`) when the id is
 *   taken, and with `ConflictError` (`details.entity === 'profile-national-id'`) when another
 *   profile of the tenant has the same national ID; in both cases it writes nothing. The
 *   profile is stored with `version` as given (1 for a new profile).
 * - `update` is a compare-and-set: it MUST store `profile` only if the stored version equals
 *   `expectedVersion`, and `profile.version` must be `expectedVersion + 1`. A missing profile is
 *   `NotFoundError`; a different stored version is `ConflictError` (`entity 'profile'`); a
 *   national ID taken by another profile is `ConflictError` (`entity 'profile-national-id'`).
 *   Of two concurrent updates from the same version, exactly one succeeds.
 * - Reads return copies: changing a returned profile never changes the store.
 * - `officialContact` resolves `undefined` for an unknown profile (or another tenant's) and
 *   otherwise the profile's current e-mail, mobile, language and name, nothing else.
 * - Personal fields (national ID, mobile, e-mail, address, postal code) are protected at rest by
 *   the adapter (encryption or a protected table); `audit` entries never contain them.
 * - An erased profile (`erasedAt` set, written by `create` or `update` like any other) holds no
 *   personal data: the store keeps no lookup hash for it, so `findByNationalId` never finds it and
 *   its national ID is free for a new profile; `officialContact` resolves `undefined`; `get`
 *   still returns the record (its id, category, audit and versions), which the orders refer to.
 */
import type { ApplicantCategory } from '../tariffs/request';
import type { ContactDirectory, Language } from './notification';

/** A file already in the file store, described by the store (not by the client). */
export interface StoredFileReference {
  /** The store's key. */
  key: string;
  /** SHA-256 of its bytes, lowercase hex. */
  sha256: string;
  /** Size in bytes. */
  size: number;
  /** Media type, as sniffed. */
  contentType: string;
}

/**
 * Where a claimed category stands. Individuals need no evidence (`not-required`); students and
 * organisations are `unverified` until they upload evidence (`pending`), which staff verify or
 * reject with a reason. Only `verified` earns a category tariff.
 */
export type CategoryVerificationStatus = 'not-required' | 'unverified' | 'pending' | 'verified' | 'rejected';

/** Whether the applicant's category (student, organisation) is verified, and on what evidence. */
export interface CategoryVerification {
  /** Where the verification stands. */
  status: CategoryVerificationStatus;
  /** The uploaded evidence (a student card), when there is one. */
  evidence?: StoredFileReference;
  /** The staff member who reviewed it. */
  reviewedBy?: string;
  /** When it was reviewed (UTC). */
  reviewedAt?: Date;
  /** Why staff rejected the evidence. */
  reason?: string;
}

/** The kinds of change a profile's audit trail records. */
export type ProfileAuditAction =
  | 'registered'
  | 'updated'
  | 'category-changed'
  | 'evidence-submitted'
  | 'category-verified'
  | 'category-rejected'
  | 'erased';

/** One change to a profile: who, when, what kind, which fields (names only, never values). */
export interface ProfileAuditEntry {
  /** When (UTC). */
  at: Date;
  /** Who changed it. */
  actorId: string;
  /** The role they acted under. */
  actorRole: string;
  /** What kind of change. */
  action: ProfileAuditAction;
  /** The names of the fields changed (never their values). */
  fields?: string[];
  /** Why, when staff give a reason. */
  reason?: string;
}

/**
 * An applicant's profile: identity, official contacts, category and its verification, and an audit trail.
 * Personal fields are protected at rest by the store and never enter history or logs.
 */
export interface ApplicantProfile {
  /** The tenant the profile belongs to. */
  tenantId: string;
  /** Profile id, unique per tenant. */
  id: string;
  /** 10 Latin digits with a valid check digit. */
  nationalId: string;
  /** Full name as on the national ID card. */
  fullName: string;
  /** Official e-mail, when given. */
  email?: string;
  /** Normalised Iranian mobile: 09xxxxxxxxx. */
  mobile: string;
  /** The language messages are sent in. */
  language: Language;
  /** Postal address, for physical deliveries. */
  postalAddress?: string;
  /** 10 Latin digits. */
  postalCode?: string;
  /** Individual, student or organisation: decides the tariff. */
  category: ApplicantCategory;
  /** Whether that category is verified. */
  verification: CategoryVerification;
  /** Append-only: every change, oldest first. */
  audit: ProfileAuditEntry[];
  /**
   * When the profile was erased (anonymised on request): from then on `nationalId`, `fullName`
   * and `mobile` are empty strings, the optional personal fields are absent, and no change is
   * accepted. Orders that name the profile keep their amounts and history.
   */
  erasedAt?: Date;
  /** 1 on creation, +1 on every update. */
  version: number;
  /** When the profile was created (UTC). */
  createdAt: Date;
  /** When it last changed (UTC). */
  updatedAt: Date;
}

export interface ProfileStore extends ContactDirectory {
  /** The profile, or `undefined` for an unknown id (or another tenant's). */
  get(tenantId: string, profileId: string): Promise<ApplicantProfile | undefined>;
  /** The tenant's profile with this national ID, if any (erased profiles are never found). */
  findByNationalId(tenantId: string, nationalId: string): Promise<ApplicantProfile | undefined>;
  /** Stores a new profile; `ConflictError` when the id or national ID is taken. */
  create(profile: ApplicantProfile): Promise<void>;
  /** Compare-and-set update from `expectedVersion`; `ConflictError` when another update won. */
  update(profile: ApplicantProfile, expectedVersion: number): Promise<void>;
}
