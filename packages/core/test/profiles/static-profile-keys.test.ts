/** The simple key providers: keys from code and from the environment, each bad key named. */
import { describe, expect, it } from 'vitest';
import { ValidationError, profileKeysFromEnv, staticProfileKeys } from '../../src';

const bytes = (fill: number) => new Uint8Array(32).fill(fill);
const base64 = (fill: number) => btoa(String.fromCharCode(...bytes(fill)));

function validationError(fn: () => unknown): ValidationError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(ValidationError);
    return e as ValidationError;
  }
  throw new Error('expected a ValidationError');
}

describe('staticProfileKeys', () => {
  it('gives the current key, older keys by id, and the lookup key; bytes or base64 alike', async () => {
    const keys = staticProfileKeys({ current: { id: 'k2', key: base64(2) }, previous: [{ id: 'k1', key: bytes(1) }], lookupKey: base64(9) });
    expect(await keys.currentKey()).toEqual({ id: 'k2', bytes: bytes(2) });
    expect(await keys.keyById('k1')).toEqual({ id: 'k1', bytes: bytes(1) });
    expect(await keys.keyById('k2')).toEqual({ id: 'k2', bytes: bytes(2) });
    expect(await keys.keyById('k0')).toBeUndefined();
    expect(await keys.lookupKey()).toEqual(bytes(9));
  });

  it('names every bad key and id', () => {
    const error = validationError(() =>
      staticProfileKeys({
        current: { id: 'has.dot', key: bytes(1) },
        previous: [{ id: 'k1', key: new Uint8Array(16) }, { id: 'k1', key: 'correct horse battery staple' }, { id: 'k3', key: base64(3) }, { id: 'k3', key: bytes(4) }],
        lookupKey: 'short',
      }),
    );
    expect(error.fields).toEqual(['current.id', 'previous.0.key', 'previous.1.id', 'previous.1.key', 'previous.3.id', 'lookupKey']);
  });
});

describe('profileKeysFromEnv', () => {
  it('reads id:base64 pairs, the current key first, and the lookup key', async () => {
    const keys = profileKeysFromEnv({ STATDESK_PROFILE_KEYS: ` k2:${base64(2)} , k1:${base64(1)}`, STATDESK_PROFILE_LOOKUP_KEY: base64(9) });
    expect((await keys.currentKey()).id).toBe('k2');
    expect(await keys.keyById('k1')).toEqual({ id: 'k1', bytes: bytes(1) });
    expect(await keys.lookupKey()).toEqual(bytes(9));
  });

  it('names the variable that is missing or wrong, never echoing a key', () => {
    expect(validationError(() => profileKeysFromEnv({})).fields).toEqual(['STATDESK_PROFILE_KEYS']);
    const secret = base64(7).slice(0, 20);
    const error = validationError(() => profileKeysFromEnv({ STATDESK_PROFILE_KEYS: `k2:${base64(2)},k1:${secret}`, STATDESK_PROFILE_LOOKUP_KEY: '' }));
    expect(error.fields).toEqual(['STATDESK_PROFILE_KEYS[1]', 'STATDESK_PROFILE_LOOKUP_KEY']);
    expect(error.message).not.toContain(secret);
    expect(validationError(() => profileKeysFromEnv({ STATDESK_PROFILE_KEYS: base64(2), STATDESK_PROFILE_LOOKUP_KEY: base64(9) })).fields).toEqual(['STATDESK_PROFILE_KEYS[0]']);
  });
});
