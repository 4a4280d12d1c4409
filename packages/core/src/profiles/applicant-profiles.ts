/**
 * Applicant profiles as a portal uses them: register, read, change, and the category evidence
 * (a student card) that staff verify or reject. Validation and authorisation live here; the
 * `ProfileStore` only keeps records. Every change appends an audit entry naming the fields
 * touched, never their values. Category verification is profile state changed by staff
 * commands (not a workflow): the quote step must see the verified category in the same read as
 * the rest of the profile, and an audit trail on the record is all the history it needs.
 */
import type { Actor } from '../engine/actor';
import { ConflictError, NotAllowedError, NotFoundError, ValidationError, isStatdeskError, type ValidationIssue } from '../errors';
import { receiptUploadPolicy, type UploadPolicy } from '../files/upload-policy';
import { systemClock, type Clock } from '../ports/clock';
import type { FileStore } from '../ports/files';
import type { ApplicantProfile, ProfileAuditEntry, ProfileStore } from '../ports/profiles';
import { initialVerificationStatus } from './category';
import { profileChangeSchema, profileInputSchema, type ProfileChange, type ProfileInput } from './profile.schema';
import type { z } from 'zod';
import { issueFromZod } from '../zod-issue';

/** Options of {@link createApplicantProfiles}. */
export interface ApplicantProfilesOptions {
  /** Where profiles are kept. */
  store: ProfileStore;
  /** Where evidence files were uploaded; needed for `submitCategoryEvidence`. */
  files?: FileStore;
  /** Clock for audit entries (default the system clock). */
  clock?: Clock;
  /** The role that owns a profile (its id is the actor's id). Default `applicant`. */
  applicantRole?: string;
  /** Roles that may read, register and change any profile. */
  staffRoles?: readonly string[];
  /** Roles that may verify or reject category evidence. */
  verifierRoles?: readonly string[];
  /** Which evidence files are accepted (checked against what the file store recorded). */
  evidencePolicy?: UploadPolicy;
  /** Roles that may erase (anonymise) a profile. Default `privacy-officer` only. */
  privacyRoles?: readonly string[];
}

/** Which profile a command is about, and who sends it. */
export interface ProfileCommand {
  /** The tenant. */
  tenantId: string;
  /** Who acts; an applicant may only act on their own profile. */
  actor: Actor;
  /** The profile's id. */
  profileId: string;
}

/**
 * Applicant profiles with validation, roles and an audit trail: register, update, category evidence and its
 * review, erasure.
 */
export interface ApplicantProfiles {
  /** A new profile; an applicant registers their own (id = actor id), staff name `profileId`. */
  register(command: { tenantId: string; actor: Actor; input: ProfileInput; profileId?: string }): Promise<ApplicantProfile>;
  /** The profile, if the actor may read it (`NotFoundError` otherwise, like a missing one). */
  get(command: ProfileCommand): Promise<ApplicantProfile>;
  /** Change some fields; changing the category resets its verification. */
  update(command: ProfileCommand & { change: ProfileChange; expectedVersion?: number }): Promise<ApplicantProfile>;
  /** The owner attaches evidence for the claimed category (`file.key` of an uploaded file). */
  submitCategoryEvidence(command: ProfileCommand & { file: { key: string } }): Promise<ApplicantProfile>;
  /** Staff accept the category evidence; the category tariff applies from then on. */
  verifyCategory(command: ProfileCommand): Promise<ApplicantProfile>;
  /** Staff reject the category evidence, with a reason the applicant sees. */
  rejectCategory(command: ProfileCommand & { reason: string }): Promise<ApplicantProfile>;
  /**
   * Anonymise the profile on request (a privacy role only): national ID, name, mobile, e-mail,
   * address and postal code are removed, the national-ID lookup goes (the ID is free again), the
   * category evidence file is deleted and staff's free-text reasons dropped. The record stays,
   * with its id, category, audit trail and `erasedAt`, so orders that name it keep their quotes,
   * payments, receipts and history. Erasing an erased profile changes nothing.
   */
  erase(command: ProfileCommand & { expectedVersion?: number }): Promise<ApplicantProfile>;
}

/** Staff roles that may read and register profiles by default. */
export const DEFAULT_PROFILE_STAFF_ROLES: readonly string[] = Object.freeze(['consultant', 'pricing-officer', 'finance-officer', 'data-preparer', 'supervisor']);
/** Roles that may verify or reject category evidence by default. */
export const DEFAULT_VERIFIER_ROLES: readonly string[] = Object.freeze(['consultant', 'supervisor']);
/** Who may erase a profile by default: a role of its own, held by the office's privacy officer. */
export const DEFAULT_PRIVACY_ROLES: readonly string[] = Object.freeze(['privacy-officer']);

/** Lost compare-and-set races retried before `ConflictError` reaches the caller. */
const CONFLICT_RETRIES = 3;

/**
 * The profile service over a store: validates input (national ID, mobile, postal code), checks roles and
 * ownership, keeps the audit trail (field names, never values), and retries lost compare-and-set races.
 */
