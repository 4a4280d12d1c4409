import { ValidationError } from '@statdesk/core';

/** The strong ETag of an instance at `version`: `"3"`. */
export function versionTag(version: number): string {
  return `"${version}"`;
}

/**
 * The version an `If-Match` header asks for (`"3"`, `W/"3"` or `3`), or `undefined` without the
 * header. A list of tags or `*` is refused: a command targets exactly one version.
 */
export function expectedVersionFrom(header: string | null): number | undefined {
  if (header === null) return undefined;
  const match = /^\s*(?:W\/)?"?(\d{1,15})"?\s*$/.exec(header);
  if (!match) {
    throw new ValidationError('request headers', [{ path: 'If-Match', message: 'must be one instance version, e.g. "3"', code: 'invalid_version' }]);
  }
  return Number(match[1]);
}
