import { resolve, sep } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ValidationError, checkFileLocation, checkFileTenant, isValidFileKey } from '../../src';

const fieldsOf = (run: () => void): string[] => {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    return (error as ValidationError).fields;
  }
  return [];
};

describe('checkFileLocation', () => {
  it('accepts relative slash-separated keys, in any script', () => {
    for (const key of ['receipts/ord-1/1.pdf', 'a', 'رسید/۱۴۰۳/فیش.pdf', 'with space', 'a:b', 'dots.../x..y', '.hidden/file']) {
      expect(() => checkFileLocation('tenant-a', key), key).not.toThrow();
    }
  });

  it.each([
    ['../x', 'path_traversal'],
    ['a/../../b', 'path_traversal'],
    ['a/./b', 'path_traversal'],
    ['..', 'path_traversal'],
    ['/etc/passwd', 'absolute_path'],
    ['C:/Windows', 'absolute_path'],
    ['C:', 'absolute_path'],
    ['a\\..\\b', 'invalid_characters'],
    ['a\0b', 'invalid_characters'],
    ['a\u007fb', 'invalid_characters'],
    ['', 'required'],
    ['a//b', 'empty_segment'],
    ['a/', 'empty_segment'],
    ['x'.repeat(513), 'too_long'],
  ])('rejects %j (%s), naming the key', (key, code) => {
    const error = (() => {
      try {
        checkFileLocation('tenant-a', key);
      } catch (e) {
        return e as ValidationError;
      }
      throw new Error('accepted');
    })();
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.fields).toEqual(['key']);
    expect(error.issues[0]?.code).toBe(code);
    // The message never echoes the key back (it may be a file name with personal data in it).
    if (key.length > 3) expect(error.message).not.toContain(key);
  });

  it('names the tenant id when it is wrong, and both fields when both are', () => {
    expect(fieldsOf(() => checkFileLocation('', 'ok'))).toEqual(['tenantId']);
    expect(fieldsOf(() => checkFileLocation('a\nb', 'ok'))).toEqual(['tenantId']);
    expect(fieldsOf(() => checkFileLocation('t'.repeat(129), 'ok'))).toEqual(['tenantId']);
    expect(fieldsOf(() => checkFileLocation('', '../x'))).toEqual(['tenantId', 'key']);
    expect(fieldsOf(() => checkFileTenant(''))).toEqual(['tenantId']);
    expect(fieldsOf(() => checkFileLocation(42 as unknown as string, 'ok'))).toEqual(['tenantId']);
  });

  it('every accepted key stays inside any directory it is joined to (property)', () => {
    const segment = fc.oneof(fc.constantFrom('.', '..', '', '...', 'a', 'C:', '\\', '\0'), fc.string({ maxLength: 6 }));
    const key = fc.array(segment, { minLength: 1, maxLength: 6 }).map((parts) => parts.join('/'));
    fc.assert(
      fc.property(fc.oneof(key, fc.string({ maxLength: 20 })), (candidate) => {
        if (!isValidFileKey(candidate)) return;
        const root = resolve('/srv/files');
        expect(resolve(root, candidate).startsWith(root + sep)).toBe(true);
        expect(candidate.includes('\0')).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });
});
