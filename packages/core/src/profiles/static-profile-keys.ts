/**
 * The simple `ProfileKeyProvider`s: keys given in code (from your secret store) or read from the
 * environment. Both check every key up front, so a bad key stops start-up with a
 * `ValidationError` naming it instead of failing on the first profile read.
 */
import { ValidationError, type ValidationIssue } from '../errors';
import type { ProfileEncryptionKey, ProfileKeyProvider } from '../ports/profile-keys';

const KEY_BYTES = 32;
const KEY_ID = /^[A-Za-z0-9_-]{1,32}$/;

/** A key as configuration gives it: 32 bytes, or the same in base64 (`openssl rand -base64 32`). */
export type ProfileKeyMaterial = Uint8Array | string;

/** Options of `staticProfileKeys`. */
/** The keys `staticProfileKeys` serves: the current one, older ones still being read, and the lookup key. */
export interface StaticProfileKeysOptions {
  /** The key new and re-sealed values use. */
  current: { id: string; key: ProfileKeyMaterial };
  /** Older keys still needed to read values not yet re-sealed; drop one once nothing uses it. */
  previous?: readonly { id: string; key: ProfileKeyMaterial }[];
  /** The national-ID lookup (HMAC) key: keep it when rotating encryption keys. */
  lookupKey: ProfileKeyMaterial;
}

/** A provider over keys you hand it; ids must be distinct. */
export function staticProfileKeys(options: StaticProfileKeysOptions): ProfileKeyProvider {
  const issues: ValidationIssue[] = [];
  const keys = new Map<string, ProfileEncryptionKey>();
  const seen = new Set<string>();
  const entries = [['current', options?.current] as const, ...(options?.previous ?? []).map((k, i) => [`previous.${i}`, k] as const)];
  for (const [path, entry] of entries) {
    if (typeof entry?.id !== 'string' || !KEY_ID.test(entry.id)) {
      issues.push({ path: `${path}.id`, message: 'must be 1–32 letters, digits, _ or -' });
      continue;
    }
    if (seen.has(entry.id)) issues.push({ path: `${path}.id`, message: `${entry.id} names two keys` });
    seen.add(entry.id);
    const bytes = keyBytes(entry.key);
    if (!bytes) issues.push({ path: `${path}.key`, message: 'must be 32 bytes, or 32 bytes in base64' });
    else keys.set(entry.id, { id: entry.id, bytes });
  }
  const lookupKey = keyBytes(options?.lookupKey);
  if (!lookupKey) issues.push({ path: 'lookupKey', message: 'must be 32 bytes, or 32 bytes in base64' });
  if (issues.length || !lookupKey) throw new ValidationError('profile keys', issues);
  const current = keys.get(options.current.id)!;
  return {
    currentKey: () => current,
    keyById: (id) => keys.get(id),
    lookupKey: () => lookupKey,
  };
}

/** The variables `profileKeysFromEnv` reads. */
export const PROFILE_KEY_VARIABLES = Object.freeze({
  /** `id:base64` pairs separated by commas, the current key first: `k2:…,k1:…`. */
  keys: 'STATDESK_PROFILE_KEYS',
  /** base64 of the 32-byte lookup key. */
  lookupKey: 'STATDESK_PROFILE_LOOKUP_KEY',
});

/**
 * A provider from `STATDESK_PROFILE_KEYS` (`k2:<base64>,k1:<base64>`, the current key first) and
 * `STATDESK_PROFILE_LOOKUP_KEY` (`<base64>`). Pass `process.env` (or any record of variables).
 */
export function profileKeysFromEnv(env: Readonly<Record<string, string | undefined>>): ProfileKeyProvider {
  const listed = (env[PROFILE_KEY_VARIABLES.keys] ?? '').split(',').map((pair) => pair.trim()).filter(Boolean);
  const lookupKey = env[PROFILE_KEY_VARIABLES.lookupKey]?.trim() ?? '';
  const parsed = listed.map((pair) => {
    const colon = pair.indexOf(':');
    return colon < 0 ? { id: '', key: pair } : { id: pair.slice(0, colon), key: pair.slice(colon + 1) };
  });
  const [current, ...previous] = parsed;
  if (!current) {
    throw new ValidationError('profile keys', [{ path: PROFILE_KEY_VARIABLES.keys, message: 'is not set: give id:base64 pairs, the current key first' }]);
  }
  try {
    return staticProfileKeys({ current, previous, lookupKey });
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    // Name the variable, not the option the value went to.
    const renamed = error.issues.map((issue) => ({
      ...issue,
      path: issue.path === 'lookupKey' ? PROFILE_KEY_VARIABLES.lookupKey : `${PROFILE_KEY_VARIABLES.keys}[${issue.path.startsWith('current') ? 0 : Number(issue.path.split('.')[1]) + 1}]`,
    }));
    throw new ValidationError('profile keys', renamed);
  }
}

function keyBytes(key: ProfileKeyMaterial | undefined): Uint8Array | undefined {
  if (key instanceof Uint8Array) return key.byteLength === KEY_BYTES ? new Uint8Array(key) : undefined;
  if (typeof key !== 'string') return undefined;
  const text = key.trim();
  let binary: string;
  try {
    binary = atob(text);
  } catch {
    return undefined;
  }
  // Strict: only canonical base64 of exactly 32 bytes (a passphrase is not a key).
  if (binary.length !== KEY_BYTES || btoa(binary) !== text) return undefined;
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}
