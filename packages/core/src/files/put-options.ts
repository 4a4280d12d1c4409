import { ValidationError, type ValidationIssue } from '../errors';
import type { ListFilesOptions, PutFileOptions } from '../ports/files';

// type "/" subtype, optional parameters: the RFC 6838 token characters, case-insensitive.
const MIME = /^[a-z0-9][a-z0-9!#$&^_.+-]*\/[a-z0-9][a-z0-9!#$&^_.+-]*(\s*;.*)?$/i;
const MAX_CONTENT_TYPE_LENGTH = 255;

/** The largest `list` page. */
export const MAX_FILE_LIST_LIMIT = 1000;
/** The `list` page size when none is given. */
export const DEFAULT_FILE_LIST_LIMIT = 100;

/** Whether a string is a well-formed MIME type (`type/subtype`, optional parameters). */
export function isContentType(value: unknown): value is string {
  return typeof value === 'string' && value.length <= MAX_CONTENT_TYPE_LENGTH && MIME.test(value);
}

/** Checks `put` options; throws a `ValidationError` naming `contentType` and/or `maxBytes`. */
export function checkPutOptions(options: PutFileOptions): void {
  const issues: ValidationIssue[] = [];
  if (!isContentType(options?.contentType)) {
    issues.push({ path: 'contentType', message: 'must be a MIME type such as "application/pdf"', code: 'invalid_content_type' });
  }
  const maxBytes = options?.maxBytes;
  if (maxBytes !== undefined && !(Number.isSafeInteger(maxBytes) && maxBytes >= 0)) {
    issues.push({ path: 'maxBytes', message: 'must be a whole number of bytes, zero or more', code: 'invalid_number' });
  }
  if (issues.length > 0) throw new ValidationError('file', issues);
}

/**
 * Checks `list` options and fills in the defaults; throws a `ValidationError` naming `prefix`,
 * `after` or `limit`.
 */
export function resolveListOptions(options: ListFilesOptions = {}): { prefix: string; after: string | undefined; limit: number } {
  const issues: ValidationIssue[] = [];
  const { prefix = '', after, limit = DEFAULT_FILE_LIST_LIMIT } = options;
  if (typeof prefix !== 'string') issues.push({ path: 'prefix', message: 'must be a string', code: 'invalid_type' });
  if (after !== undefined && typeof after !== 'string') issues.push({ path: 'after', message: 'must be a key', code: 'invalid_type' });
  if (!(Number.isSafeInteger(limit) && limit >= 1 && limit <= MAX_FILE_LIST_LIMIT)) {
    issues.push({ path: 'limit', message: `must be a whole number from 1 to ${MAX_FILE_LIST_LIMIT}`, code: 'invalid_number' });
  }
  if (issues.length > 0) throw new ValidationError('file listing', issues);
  return { prefix, after, limit };
}
