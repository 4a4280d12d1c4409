/**
 * A `PersonalDataSealer` for tests: real AES-256-GCM under one fixed, public test key, so tests
 * exercise the same sealing as production and a restarted test desk can open what an earlier
 * one sealed. Never use it outside tests: its key is in this file.
 */
import { personalDataSealer, staticProfileKeys, type PersonalDataSealer } from '@statdesk/core';

/** The id of the fixed test key, as sealed values name it. */
export const TEST_PERSONAL_DATA_KEY_ID = 'test';

const keys = staticProfileKeys({
  current: { id: TEST_PERSONAL_DATA_KEY_ID, key: new Uint8Array(32).fill(7) },
  lookupKey: new Uint8Array(32).fill(9),
});

/** A sealer under the fixed test key (what `createTestDesk` gives workflows unless you pass one). */
export function testPersonalDataSealer(): PersonalDataSealer {
  return personalDataSealer(keys);
}
