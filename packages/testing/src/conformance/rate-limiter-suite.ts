/**
 * The rate-limiter conformance suite: what every `RateLimiter` must do, as named tests derived
 * from the port's contract. Run it from your adapter's test file:
 *
 *   describeRateLimiterConformance({
 *     name: 'my-adapter',
 *     setup: async ({ capacity, refillMs, clock }) => ({ limiter, peer, sweep, oracle, teardown }),
 *   });
 *
 * `peer` (optional) opens a second limiter on the same backend, as a second server would: both
 * must spend one budget. `sweep` and `oracle` (optional) let the suite see expired buckets
 * removed. A test can be disabled only with a written reason.
 */
import { describe, expect } from 'vitest';
import type { RateLimiter } from '@statdesk/core';
import { TestClock } from '../test-clock';
import { namedTest } from './named-test';

type Awaitable<T> = T | Promise<T>;

/** The limits and clock a test wants its limiter built with. */
export interface RateLimiterSettings {
  /** Most requests in a burst. */
  capacity: number;
  /** One token comes back every this many milliseconds. */
  refillMs: number;
  /** The clock the limiter must read (the suite moves it). */
  clock: TestClock;
}

/** The limiter to test, with what the optional checks need. */
export interface RateLimiterUnderTest {
  /** The adapter under test. */
  limiter: RateLimiter;
  /** Another limiter on the same backend with the same settings (a second server). */
  peer?: () => Awaitable<RateLimiter>;
  /** Removes expired buckets now (what the adapter does in the background); returns how many. */
  sweep?: () => Awaitable<number>;
  /** Direct reads of the backend. */
  oracle?: { buckets(): Awaitable<number> };
  /** Called once the test is done. */
  teardown?: () => Promise<void>;
}

/** The names of the rate-limiter conformance tests, in order. */
export const rateLimiterConformanceTests = [
  'a new client gets a burst of capacity, then is refused with the wait until the next token',
  'tokens come back one per refill interval, never more than capacity',
  'clients are independent, whatever their keys look like',
  'concurrent requests of one client never spend a token twice',
  'two limiters on one backend spend one budget',
  'buckets that have refilled are removed, limited ones kept',
] as const;

/** The name of one rate-limiter conformance test. */
export type RateLimiterConformanceTest = (typeof rateLimiterConformanceTests)[number];

/** Options of {@link describeRateLimiterConformance}. */
export interface RateLimiterConformanceOptions {
  /** Label of the `describe` block, e.g. the adapter's name. */
  name: string;
  /** A fresh limiter with these settings on an empty backend, for each test. */
  setup: (settings: RateLimiterSettings) => Promise<RateLimiterUnderTest>;
  /** Tests this adapter cannot pass yet, each with the reason. */
  disable?: Partial<Record<RateLimiterConformanceTest, string>>;
}

const T0 = '2025-03-22T05:30:00.000Z';

/**
 * Registers the rate-limiter conformance suite with vitest for your adapter: bursts, refills, independent
 * keys, no double spending under concurrency, one budget across servers, expired buckets removed.
 */
export function describeRateLimiterConformance(options: RateLimiterConformanceOptions): void {
  let clock = new TestClock(T0);
  const test = namedTest<RateLimiterConformanceTest, RateLimiterUnderTest>({
    ...(options.disable ? { disable: options.disable } : {}),
    setup: () => {
      clock = new TestClock(T0);
      return options.setup({ capacity: 3, refillMs: 10_000, clock });
    },
  }, 30_000);
  const take = async (limiter: RateLimiter, key: string) => limiter.take(key);

  describe(`rate-limiter conformance: ${options.name}`, () => {
    test('a new client gets a burst of capacity, then is refused with the wait until the next token', async ({ limiter }) => {
      expect(await take(limiter, 'ip-1')).toEqual({ allowed: true, remaining: 2, retryAfterMs: 0 });
      expect(await take(limiter, 'ip-1')).toEqual({ allowed: true, remaining: 1, retryAfterMs: 0 });
      expect(await take(limiter, 'ip-1')).toEqual({ allowed: true, remaining: 0, retryAfterMs: 0 });
      expect(await take(limiter, 'ip-1')).toEqual({ allowed: false, remaining: 0, retryAfterMs: 10_000 });
      clock.advance(4_000);
      expect(await take(limiter, 'ip-1')).toEqual({ allowed: false, remaining: 0, retryAfterMs: 6_000 });
    });

    test('tokens come back one per refill interval, never more than capacity', async ({ limiter }) => {
      for (let i = 0; i < 3; i++) await take(limiter, 'ip-1');
      clock.advance(10_000);
      expect(await take(limiter, 'ip-1')).toEqual({ allowed: true, remaining: 0, retryAfterMs: 0 });
      expect((await take(limiter, 'ip-1')).allowed).toBe(false);
      clock.advance(10 * 60_000);
      const burst = [];
      for (let i = 0; i < 4; i++) burst.push((await take(limiter, 'ip-1')).allowed);
      expect(burst).toEqual([true, true, true, false]);
    });

    test('clients are independent, whatever their keys look like', async ({ limiter }) => {
      const keys = ['ip-1', 'IP-1', '__proto__', 'constructor', '::1', '2001:db8::1', 'کاربر-۱', 'x'.repeat(500), ''];
      for (const key of keys) for (let i = 0; i < 3; i++) expect((await take(limiter, key)).allowed, key).toBe(true);
      for (const key of keys) expect((await take(limiter, key)).allowed, key).toBe(false);
    });

    test('concurrent requests of one client never spend a token twice', async ({ limiter }) => {
      const decisions = await Promise.all(Array.from({ length: 12 }, () => take(limiter, 'ip-race')));
      expect(decisions.filter((d) => d.allowed)).toHaveLength(3);
      expect(decisions.filter((d) => d.allowed).map((d) => d.remaining).sort()).toEqual([0, 1, 2]);
    });

    test('two limiters on one backend spend one budget', async ({ limiter, peer }) => {
      const other = peer ? await peer() : limiter;
      const allowed: boolean[] = [];
      for (let i = 0; i < 6; i++) allowed.push((await take(i % 2 ? other : limiter, 'ip-shared')).allowed);
      expect(allowed).toEqual([true, true, true, false, false, false]);
    });

    test('buckets that have refilled are removed, limited ones kept', async ({ limiter, sweep, oracle }) => {
      for (let i = 0; i < 50; i++) await take(limiter, `idle-${i}`);
      for (let i = 0; i < 3; i++) await take(limiter, 'busy');
      clock.advance(30_000);
      // `busy` spends again: its bucket is not full when the idle ones have long refilled.
      await take(limiter, 'busy');
      if (sweep) await sweep();
      if (oracle) expect(await oracle.buckets()).toBe(1);
      // Whatever was removed, the limits are what they were: idle clients have a full burst again.
      expect(await take(limiter, 'idle-0')).toEqual({ allowed: true, remaining: 2, retryAfterMs: 0 });
      expect(await take(limiter, 'busy')).toMatchObject({ allowed: true, remaining: 1 });
    });
  });
}
