/**
 * How profiles' personal fields are protected at rest: AES-256-GCM for the fields themselves
 * (core's `sealText`/`openSealedText`, shared with the workflows that seal instance data) and
 * HMAC-SHA-256 for the national-ID lookup, with keys from a `ProfileKeyProvider`. Every sealed
 * value names the key that sealed it (`v1.<key id>.<iv>.<tag>.<ciphertext>`), so reads pick that
 * key and keys can be rotated; the lookup key stays fixed (see the port). A database copy without
 * the keys shows neither a national ID nor a contact, and the same person in two tenants has two
 * unrelated lookup hashes.
 */
import { createHmac } from 'node:crypto';
import { openSealedText, sealText, type ProfileKeyProvider } from '@statdesk/core';

export { sealedKeyId } from '@statdesk/core';

/** @internal the store's sealing; keys come from the provider on every call. */
export interface ProfileSealer {
  /** Encrypts `plaintext` under the current key, bound to its row: copied to another row it fails to open. */
  seal(plaintext: string, row: string): Promise<string>;
  /** Decrypts with the key the value names. */
  open(sealed: string, row: string): Promise<string>;
  /** The keyed hash a national ID is looked up by, per tenant. */
  lookupHash(tenantId: string, nationalId: string): Promise<string>;
  /** The id of the key new values are sealed with. */
  currentKeyId(): Promise<string>;
}

export function profileSealer(keys: ProfileKeyProvider): ProfileSealer {
  return {
    seal: (plaintext, row) => sealText(keys, plaintext, row),
    open: (sealed, row) => openSealedText(keys, sealed, row, `Profile ${row}`),
    async lookupHash(tenantId, nationalId) {
      return createHmac('sha256', await keys.lookupKey()).update(`${tenantId}\u0000${nationalId}`).digest('hex');
    },
    async currentKeyId() {
      return (await keys.currentKey()).id;
    },
  };
}
