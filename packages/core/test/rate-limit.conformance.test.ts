/** The in-memory token bucket passes the rate-limiter conformance suite, and stays constant-cost with many clients. */
import { TokenBucketRateLimiter } from '@statdesk/core';
import { TestClock } from '@statdesk/testing';
import { describeRateLimiterConformance } from '@statdesk/testing/conformance';
import { describe, expect, it } from 'vitest';

describeRateLimiterConformance({
  name: 'TokenBucketRateLimiter (in memory)',
  setup: async (settings) => {
    const limiter = new TokenBucketRateLimiter(settings);
    return { limiter, sweep: () => limiter.sweep(), oracle: { buckets: () => limiter.size } };
  },
});

describe('TokenBucketRateLimiter with many clients', () => {
  it('keeps only buckets still limiting someone, without scanning the map per request', () => {
    const clock = new TestClock('2025-03-22T05:30:00Z');
    const limiter = new TokenBucketRateLimiter({ capacity: 2, refillMs: 1_000, clock, maxKeys: 100 });
    for (let i = 0; i < 20_000; i++) {
      limiter.take(`client-${i}`);
      clock.advance(1);
    }
    // One request spends one token, back 1 s later: only the last second's 1,000 clients are held.
    expect(limiter.size).toBeLessThanOrEqual(1_002);
    expect(limiter.size).toBeGreaterThanOrEqual(999);
  });
});
