import { ConflictError, NotFoundError, type ApplicantProfile, type OfficialContact, type ProfileStore } from '@statdesk/core';

/**
 * A `ProfileStore` (and `ContactDirectory`) in memory, for tests and examples. Each method runs
 * without awaiting between its check and its write, so concurrent updates from one version end
 * with exactly one winner, as the port requires. `oracle` reads the records directly.
 */
export class MemoryProfileStore implements ProfileStore {
  readonly #profiles = new Map<string, ApplicantProfile>();

  /** Direct reads, bypassing the port. */
  readonly oracle = {
    profile: (tenantId: string, profileId: string): ApplicantProfile | undefined => copy(this.#profiles.get(slot(tenantId, profileId))),
    count: (): number => this.#profiles.size,
  };

  async get(tenantId: string, profileId: string): Promise<ApplicantProfile | undefined> {
    return copy(this.#profiles.get(slot(tenantId, profileId)));
  }

  async findByNationalId(tenantId: string, nationalId: string): Promise<ApplicantProfile | undefined> {
    return copy(this.#holderOf(tenantId, nationalId));
  }

  async create(profile: ApplicantProfile): Promise<void> {
    const at = slot(profile.tenantId, profile.id);
    if (this.#profiles.has(at)) throw new ConflictError(`Profile ${profile.id} already exists`, { entity: 'profile', id: profile.id });
    this.#checkNationalId(profile);
    this.#profiles.set(at, copy(profile)!);
  }

  async update(profile: ApplicantProfile, expectedVersion: number): Promise<void> {
    const at = slot(profile.tenantId, profile.id);
    const current = this.#profiles.get(at);
    if (!current) throw new NotFoundError('profile', profile.id);
    if (current.version !== expectedVersion || profile.version !== expectedVersion + 1) {
      throw new ConflictError(`Profile ${profile.id} was changed by someone else (expected version ${expectedVersion}, found ${current.version})`, {
        entity: 'profile',
        id: profile.id,
        expectedVersion,
        actualVersion: current.version,
      });
    }
    this.#checkNationalId(profile);
    this.#profiles.set(at, copy(profile)!);
  }

  async officialContact(tenantId: string, profileId: string): Promise<OfficialContact | undefined> {
    const profile = this.#profiles.get(slot(tenantId, profileId));
    if (!profile || profile.erasedAt) return undefined;
    return {
      mobile: profile.mobile,
      language: profile.language,
      displayName: profile.fullName,
      ...(profile.email !== undefined ? { email: profile.email } : {}),
    };
  }

  #holderOf(tenantId: string, nationalId: string): ApplicantProfile | undefined {
    for (const profile of this.#profiles.values()) {
      // An erased profile holds no national ID any more.
      if (profile.tenantId === tenantId && !profile.erasedAt && profile.nationalId === nationalId) return profile;
    }
    return undefined;
  }

  #checkNationalId(profile: ApplicantProfile): void {
    if (profile.erasedAt) return;
    const holder = this.#holderOf(profile.tenantId, profile.nationalId);
    if (holder && holder.id !== profile.id) {
      // The message names the other profile, never the national ID itself.
      throw new ConflictError(`Another profile (${holder.id}) has this national ID`, { entity: 'profile-national-id', id: holder.id });
    }
  }
}

function slot(tenantId: string, profileId: string): string {
  return `${tenantId}\u0000${profileId}`;
}

function copy(profile: ApplicantProfile | undefined): ApplicantProfile | undefined {
  return profile === undefined ? undefined : structuredClone(profile);
}
