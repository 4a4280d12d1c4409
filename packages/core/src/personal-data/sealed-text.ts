/**
 * AES-256-GCM sealing of text with keys from a `ProfileKeyProvider`, shared by the profile store
 * and the workflows that keep personal data in their instances, so there is one crypto code path.
 * A sealed value names the key that sealed it (`v1.<key id>.<iv>.<tag>.<ciphertext>`, base64
 * parts), so reads pick that key and keys can be rotated. A binding (the row or instance the
 * value belongs to) is authenticated with it: a value copied into another row fails to open.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { DefinitionError } from '../errors';
import type { ProfileKeyProvider } from '../ports/profile-keys';

const FORMAT = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** The key id a sealed value names, or `undefined` when it is not a sealed value. */
export function sealedKeyId(sealed: string): string | undefined {
  const [format, keyId] = sealed.split('.', 2);
  return format === FORMAT && keyId ? keyId : undefined;
}

/** Encrypts `plaintext` under the provider's current key (a random IV each time), bound to `binding`. */
export async function sealText(keys: ProfileKeyProvider, plaintext: string, binding: string): Promise<string> {
  const key = await keys.currentKey();
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key.bytes, iv);
  cipher.setAAD(Buffer.from(binding));
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return [FORMAT, key.id, iv.toString('base64'), cipher.getAuthTag().toString('base64'), body.toString('base64')].join('.');
}

/**
 * Decrypts a value from {@link sealText} with the key it names. Throws `DefinitionError` (a
 * setup problem, not the caller's input) when the format is unknown, the key is not in the
 * provider any more, or the value fails its integrity check; `subject` names what was being
 * opened in the message (`Profile sci/p-1`), never its content.
 */
export async function openSealedText(keys: ProfileKeyProvider, sealed: string, binding: string, subject: string): Promise<string> {
  const [format, keyId, iv, tag, body] = sealed.split('.');
  if (format !== FORMAT || !keyId || iv === undefined || tag === undefined || body === undefined) {
    throw new DefinitionError(`${subject} is not in a sealed format this version reads`);
  }
  const key = await keys.keyById(keyId);
  if (!key) {
    const current = (await keys.currentKey()).id;
    throw new DefinitionError(
      `${subject} was sealed with key ${keyId}, which the key provider does not have (another encryptionKey, or a key retired before its values were re-sealed; current key ${current})`,
    );
  }
  try {
    const decipher = createDecipheriv('aes-256-gcm', key.bytes, Buffer.from(iv, 'base64'), { authTagLength: TAG_BYTES });
    decipher.setAAD(Buffer.from(binding));
    decipher.setAuthTag(Buffer.from(tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64')), decipher.final()]).toString('utf8');
  } catch (error) {
    throw new DefinitionError(`${subject} failed its integrity check: it was altered, moved from another row, or key ${keyId} has other bytes than when it sealed`, {
      cause: error,
    });
  }
}
