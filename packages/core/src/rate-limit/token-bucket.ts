/**
 * Rate limiting for public endpoints (the no-scraping rule). The HTTP layer decides the client
 * key (an IP, a session); the lookup only asks for a token under it.
 *
 * Contract: `take(key)` spends one token for `key` and says whether the request may proceed;
 * when it may not, `retryAfterMs` says how long until a token is back. Concurrent calls for one
 * key never spend the same token twice. Each call costs the same whatever the number of keys.
 * Several servers share one budget only through a shared store: `mikroOrmRateLimiter` (in
 * `@statdesk/storage-mikro-orm`, on the storage's database) implements the same interface. Every
 * implementation passes `describeRateLimiterConformance` from `@statdesk/testing/conformance`.
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
 * A rate limiter: one decision per request, by client key. `TokenBucketRateLimiter` is the in-memory one;
 * `mikroOrmRateLimiter` keeps the buckets in the database, shared by several servers.
 */
export interface RateLimiter {
  /** Spends one token of `key`'s bucket, if there is one. */
  take(key: string): RateDecision | Promise<RateDecision>;
}

/** Options of `TokenBucketRateLimiter`. */
export interface TokenBucketOptions {
  /** Most requests in a burst. */
  capacity: number;
  /** One token comes back every `refillMs` milliseconds. */
  refillMs: number;
  /** The limiter's clock (default the system clock). */
  clock?: Clock;
  /**
   * Buckets kept in memory before refilled (idle) ones are forgotten (default 10,000). A bucket
   * still limiting its client is never forgotten, so under a flood of clients the map may hold
   * more, for at most `capacity × refillMs`.
   */
  maxKeys?: number;
}

interface Bucket {
  tokens: number;
  at: number;
}

/** Idle buckets looked at (and forgotten when refilled) per request: a constant cost, whatever the number of clients. */
const FORGET_PER_TAKE = 2;

/**
 * An in-memory token bucket per key: `capacity` at once, then one request per `refillMs`. One
 * process's memory: several servers each have their own budget unless they share a storage-backed
 * limiter (`mikroOrmRateLimiter` in `@statdesk/storage-mikro-orm`).
 *
 * Each request costs the same whatever the number of clients: the map is kept in order of last
 * use, and each request looks at the two least recently used buckets only, forgetting them when
 * they have refilled (a full bucket is the same as none).
 */
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
    const allowed = bucket.tokens >= 1;
    if (allowed) bucket.tokens -= 1;
    // Delete and set again: the map's order is the order of last use.
    this.buckets.delete(key);
    this.buckets.set(key, bucket);
    this.forgetIdle(now);
    return allowed
      ? { allowed: true, remaining: Math.floor(bucket.tokens), retryAfterMs: 0 }
      : { allowed: false, remaining: 0, retryAfterMs: Math.ceil((1 - bucket.tokens) * this.options.refillMs) };
  }

  /**
   * Forgets every bucket that has refilled; returns how many. Requests already do this a few
   * buckets at a time; call it from a timer to give memory back after a flood has passed.
   */
  sweep(): number {
    const now = this.clock.now().getTime();
    let removed = 0;
    for (const [key, bucket] of this.buckets) {
      if (this.refilled(bucket, now).tokens < this.options.capacity) continue;
      this.buckets.delete(key);
      removed++;
    }
    return removed;
  }

  /** How many buckets are held (for tests and metrics). */
  get size(): number {
    return this.buckets.size;
  }

  private refilled(bucket: Bucket | undefined, now: number): Bucket {
    if (!bucket) return { tokens: this.options.capacity, at: now };
    const gained = Math.max(0, now - bucket.at) / this.options.refillMs;
    return { tokens: Math.min(this.options.capacity, bucket.tokens + gained), at: now };
  }

  /**
   * Looks at the least recently used buckets only (a few; twice as many past `maxKeys`) and forgets
   * those that have refilled, stopping at the first still in use.
   */
  private forgetIdle(now: number): void {
    let budget = this.buckets.size > this.maxKeys ? 2 * FORGET_PER_TAKE : FORGET_PER_TAKE;
    for (const [key, bucket] of this.buckets) {
      if (budget-- <= 0 || this.refilled(bucket, now).tokens < this.options.capacity) return;
      this.buckets.delete(key);
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
