/**
 * The profile key-provider port: where a profile store gets the keys that protect personal fields
 * at rest. Keys live outside the database (a secret store, a KMS, the environment), so a copy of
 * the database alone shows neither a national ID nor a contact.
 *
 * Two kinds of key, kept apart on purpose:
 * - **Encryption keys** (AES-256-GCM) seal the personal fields. Each has an id that is stored in
 *   every value it sealed, so keys can be rotated: new writes use the current key, reads use the
 *   key the value names, and a re-seal moves old values to the current key before the old key is
 *   retired.
 * - **The lookup key** (HMAC-SHA-256) makes the keyed hash a national ID is found by. It stays
 *   the same across encryption-key rotations: the hash is also the per-tenant uniqueness
 *   guarantee for national IDs, and one hash per national ID keeps that a single unique index.
 *
 * `staticProfileKeys` and `profileKeysFromEnv` in `@statdesk/core` are the simple providers;
 * write your own for a KMS (cache what it returns: stores ask on every read and write).
 */

/** One AES-256-GCM key and the id stored next to every value it sealed. */
export interface ProfileEncryptionKey {
  /** 1–32 characters of `A–Z a–z 0–9 _ -`; never reused for other key bytes. */
  id: string;
  /** 32 bytes. */
  bytes: Uint8Array;
}

/** Gives a profile store its keys; every method may answer synchronously or with a promise. */
export interface ProfileKeyProvider {
  /** The key new and re-sealed values are encrypted with. */
  currentKey(): ProfileEncryptionKey | Promise<ProfileEncryptionKey>;
  /** The key named `id` (the current one or an older one), or `undefined` once it was retired. */
  keyById(id: string): ProfileEncryptionKey | undefined | Promise<ProfileEncryptionKey | undefined>;
  /** The HMAC key (32 bytes) national-ID lookup hashes are made with; fixed across rotations. */
  lookupKey(): Uint8Array | Promise<Uint8Array>;
}
