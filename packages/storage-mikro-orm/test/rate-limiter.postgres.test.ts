/** The shared rate limiter passes the rate-limiter conformance suite on PostgreSQL (a second ORM pool is the second server). */
import { mikroOrmRateLimiter, mikroOrmStorage, type MikroOrmStorage } from '@statdesk/storage-mikro-orm';
import { describeRateLimiterConformance } from '@statdesk/testing/conformance';
import { afterAll, beforeAll } from 'vitest';
import { postgresSchema, type PostgresSchema } from './support/postgres';

let db: PostgresSchema;
let second: MikroOrmStorage;
beforeAll(async () => {
  db = await postgresSchema('rate_limits');
  second = await mikroOrmStorage({ driver: 'postgresql', clientUrl: db.url, schema: db.schema });
});
afterAll(async () => {
  await second?.close();
  await db?.drop();
});

describeRateLimiterConformance({
  name: 'mikroOrmRateLimiter on PostgreSQL',
  setup: async (settings) => {
    await db.client.query('TRUNCATE statdesk_rate_buckets');
    const limiter = mikroOrmRateLimiter(db.storage, { ...settings, sweepIntervalMs: 0 });
    return {
      limiter,
      peer: () => mikroOrmRateLimiter(second, { ...settings, sweepIntervalMs: 0 }),
      sweep: () => limiter.sweep(),
      oracle: { buckets: async () => Number((await db.client.query('SELECT count(*) AS n FROM statdesk_rate_buckets')).rows[0].n) },
    };
  },
});
