import { ValidationError, type ValidationIssue } from '../errors';

/** Longest key a file store accepts, in UTF-16 code units. */
export const MAX_FILE_KEY_LENGTH = 512;
/** Longest tenant id a file store accepts. */
export const MAX_FILE_TENANT_LENGTH = 128;

// C0 controls (NUL included) and DEL: never valid in a name, and NUL truncates paths in C APIs.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;
// A Windows drive prefix ("C:/…", "C:"), absolute on the platforms where it means anything.
const DRIVE = /^[A-Za-z]:(\/|$)/;

function tenantIssue(tenantId: unknown): ValidationIssue | undefined {
  if (typeof tenantId !== 'string' || tenantId.length === 0) return { path: 'tenantId', message: 'must be a non-empty string', code: 'required' };
  if (tenantId.length > MAX_FILE_TENANT_LENGTH) return { path: 'tenantId', message: `must be at most ${MAX_FILE_TENANT_LENGTH} characters`, code: 'too_long' };
  if (CONTROL.test(tenantId)) return { path: 'tenantId', message: 'must not contain control characters', code: 'invalid_characters' };
  return undefined;
}

function keyIssue(key: unknown): ValidationIssue | undefined {
  const issue = (message: string, code: string): ValidationIssue => ({ path: 'key', message, code });
  if (typeof key !== 'string' || key.length === 0) return issue('must be a non-empty string', 'required');
  if (key.length > MAX_FILE_KEY_LENGTH) return issue(`must be at most ${MAX_FILE_KEY_LENGTH} characters`, 'too_long');
  if (CONTROL.test(key)) return issue('must not contain control characters (NUL included)', 'invalid_characters');
  if (key.includes('\\')) return issue('must use "/" as its only separator (no backslash)', 'invalid_characters');
  if (key.startsWith('/') || DRIVE.test(key)) return issue('must be a relative path, not an absolute one', 'absolute_path');
  for (const segment of key.split('/')) {
    if (segment === '') return issue('must not have empty segments ("//" or a trailing "/")', 'empty_segment');
    if (segment === '.' || segment === '..') return issue('must not contain "." or ".." segments', 'path_traversal');
  }
  return undefined;
}

/**
 * Checks a file's address before a store touches anything. Throws a `ValidationError` naming
 * `tenantId` and/or `key`. Every `FileStore` adapter calls this first.
 */
export function checkFileLocation(tenantId: string, key: string): void {
  const issues = [tenantIssue(tenantId), keyIssue(key)].filter((i): i is ValidationIssue => i !== undefined);
  if (issues.length > 0) throw new ValidationError('file location', issues);
}

/** Checks the tenant alone (for `list`). */
export function checkFileTenant(tenantId: string): void {
  const issue = tenantIssue(tenantId);
  if (issue) throw new ValidationError('file location', [issue]);
}

/** Whether `key` is one a store would accept (no throw). */
export function isValidFileKey(key: string): boolean {
  return keyIssue(key) === undefined;
}
