/**
 * Text a request may carry into the desk. PostgreSQL cannot store a NUL character in text, and
 * a lone UTF-16 surrogate is no character at all, so either one would reach storage only to fail
 * there as a database error (a 5xx). They are refused at the edge instead, with a 400 naming the
 * field: path parameters, query parameters, form fields and every string (and key) of a JSON body.
 */
import { ValidationError, type ValidationIssue } from '@statdesk/core';

// With the `u` flag a surrogate pair is one code point, so this matches only a lone half.
// eslint-disable-next-line no-control-regex -- NUL is exactly what this looks for
const UNSAFE = /[\u0000]|[\ud800-\udfff]/u;

/** Why `text` cannot be stored, or `undefined` when it can. */
export function unsafeTextReason(text: string): string | undefined {
  const found = UNSAFE.exec(text);
  if (!found) return undefined;
  return found[0] === '\u0000' ? 'must not contain a NUL character' : 'must not contain a lone surrogate (text that is not valid Unicode)';
}

/** The issue for a field whose text cannot be stored, or `undefined`. */
export function unsafeTextIssue(text: string, path: string): ValidationIssue | undefined {
  const reason = unsafeTextReason(text);
  return reason === undefined ? undefined : { path, message: reason, code: 'invalid_string' };
}

/** Throws a 400 naming each field (of `fields`, name → text) that holds text no storage can keep. */
export function refuseUnsafeText(subject: string, fields: Iterable<readonly [string, string]>): void {
  const issues: ValidationIssue[] = [];
  for (const [path, text] of fields) {
    const issue = unsafeTextIssue(text, path);
    if (issue) issues.push(issue);
  }
  if (issues.length) throw new ValidationError(subject, issues);
}

/** The query string's names and values, each as a field `query.<name>` for `refuseUnsafeText`. */
export function* queryFields(params: URLSearchParams): Generator<readonly [string, string]> {
  for (const [name, value] of params) {
    const safeName = unsafeTextReason(name) === undefined ? name : '(name)';
    yield [`query.${safeName}`, name];
    yield [`query.${safeName}`, value];
  }
}
