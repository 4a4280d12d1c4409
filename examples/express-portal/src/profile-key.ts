/**
 * The key that seals applicants' personal fields in the database. Production supplies it
 * (`PROFILE_ENCRYPTION_KEY`, base64 of 32 bytes from a secret store). For the demo only, a key is
 * generated at first start and kept in the data folder, readable by this user alone, so a restart
 * can read its own profiles; a key beside the database it protects is no protection for a copy
 * of that folder.
 */
import { randomBytes } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

export const PROFILE_KEY_FILE = 'profile-encryption-key';

export async function demoProfileKeyIn(dataDir: string): Promise<string> {
  const file = path.join(dataDir, PROFILE_KEY_FILE);
  const existing = await readKey(file);
  if (existing !== undefined) return existing;
  const key = randomBytes(32).toString('base64');
  try {
    // `wx`: never replace a key another process wrote first; losing the key loses the profiles.
    await writeFile(file, `${key}\n`, { mode: 0o600, flag: 'wx' });
    return key;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    const written = await readKey(file);
    if (written === undefined) throw error;
    return written;
  }
}

async function readKey(file: string): Promise<string | undefined> {
  try {
    // The profile store checks the key's length and reports a bad one as a ValidationError.
    return (await readFile(file, 'utf8')).trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}
