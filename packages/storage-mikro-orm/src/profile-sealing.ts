/**
 * How profiles' personal fields are protected at rest: AES-256-GCM for the fields themselves and
 * HMAC-SHA-256 for the national-ID lookup, both with node:crypto. One 32-byte secret from the
 * options; two independent keys are derived from it with HKDF, so the lookup hash reveals
 * nothing about the encryption key. A database copy without the secret shows neither a national
 * ID nor a contact, and the same person in two tenants has two unrelated lookup hashes.
 */
import { createCipheriv, createDecipheriv, createHash, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { DefinitionError, ValidationError } from '@statdesk/core';

const FORMAT = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;

export interface ProfileSealer {
  /** Encrypts `plaintext`, bound to its row: a sealed value copied to another row fails to open. */
  seal(plaintext: string, row: string): string;
  open(sealed: string, row: string): string;
  /** The keyed hash a national ID is looked up by, per tenant. */
  lookupHash(tenantId: string, nationalId: string): string;
}

/** `key`: 32 bytes, or the same as base64 (e.g. `openssl rand -base64 32`). */
export function profileSealer(key: Uint8Array | string): ProfileSealer {
  const secret = keyBytes(key);
  const derive = (label: string) => Buffer.from(hkdfSync('sha256', secret, Buffer.alloc(0), `statdesk profiles: ${label}`, 32));
  const encryptionKey = derive('encryption');
  const lookupKey = derive('national-id lookup');
  // Names the key in every sealed value, so a wrong key is reported as such (and rotation can come).
  const keyId = createHash('sha256').update(encryptionKey).digest('base64url').slice(0, 8);

  return {
    seal(plaintext, row) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', encryptionKey, iv);
      cipher.setAAD(Buffer.from(row));
      const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      return [FORMAT, keyId, iv.toString('base64'), cipher.getAuthTag().toString('base64'), body.toString('base64')].join('.');
    },
    open(sealed, row) {
      const [format, sealedKeyId, iv, tag, body] = sealed.split('.');
      if (format !== FORMAT || iv === undefined || tag === undefined || body === undefined) {
        throw new DefinitionError(`Profile ${row} is not in a sealed format this version reads`);
      }
      if (sealedKeyId !== keyId) {
        throw new DefinitionError(`Profile ${row} was sealed with another encryptionKey (key id ${sealedKeyId}, configured ${keyId})`);
      }
      try {
        const decipher = createDecipheriv('aes-256-gcm', encryptionKey, Buffer.from(iv, 'base64'), { authTagLength: TAG_BYTES });
        decipher.setAAD(Buffer.from(row));
        decipher.setAuthTag(Buffer.from(tag, 'base64'));
        return Buffer.concat([decipher.update(Buffer.from(body, 'base64')), decipher.final()]).toString('utf8');
      } catch (error) {
        throw new DefinitionError(`Profile ${row} failed its integrity check: it was altered or moved from another row`, { cause: error });
      }
    },
    lookupHash(tenantId, nationalId) {
      return createHmac('sha256', lookupKey).update(`${tenantId}\u0000${nationalId}`).digest('hex');
    },
  };
}

function keyBytes(key: Uint8Array | string): Buffer {
  const bytes = typeof key === 'string' ? Buffer.from(key, 'base64') : key instanceof Uint8Array ? Buffer.from(key) : undefined;
  if (bytes?.byteLength !== 32 || (typeof key === 'string' && bytes.toString('base64') !== key.trim())) {
    throw new ValidationError('profile store options', [{ path: 'encryptionKey', message: 'must be 32 bytes, or 32 bytes in base64' }]);
  }
  return bytes;
}
