import { EntitySchema } from '@mikro-orm/core';

/** One client's token bucket of a shared rate limiter. */
export interface RateBucketRow {
  bucketKey: string;
  tokens: number;
  updatedMs: string;
  fullAtMs: number;
  allowed: boolean;
}

/**
 * Table `statdesk_rate_buckets`: the public rate limits every server shares (`mikroOrmRateLimiter`).
 * The key is a SHA-256 of the limiter's name and the client key (an address is never stored as
 * such); a row whose bucket has refilled (`full_at_ms` passed) means nothing and is swept away.
 */
export const RateBucketEntity = new EntitySchema<RateBucketRow>({
  name: 'StatdeskRateBucket',
  tableName: 'statdesk_rate_buckets',
  properties: {
    bucketKey: { type: 'string', length: 64, primary: true },
    tokens: { type: 'double' },
    updatedMs: { type: 'bigint' },
    fullAtMs: { type: 'double', index: 'statdesk_rate_buckets_full_at_index' },
    allowed: { type: 'boolean' },
  },
});