export function createApplicantProfiles(options: ApplicantProfilesOptions): ApplicantProfiles {
  const { store } = options;
  const clock = options.clock ?? systemClock;
  const applicantRole = options.applicantRole ?? 'applicant';
  const staffRoles = options.staffRoles ?? DEFAULT_PROFILE_STAFF_ROLES;
  const verifierRoles = options.verifierRoles ?? DEFAULT_VERIFIER_ROLES;
  const evidencePolicy = options.evidencePolicy ?? receiptUploadPolicy;
  const privacyRoles = options.privacyRoles ?? DEFAULT_PRIVACY_ROLES;

  /** The role the actor acts under on this profile: staff first, else the owner. */
  function roleFor(actor: Actor, profileId: string, allowed: readonly string[], action: string, ownerMay: boolean): string {
    const staff = allowed.find((r) => actor.roles.includes(r));
    if (staff) return staff;
    if (ownerMay && actor.roles.includes(applicantRole) && actor.id === profileId) return applicantRole;
    throw new NotAllowedError(action, actor.roles, actor.roles.includes(applicantRole) ? 'the profile belongs to someone else' : undefined);
  }

  async function load(tenantId: string, profileId: string): Promise<ApplicantProfile> {
    const profile = await store.get(tenantId, profileId);
    if (!profile) throw new NotFoundError('profile', profileId);
    return profile;
  }

  /** Read, change, compare-and-set; a lost race re-reads unless the caller pinned a version. */
  async function change(
    command: ProfileCommand & { expectedVersion?: number },
    /** Resolves the next profile, or `undefined` when there is nothing to change. */
    apply: (profile: ApplicantProfile, now: Date) => Promise<ApplicantProfile | undefined> | ApplicantProfile | undefined,
    allowErased = false,
  ): Promise<ApplicantProfile> {
    for (let attempt = 0; ; attempt++) {
      const current = await load(command.tenantId, command.profileId);
      if (current.erasedAt && !allowErased) {
        throw new ValidationError('profile', [{ path: 'erasedAt', message: 'the profile was erased; nothing in it can change' }]);
      }
      if (command.expectedVersion !== undefined && current.version !== command.expectedVersion) {
        throw new ConflictError(`Profile ${current.id} is at version ${current.version}, not ${command.expectedVersion}`, {
          entity: 'profile',
          id: current.id,
          expectedVersion: command.expectedVersion,
          actualVersion: current.version,
        });
      }
      const now = clock.now();
      const next = await apply(structuredClone(current), now);
      if (next === undefined) return current;
      next.version = current.version + 1;
      next.updatedAt = now;
      try {
        await store.update(next, current.version);
        return next;
      } catch (error) {
        const lostRace = isStatdeskError(error, 'CONFLICT') && error.details.entity === 'profile';
        if (!lostRace || command.expectedVersion !== undefined || attempt >= CONFLICT_RETRIES) throw error;
      }
    }
  }

  function audit(actor: Actor, role: string, action: ProfileAuditEntry['action'], now: Date, extra: Partial<ProfileAuditEntry> = {}): ProfileAuditEntry {
    return { at: now, actorId: actor.id, actorRole: role, action, ...extra };
  }

  return {
    async register({ tenantId, actor, input, profileId }) {
      const ownRegistration = !staffRoles.some((r) => actor.roles.includes(r));
      const id = profileId ?? (ownRegistration ? actor.id : undefined);
      if (!id || !id.trim()) throw new ValidationError('profile', [{ path: 'profileId', message: 'staff registering a profile must name its id' }]);
      const role = roleFor(actor, id, staffRoles, 'register a profile', true);
      const fields = parse(profileInputSchema, input);
      const now = clock.now();
      const profile: ApplicantProfile = {
        tenantId,
        id,
        ...withoutUndefined(fields),
        verification: { status: initialVerificationStatus(fields.category) },
        audit: [audit(actor, role, 'registered', now)],
        version: 1,
        createdAt: now,
        updatedAt: now,
      };
      try {
        await store.create(profile);
      } catch (error) {
        // A profile with this id (the person registered before) or this national ID exists.
        if (isStatdeskError(error, 'CONFLICT') && (error.details.entity === 'profile' || error.details.entity === 'profile-national-id')) {
          throw new ConflictError(error.message, { ...error.details, reason: 'already-registered' }, { cause: error });
        }
        throw error;
      }
      return profile;
    },

    async get({ tenantId, actor, profileId }) {
      roleFor(actor, profileId, staffRoles, 'read the profile', true);
      return load(tenantId, profileId);
    },

    async update(command) {
      const role = roleFor(command.actor, command.profileId, staffRoles, 'change the profile', true);
      const parsed = parse(profileChangeSchema, command.change);
      const changed = Object.keys(withoutUndefined(parsed)).sort();
      if (changed.length === 0) throw new ValidationError('profile change', [{ path: '', message: 'names no field to change' }]);
      return change(command, (profile, now) => {
        const next: ApplicantProfile = { ...profile, ...withoutUndefined(parsed) };
        const entries = [audit(command.actor, role, 'updated', now, { fields: changed })];
        if (parsed.category !== undefined && parsed.category !== profile.category) {
          // A new claim needs new evidence: the old verification said nothing about it.
          next.verification = { status: initialVerificationStatus(parsed.category) };
          entries.push(audit(command.actor, role, 'category-changed', now));
        }
        next.audit = [...profile.audit, ...entries];
        return next;
      });
    },

    async submitCategoryEvidence(command) {
      const role = roleFor(command.actor, command.profileId, [], 'submit category evidence', true);
      const files = options.files;
      if (!files) throw new NotAllowedError('submit category evidence', command.actor.roles, 'no file store was configured');
      const key = typeof command.file?.key === 'string' ? command.file.key : '';
      if (!key) throw new ValidationError('category evidence', [{ path: 'file.key', message: 'name the uploaded file' }]);
      return change(command, async (profile, now) => {
        if (profile.category === 'individual') {
          throw new ValidationError('category evidence', [{ path: 'category', message: 'an individual needs no evidence; change the category first' }]);
        }
        if (profile.verification.status === 'verified') {
          throw new ValidationError('category evidence', [{ path: 'category', message: 'is already verified' }]);
        }
        const stored = await files.stat(command.tenantId, key);
        const issues: ValidationIssue[] = [];
        if (!stored) issues.push({ path: 'file.key', message: 'no such uploaded file' });
        else {
          if (!evidencePolicy.allowedTypes.includes(stored.contentType)) {
            issues.push({ path: 'file.contentType', message: `is ${stored.contentType}; allowed: ${evidencePolicy.allowedTypes.join(', ')}` });
          }
          if (stored.size > evidencePolicy.maxBytes) issues.push({ path: 'file.size', message: `is ${stored.size} bytes; the limit is ${evidencePolicy.maxBytes}` });
        }
        if (issues.length || !stored) throw new ValidationError('category evidence', issues);
        profile.verification = { status: 'pending', evidence: { key: stored.key, sha256: stored.sha256, size: stored.size, contentType: stored.contentType } };
        profile.audit.push(audit(command.actor, role, 'evidence-submitted', now));
        return profile;
      });
    },

    async verifyCategory(command) {
      const role = roleFor(command.actor, command.profileId, verifierRoles, 'verify a category', false);
      return change(command, (profile, now) => {
        requirePending(profile);
        profile.verification = { ...profile.verification, status: 'verified', reviewedBy: command.actor.id, reviewedAt: now };
        delete profile.verification.reason;
        profile.audit.push(audit(command.actor, role, 'category-verified', now));
        return profile;
      });
    },

    async rejectCategory(command) {
      const role = roleFor(command.actor, command.profileId, verifierRoles, 'reject a category', false);
      const reason = typeof command.reason === 'string' ? command.reason.trim() : '';
      if (!reason) throw new ValidationError('category rejection', [{ path: 'reason', message: 'say why the evidence is rejected' }]);
      return change(command, (profile, now) => {
        requirePending(profile);
        profile.verification = { ...profile.verification, status: 'rejected', reviewedBy: command.actor.id, reviewedAt: now, reason };
        profile.audit.push(audit(command.actor, role, 'category-rejected', now, { reason }));
        return profile;
      });
    },

    async erase(command) {
      const role = roleFor(command.actor, command.profileId, privacyRoles, 'erase a profile', false);
      return change(
        command,
        async (profile, now) => {
          if (profile.erasedAt) return undefined;
          const evidence = profile.verification.evidence;
          // Deleted before the tombstone is written: a failed write leaves a retry that deletes again (idempotent).
          if (evidence && options.files) await options.files.delete(command.tenantId, evidence.key);
          return erased(profile, audit(command.actor, role, 'erased', now), now);
        },
        true,
      );
    },
  };
}

