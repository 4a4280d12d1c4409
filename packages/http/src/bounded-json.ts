/**
 * JSON text turned into a value only when it is bounded: nesting no deeper than `maxDepth`
 * (checked on the text, before `JSON.parse`, so a body nested 10,000 levels deep never reaches a
 * recursive walk such as the idempotency fingerprint), numbers finite (`1e999` parses as
 * `Infinity`, which no storage keeps), and every string and key storable (no NUL, no lone
 * surrogate). Each refusal is a 400 naming the field.
 */
import { ValidationError, type ValidationIssue } from '@statdesk/core';
import { unsafeTextIssue } from './safe-text';

/** How deeply a JSON body may nest objects and arrays (the deepest shipped event nests 4). */
export const MAX_JSON_DEPTH = 32;

const OPEN_BRACE = 0x7b;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACE = 0x7d;
const CLOSE_BRACKET = 0x5d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/** Throws a 400 when the JSON text nests deeper than `maxDepth`; one pass over the text, no recursion. */
export function checkJsonDepth(text: string, maxDepth: number = MAX_JSON_DEPTH, field = 'body'): void {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === BACKSLASH) i++;
      else if (c === QUOTE) inString = false;
    } else if (c === QUOTE) inString = true;
    else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      if (++depth > maxDepth) {
        throw new ValidationError('request body', [{ path: field, message: `nests deeper than ${maxDepth} levels`, code: 'too_deep' }]);
      }
    } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) depth--;
  }
}

/** Parses JSON text that `checkJsonDepth` bounds, then refuses non-finite numbers and unstorable text. */
export function parseBoundedJson(text: string, maxDepth: number = MAX_JSON_DEPTH): unknown {
  checkJsonDepth(text, maxDepth);
  let value: unknown;
  try {
    value = JSON.parse(text) as unknown;
  } catch {
    throw new ValidationError('request body', [{ path: 'body', message: 'is not valid JSON', code: 'invalid_json' }]);
  }
  const issues: ValidationIssue[] = [];
  inspect(value, '', issues);
  if (issues.length) throw new ValidationError('request body', issues.slice(0, 20));
  return value;
}

function inspect(value: unknown, path: string, issues: ValidationIssue[]): void {
  if (issues.length >= 20) return;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) issues.push({ path: path || 'body', message: 'must be a finite number', code: 'not_finite' });
  } else if (typeof value === 'string') {
    const issue = unsafeTextIssue(value, path || 'body');
    if (issue) issues.push(issue);
  } else if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) inspect(value[i], path ? `${path}.${i}` : String(i), issues);
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const keyIssue = unsafeTextIssue(key, path ? `${path}.(key)` : '(key)');
      if (keyIssue) {
        issues.push(keyIssue);
        continue;
      }
      inspect(item, path ? `${path}.${key}` : key, issues);
    }
  }
}
