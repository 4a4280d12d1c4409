/**
 * The one-secret key setup `mikroOrmProfileStore(storage, { encryptionKey })` has always used,
 * as a `ProfileKeyProvider`: an encryption key and a lookup key derived from one 32-byte secret
 * with HKDF-SHA-256, so the lookup hash reveals nothing about the encryption key. Values sealed
 * this way stay readable when you move to `staticProfileKeys` for rotation: list this provider's
 * key as a previous key and keep its lookup key (see docs/security.md).
 */
import { createHash, hkdfSync } from 'node:crypto';
import { ValidationError, type ProfileEncryptionKey, type ProfileKeyProvider } from '@statdesk/core';

/**
 * A provider with one encryption key and the lookup key, both derived from `secret` (32 bytes, or
 * the same in base64); the key id is derived too, so the same secret always names the same key.
 */
export function profileKeysFromSecret(secret: Uint8Array | string): ProfileKeyProvider {
  const bytes = secretBytes(secret);
  const derive = (label: string) => new Uint8Array(hkdfSync('sha256', bytes, Buffer.alloc(0), `statdesk profiles: ${label}`, 32));
  const encryption = derive('encryption');
  const key: ProfileEncryptionKey = { id: createHash('sha256').update(encryption).digest('base64url').slice(0, 8), bytes: encryption };
  const lookupKey = derive('national-id lookup');
  return {
    currentKey: () => key,
    keyById: (id) => (id === key.id ? key : undefined),
    lookupKey: () => lookupKey,
  };
}

function secretBytes(key: Uint8Array | string): Buffer {
  const bytes = typeof key === 'string' ? Buffer.from(key, 'base64') : key instanceof Uint8Array ? Buffer.from(key) : undefined;
  if (bytes?.byteLength !== 32 || (typeof key === 'string' && bytes.toString('base64') !== key.trim())) {
    throw new ValidationError('profile store options', [{ path: 'encryptionKey', message: 'must be 32 bytes, or 32 bytes in base64' }]);
  }
  return bytes;
}