/** The tombstone of a profile: nothing that names or reaches the person, the rest as it was. */
function erased(profile: ApplicantProfile, entry: ProfileAuditEntry, now: Date): ApplicantProfile {
  const { email: _email, postalAddress: _address, postalCode: _postalCode, ...rest } = profile;
  const { status, reviewedBy, reviewedAt } = profile.verification;
  return {
    ...rest,
    nationalId: '',
    fullName: '',
    mobile: '',
    verification: { status, ...(reviewedBy !== undefined ? { reviewedBy } : {}), ...(reviewedAt !== undefined ? { reviewedAt } : {}) },
    // Staff's reasons are free text that may name the person; who did what, and when, stays.
    audit: [...profile.audit.map(({ reason: _reason, ...kept }) => kept), entry],
    erasedAt: now,
  };
}

function requirePending(profile: ApplicantProfile): void {
  if (profile.verification.status !== 'pending') {
    throw new ValidationError('category review', [{ path: 'verification.status', message: `is ${profile.verification.status}; only pending evidence can be reviewed` }]);
  }
}

function parse<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value ?? {});
  if (result.success) return result.data;
  throw new ValidationError(
    'profile',
    result.error.issues.map(issueFromZod),
  );
}

function withoutUndefined<T extends object>(value: T): { [K in keyof T]: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as { [K in keyof T]: Exclude<T[K], undefined> };
}
