/**
 * How profiles' personal fields are protected at rest: AES-256-GCM for the fields themselves and
 * HMAC-SHA-256 for the national-ID lookup, both with node:crypto, with keys from a
 * `ProfileKeyProvider`. Every sealed value names the key that sealed it (`v1.<key id>.<iv>.<tag>.
 * <ciphertext>`), so reads pick that key and keys can be rotated; the lookup key stays fixed (see
 * the port). A database copy without the keys shows neither a national ID nor a contact, and the
 * same person in two tenants has two unrelated lookup hashes.
 */
import { createCipheriv, createDecipheriv, createHmac } from 'node:crypto';
import { DefinitionError, type ProfileKeyProvider } from '@statdesk/core';

const FORMAT = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;

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

/** The key id a sealed value names, or `undefined` when it is not in a sealed format. */
export function sealedKeyId(sealed: string): string | undefined {
  const [format, keyId] = sealed.split('.', 2);
  return format === FORMAT && keyId ? keyId : undefined;
}

export function profileSealer(keys: ProfileKeyProvider): ProfileSealer {
  return {
    async seal(plaintext, row) {
      const key = await keys.currentKey();
      const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
      const cipher = createCipheriv('aes-256-gcm', key.bytes, iv);
      cipher.setAAD(Buffer.from(row));
      const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      return [FORMAT, key.id, Buffer.from(iv).toString('base64'), cipher.getAuthTag().toString('base64'), body.toString('base64')].join('.');
    },
    async open(sealed, row) {
      const [format, keyId, iv, tag, body] = sealed.split('.');
      if (format !== FORMAT || !keyId || iv === undefined || tag === undefined || body === undefined) {
        throw new DefinitionError(`Profile ${row} is not in a sealed format this version reads`);
      }
      const key = await keys.keyById(keyId);
      if (!key) {
        const current = (await keys.currentKey()).id;
        throw new DefinitionError(
          `Profile ${row} was sealed with key ${keyId}, which the key provider does not have (another encryptionKey, or a key retired before its values were re-sealed; current key ${current})`,
        );
      }
      try {
        const decipher = createDecipheriv('aes-256-gcm', key.bytes, Buffer.from(iv, 'base64'), { authTagLength: TAG_BYTES });
        decipher.setAAD(Buffer.from(row));
        decipher.setAuthTag(Buffer.from(tag, 'base64'));
        return Buffer.concat([decipher.update(Buffer.from(body, 'base64')), decipher.final()]).toString('utf8');
      } catch (error) {
        throw new DefinitionError(`Profile ${row} failed its integrity check: it was altered, moved from another row, or key ${keyId} has other bytes than when it sealed`, {
          cause: error,
        });
      }
    },
    async lookupHash(tenantId, nationalId) {
      return createHmac('sha256', await keys.lookupKey()).update(`${tenantId}\u0000${nationalId}`).digest('hex');
    },
    async currentKeyId() {
      return (await keys.currentKey()).id;
    },
  };
}
