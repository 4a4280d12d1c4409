/** `GET /search?by=order|tracking|receipt|nationalId&q=…`: staff search (see `createStaffSearch`). */
import { NotFoundError, SEARCH_FIELDS, ValidationError, type SearchField, type ValidationIssue } from '@statdesk/core';
import { jsonResponse } from '../json';
import type { RequestScope } from '../request-scope';

const PARAMS = new Set(['by', 'q']);

/** `GET /search`. The query goes in the URL, so the answer is never cached and the value never logged. */
export async function searchCases(scope: RequestScope): Promise<Response> {
  const settings = scope.runtime.options.search;
  if (!settings) throw new NotFoundError('route', 'GET /search');
  const identity = await scope.requireIdentity();
  const query = scope.url.searchParams;
  const issues: ValidationIssue[] = [];
  for (const name of new Set(query.keys())) {
    if (!PARAMS.has(name)) issues.push({ path: name, message: 'is not a search parameter (by, q)', code: 'unrecognized_key' });
    else if (query.getAll(name).length > 1) issues.push({ path: name, message: 'is given more than once' });
  }
  const by = query.get('by');
  if (!by || !(SEARCH_FIELDS as readonly string[]).includes(by)) issues.push({ path: 'by', message: `must be one of ${SEARCH_FIELDS.join(', ')}` });
  const q = query.get('q');
  if (!q?.trim()) issues.push({ path: 'q', message: 'is required' });
  if (issues.length) throw new ValidationError('search query', issues);
  const items = await settings.source.search(identity.tenantId, by as SearchField, q!, identity.actor);
  return jsonResponse(200, { items });
}
