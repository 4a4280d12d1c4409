import type { ContactDirectory, OfficialContact } from '@statdesk/core';

/**
 * A contact directory over a map, for tests and demos: `set` changes a profile's contacts the way
 * a profile edit would, and the next message uses the new ones.
 */
export class MemoryContactDirectory implements ContactDirectory {
  private readonly contacts = new Map<string, OfficialContact>();

  /** Sets the contact of a profile (returns the directory, for chaining). */
  set(tenantId: string, profileId: string, contact: OfficialContact): this {
    this.contacts.set(`${tenantId}\u0000${profileId}`, { ...contact });
    return this;
  }

  /** Forgets a profile's contact. */
  remove(tenantId: string, profileId: string): void {
    this.contacts.delete(`${tenantId}\u0000${profileId}`);
  }

  async officialContact(tenantId: string, profileId: string): Promise<OfficialContact | undefined> {
    const found = this.contacts.get(`${tenantId}\u0000${profileId}`);
    return found && { ...found };
  }
}

/** An empty in-memory contact directory. */
export function memoryContacts(): MemoryContactDirectory {
  return new MemoryContactDirectory();
}
