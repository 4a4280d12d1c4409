import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PERSONAL_KEYS, redactPersonalData } from '../../src';

/** The rule written as plainly as possible: the engine's walk must agree with it everywhere. */
function reference(value: unknown, paths: readonly string[], keys: readonly string[], at: string[] = []): unknown {
  if (Array.isArray(value)) return value.map((v, i) => reference(v, paths, keys, [...at, String(i)]));
  if (value === null || typeof value !== 'object' || value instanceof Date) return value;
  const out: Record<string, unknown> = {};
  const dropped: string[] = [];
  for (const [k, v] of Object.entries(value)) {
    const here = [...at, k];
    const declared = paths.some((p) => {
      const parts = p.split('.');
      return parts.length === here.length && parts.every((part, i) => part === '*' || part === here[i]);
    });
    if (keys.includes(k) || declared) {
      if (v !== undefined) dropped.push(k);
    } else {
      out[k] = reference(v, paths, keys, here);
    }
  }
  if (dropped.length) out.$redacted = dropped.sort();
  return out;
}

const key = fc.constantFrom('a', 'b', 'lines', 'note', 'mobile', 'address', 'nationalId', 'x');
const payload = fc.letrec((tie) => ({
  leaf: fc.oneof(fc.string(), fc.integer(), fc.constant(null), fc.constant(undefined), fc.date({ noInvalidDate: true })),
  node: fc.oneof({ depthSize: 'small' }, tie('leaf'), fc.array(tie('node'), { maxLength: 3 }), fc.dictionary(key, tie('node'), { maxKeys: 4 })),
})).node;
const path = fc.array(fc.oneof(key, fc.constant('*'), fc.constantFrom('0', '1')), { minLength: 1, maxLength: 3 }).map((parts) => parts.join('.'));

describe('redactPersonalData', () => {
  it('drops declared paths and personal keys at any depth, listing them under $redacted', () => {
    fc.assert(
      fc.property(payload, fc.array(path, { maxLength: 3 }), (value, paths) => {
        expect(redactPersonalData(value, paths)).toEqual(reference(value, paths, DEFAULT_PERSONAL_KEYS));
      }),
    );
  });

  it('uses the keys it is given instead of the defaults', () => {
    fc.assert(
      fc.property(payload, fc.array(key, { maxLength: 2 }), (value, keys) => {
        expect(redactPersonalData(value, [], keys)).toEqual(reference(value, [], keys));
      }),
    );
  });

  it('leaves what it was given alone', () => {
    const value = { mobile: '0912', lines: [{ note: 'n', address: 'a' }] };
    redactPersonalData(value, ['lines.*.note']);
    expect(value).toEqual({ mobile: '0912', lines: [{ note: 'n', address: 'a' }] });
  });
});
