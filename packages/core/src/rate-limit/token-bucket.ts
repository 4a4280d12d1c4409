/**
 * Rate limiting for public endpoints (the no-scraping rule). The HTTP layer decides the client
 * key (an IP, a session); the lookup only asks for a token under it.
 *
 * Contract: `take(key)` spends one token for `key` and says whether the request may proceed;
 * when it may not, `retryAfterMs` says how long until a token is back. Concurrent calls for one
 * key never spend the same token twice. A shared store (Redis…) implements the same interface
 * for several processes.
 */
import { StatdeskError } from '../errors';
import type { Clock } from '../ports/clock';
import { systemClock } from '../ports/clock';

/** A rate limiter's answer for one request. */
export interface RateDecision {
  /** True when the request may go ahead. */
  allowed: boolean;
  /** Whole tokens left after this request. */
  remaining: number;
  /** 0 when allowed; otherwise how long until the next token. */
  retryAfterMs: number;
}

/**
 * A rate limiter: one decision per request, by client key. `tokenBucket` is the in-memory one; back it with
 * shared state for several servers.
 */
export interface RateLimiter {
  /** Spends one token of `key`'s bucket, if there is one. */
  take(key: string): RateDecision | Promise<RateDecision>;
}

/** Options of `tokenBucket`. */
export interface TokenBucketOptions {
  /** Most requests in a burst. */
  capacity: number;
  /** One token comes back every `refillMs` milliseconds. */
  refillMs: number;
  /** The limiter's clock (default the system clock). */
  clock?: Clock;
  /** Buckets kept in memory before full (idle) ones are forgotten (default 10,000). */
  maxKeys?: number;
}

interface Bucket {
  tokens: number;
  at: number;
}

/** An in-memory token bucket per key: `capacity` at once, then one request per `refillMs`. */
export class TokenBucketRateLimiter implements RateLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private readonly clock: Clock;
  private readonly maxKeys: number;

  constructor(private readonly options: TokenBucketOptions) {
    if (!Number.isInteger(options.capacity) || options.capacity < 1) throw new RangeError('TokenBucketRateLimiter: capacity must be a whole number of at least 1');
    if (!(options.refillMs > 0)) throw new RangeError('TokenBucketRateLimiter: refillMs must be positive');
    this.clock = options.clock ?? systemClock;
    this.maxKeys = options.maxKeys ?? 10_000;
  }

  /** Spends one token of `key`'s bucket. */
  take(key: string): RateDecision {
    const now = this.clock.now().getTime();
    const bucket = this.refilled(this.buckets.get(key), now);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      this.remember(key, bucket, now);
      return { allowed: true, remaining: Math.floor(bucket.tokens), retryAfterMs: 0 };
    }
    this.remember(key, bucket, now);
    return { allowed: false, remaining: 0, retryAfterMs: Math.ceil((1 - bucket.tokens) * this.options.refillMs) };
  }

  private refilled(bucket: Bucket | undefined, now: number): Bucket {
    if (!bucket) return { tokens: this.options.capacity, at: now };
    const gained = Math.max(0, now - bucket.at) / this.options.refillMs;
    return { tokens: Math.min(this.options.capacity, bucket.tokens + gained), at: now };
  }

  private remember(key: string, bucket: Bucket, now: number): void {
    this.buckets.delete(key);
    this.buckets.set(key, bucket);
    if (this.buckets.size <= this.maxKeys) return;
    // A bucket that has refilled is the same as no bucket; forget those first, oldest first.
    for (const [k, b] of this.buckets) {
      if (this.buckets.size <= this.maxKeys) break;
      if (this.refilled(b, now).tokens >= this.options.capacity) this.buckets.delete(k);
    }
  }
}

/** The client spent its tokens; the HTTP layer answers 429 with `Retry-After`. */
export class RateLimitedError extends StatdeskError {
  /** Stable error code. */
  readonly code = 'RATE_LIMITED' as const;
  /** @param retryAfterMs - how long until the client may try again, in milliseconds */
  constructor(readonly retryAfterMs: number) {
    super(`Too many requests; try again in ${Math.ceil(retryAfterMs / 1000)} s`);
  }
}
