/**
 * The public status lookup: a tracking code and (for complaints) a complaint code in, a
 * citizen-safe view out. Both codes must match one message. A wrong pair answers exactly as a
 * missing one — the same frozen result, after the same storage calls and the same comparisons —
 * so a caller learns nothing about either code on its own.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { systemActor } from '../../engine/actor';
import type { Desk } from '../../engine/desk';
import { ValidationError } from '../../errors';
import type { ComplaintContext } from './complaint.machine';
import { parseCode } from './codes';
import { COMPLAINT_KEYS, lookupKeyOf } from './lookup-key';
import { publicComplaintView, type PublicComplaintView } from './public-view';
import { RateLimitedError, type RateLimiter } from '../../rate-limit';

/** A public lookup: the codes a person typed. */
export interface ComplaintLookupQuery {
  /** The tenant (office) asked. */
  tenantId: string;
  /** The tracking code. */
  trackingCode: string;
  /** Required for complaints; questions, criticism and suggestions have only a tracking code. */
  complaintCode?: string;
  /** Who is asking (an IP or session id, chosen by the HTTP layer); needed with a rate limiter. */
  clientId?: string;
}

/** Options of {@link lookupComplaint}. */
export interface ComplaintLookupOptions {
  /** Limits guesses per client; a spent budget is a `RateLimitedError`. */
  rateLimiter?: RateLimiter;
}

/** A lookup's answer: the public view, or not found (wrong codes and missing messages look the same). */
export type ComplaintLookupResult = { readonly found: true; readonly message: PublicComplaintView } | { readonly found: false };

/** The one answer for "no message with these codes", whichever code was wrong. */
export const COMPLAINT_NOT_FOUND: ComplaintLookupResult = Object.freeze({ found: false as const });

// Stands in for a stored message when none matched, so the comparisons below always run.
const ABSENT = Object.freeze({ trackingCode: '', complaintCode: null });

/**
 * The public status lookup by tracking code (and complaint code): constant-time comparison, rate-limited per
 * client, answers only the public view.
 */
export async function lookupComplaint(desk: Desk, query: ComplaintLookupQuery, options: ComplaintLookupOptions = {}): Promise<ComplaintLookupResult> {
  if (options.rateLimiter) {
    if (!query.clientId) throw new ValidationError('complaint lookup', [{ path: 'clientId', message: 'is required when lookups are rate limited' }]);
    // Spent before anything else, so malformed guesses cost as much as well-formed ones.
    const decision = await options.rateLimiter.take(query.clientId);
    if (!decision.allowed) throw new RateLimitedError(decision.retryAfterMs);
  }
  const trackingCode = parseCode(query.trackingCode, 'trackingCode');
  const complaintCode = query.complaintCode === undefined || query.complaintCode.trim() === '' ? null : parseCode(query.complaintCode, 'complaintCode');

  const refs = await desk.findByKey(query.tenantId, COMPLAINT_KEYS.lookup, lookupKeyOf(trackingCode, complaintCode));
  const ref = refs.length === 1 ? refs[0] : undefined;
  const view = ref ? await desk.get(ref, systemActor) : undefined;
  const stored = view ? ((view.data as { state: string } & ComplaintContext) ?? ABSENT) : ABSENT;

  // Constant-time on fixed-length digests; `&` (not `&&`) so both comparisons always run.
  const same = Number(sameSecret(stored.trackingCode, trackingCode)) & Number(sameSecret(stored.complaintCode ?? '', complaintCode ?? ''));
  if (!view || !same) return COMPLAINT_NOT_FOUND;
  return Object.freeze({ found: true as const, message: publicComplaintView(view.state, view.data as ComplaintContext) });
}

function sameSecret(a: string, b: string): boolean {
  return timingSafeEqual(createHash('sha256').update(a).digest(), createHash('sha256').update(b).digest());
}
