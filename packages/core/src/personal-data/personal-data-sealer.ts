/**
 * The sealer a workflow uses for personal data it must keep in its own instance (the shop
 * order's checkout particulars): JSON values sealed with AES-256-GCM under the keys of a
 * `ProfileKeyProvider`, so instances and profiles share one key setup, one rotation and one
 * crypto code path (`sealed-text.ts`). Give it to the desk as the `personalDataSealer` service.
 */
import { DefinitionError } from '../errors';
import type { ProfileKeyProvider } from '../ports/profile-keys';
import { openSealedText, sealText, sealedKeyId } from './sealed-text';

/** The `DeskOptions.services` entry workflows find the sealer under. */
export const PERSONAL_DATA_SEALER_SERVICE = 'personalDataSealer';

/**
 * Seals and opens personal values kept in workflow instances. A sealed value is a string that
 * names its key (`v1.<key id>.…`) and is bound to one instance: opened under another binding,
 * with another key's bytes, or after any change, it fails.
 */
export interface PersonalDataSealer {
  /** Seals a JSON value (strings, numbers, booleans, arrays and plain objects) for `binding`. */
  seal(value: unknown, binding: string): Promise<string>;
  /** Opens a value sealed for `binding`; throws `DefinitionError` when it cannot (see `openSealedText`). */
  open(sealed: string, binding: string): Promise<unknown>;
  /** The id of the key a sealed value names (`undefined` when it is not one). */
  keyIdOf(sealed: string): string | undefined;
  /** The id of the key new values are sealed with. */
  currentKeyId(): Promise<string>;
}

/** A sealer over a key provider (`staticProfileKeys`, `profileKeysFromEnv`, your KMS provider). */
export function personalDataSealer(keys: ProfileKeyProvider): PersonalDataSealer {
  if (typeof keys?.currentKey !== 'function' || typeof keys.keyById !== 'function') {
    throw new DefinitionError('personalDataSealer needs a ProfileKeyProvider (currentKey, keyById)');
  }
  return {
    seal: (value, binding) => sealText(keys, JSON.stringify(value), binding),
    open: async (sealed, binding) => JSON.parse(await openSealedText(keys, sealed, binding, `Personal data of ${binding}`)) as unknown,
    keyIdOf: sealedKeyId,
    currentKeyId: async () => (await keys.currentKey()).id,
  };
}

/**
 * The sealer in `DeskOptions.services`; throws `DefinitionError` naming the service when the desk
 * was built without one, so personal data is never kept unsealed by mistake.
 */
export function personalDataSealerIn(services: Readonly<Record<string, unknown>>, workflow: string): PersonalDataSealer {
  const sealer = services[PERSONAL_DATA_SEALER_SERVICE] as Partial<PersonalDataSealer> | undefined;
  if (typeof sealer?.seal !== 'function' || typeof sealer.open !== 'function') {
    throw new DefinitionError(
      `${workflow} needs desk service "${PERSONAL_DATA_SEALER_SERVICE}" to seal personal data: pass createDesk({ services: { ${PERSONAL_DATA_SEALER_SERVICE}: personalDataSealer(keys) } })`,
    );
  }
  return sealer as PersonalDataSealer;
}
