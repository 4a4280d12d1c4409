/**
 * Routes for callers who are not signed in. Each answers one question about one thing — never a
 * listing — and each spends a rate-limit token before doing any work (the agreement forbids
 * robots and scraping).
 */
import { z } from 'zod';
import { NotFoundError, ValidationError } from '@statdesk/core';
import { jsonResponse } from '../json';
import { spendToken } from '../public-rate-limit';
import { readJsonObject } from '../read-json-body';
import type { RequestScope } from '../request-scope';

const LOOKUP_BODY_BYTES = 4 * 1024;

const lookupBody = z.strictObject({
  trackingCode: z.string().trim().min(1).max(64),
  complaintCode: z.string().trim().max(64).optional(),
});

/** `POST /public/complaints/lookup` with `{ trackingCode, complaintCode? }`. */
export async function lookupComplaint(scope: RequestScope): Promise<Response> {
  const lookup = scope.runtime.options.complaintLookup;
  if (!lookup) throw new NotFoundError('route', 'POST /public/complaints/lookup');
  await spendToken(scope.runtime.limiter, scope.clientKey());
  const parsed = lookupBody.safeParse(await readJsonObject(scope.request, LOOKUP_BODY_BYTES));
  if (!parsed.success) {
    throw new ValidationError(
      'complaint lookup',
      parsed.error.issues.map((i) => ({ path: i.path.join('.') || 'body', message: i.message, code: i.code })),
    );
  }
  const { complaintCode, ...codes } = parsed.data;
  const found = await lookup({ ...codes, ...(complaintCode ? { complaintCode } : {}) }, await scope.routeContext());
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
