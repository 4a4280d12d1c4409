import { RateLimitedError, TokenBucketRateLimiter, type RateLimiter } from '@statdesk/core';
import type { HttpHandlerOptions } from './options';

/** 20 requests in a burst, then one every 3 s: a person reading pages never notices, a robot does. */
export const DEFAULT_PUBLIC_RATE_LIMIT = Object.freeze({ capacity: 20, refillMs: 3_000 });

/** The limiter for public routes: the portal's own, or an in-memory token bucket per client. */
export function publicRateLimiter(settings: HttpHandlerOptions['rateLimit']): RateLimiter {
  if (settings && 'limiter' in settings) return settings.limiter;
  return new TokenBucketRateLimiter({
    capacity: settings?.capacity ?? DEFAULT_PUBLIC_RATE_LIMIT.capacity,
    refillMs: settings?.refillMs ?? DEFAULT_PUBLIC_RATE_LIMIT.refillMs,
    ...(settings?.clock ? { clock: settings.clock } : {}),
  });
}

/** Spends one token for `clientKey`, or throws `RateLimitedError` (429 with Retry-After). */
export async function spendToken(limiter: RateLimiter, clientKey: string): Promise<void> {
  const decision = await limiter.take(clientKey);
  if (!decision.allowed) throw new RateLimitedError(decision.retryAfterMs);
}
