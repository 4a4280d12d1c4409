/**
 * Routes for callers who are not signed in. Each answers one question about one thing — never a
 * listing — and each spends a rate-limit token before doing any work (the agreement forbids
 * robots and scraping).
 */
import { NotFoundError, ValidationError, type ValidationIssue } from '@statdesk/core';
import type { ComplaintLookupBody } from '../options';
import { jsonResponse } from '../json';
import { spendToken } from '../public-rate-limit';
import { readJsonObject } from '../read-json-body';
import type { RequestScope } from '../request-scope';

const LOOKUP_BODY_BYTES = 4 * 1024;

const MAX_CODE_LENGTH = 64;

/** `{ trackingCode, complaintCode? }` and nothing else; the codes' own format is the lookup's to check. */
function parseLookupBody(body: Record<string, unknown>): ComplaintLookupBody {
  const issues: ValidationIssue[] = [];
  const code = (name: 'trackingCode' | 'complaintCode', required: boolean): string | undefined => {
    const value = body[name];
    if (value === undefined && !required) return undefined;
    if (typeof value !== 'string' || !value.trim() || value.length > MAX_CODE_LENGTH) {
      issues.push({ path: name, message: `${required ? 'is required: ' : 'must be '}a code of at most ${MAX_CODE_LENGTH} characters`, code: 'invalid_type' });
      return undefined;
    }
    return value.trim();
  };
  const trackingCode = code('trackingCode', true);
  const complaintCode = code('complaintCode', false);
  for (const name of Object.keys(body)) {
    if (name !== 'trackingCode' && name !== 'complaintCode') issues.push({ path: name, message: 'is not expected here', code: 'unrecognized_key' });
  }
  if (issues.length || trackingCode === undefined) throw new ValidationError('complaint lookup', issues);
  return { trackingCode, ...(complaintCode ? { complaintCode } : {}) };
}

/** `POST /public/complaints/lookup` with `{ trackingCode, complaintCode? }`. */
export async function lookupComplaint(scope: RequestScope): Promise<Response> {
  const lookup = scope.runtime.options.complaintLookup;
  if (!lookup) throw new NotFoundError('route', 'POST /public/complaints/lookup');
  await spendToken(scope.runtime.limiter, scope.clientKey());
  const codes = parseLookupBody(await readJsonObject(scope.request, LOOKUP_BODY_BYTES));
  const found = await lookup(codes, await scope.routeContext());
  // One answer for a wrong tracking code, a wrong complaint code, or both.
  if (found === null || found === undefined) throw new NotFoundError('message', 'with these codes');
  return jsonResponse(200, found);
}

/** `GET /public/incidents`: the citizen-safe status of service incidents. */
export async function incidentStatus(scope: RequestScope): Promise<Response> {
  const status = scope.runtime.options.incidentStatus;
  if (!status) throw new NotFoundError('route', 'GET /public/incidents');
  await spendToken(scope.runtime.limiter, scope.clientKey());
  return jsonResponse(200, await status(await scope.routeContext()), { 'cache-control': 'public, max-age=30' });
}
