/** The shared rate limiter passes the rate-limiter conformance suite on SQLite (one file; a second connection is the second server). */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mikroOrmRateLimiter, mikroOrmStorage, type MikroOrmStorage } from '@statdesk/storage-mikro-orm';
import { describeRateLimiterConformance } from '@statdesk/testing/conformance';
import { afterAll } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'statdesk-rate-limits-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let files = 0;

describeRateLimiterConformance({
  name: 'mikroOrmRateLimiter on SQLite',
  setup: async (settings) => {
    const dbName = join(dir, `limits-${++files}.sqlite`);
    const storage = await mikroOrmStorage({ driver: 'sqlite', dbName, migrate: true });
    const opened: MikroOrmStorage[] = [storage];
    const limiter = mikroOrmRateLimiter(storage, { ...settings, sweepIntervalMs: 0 });
    return {
      limiter,
      peer: async () => {
        const second = await mikroOrmStorage({ driver: 'sqlite', dbName });
        opened.push(second);
        return mikroOrmRateLimiter(second, { ...settings, sweepIntervalMs: 0 });
      },
      sweep: () => limiter.sweep(),
      oracle: { buckets: async () => Number((await storage.database.session((s) => s.all('SELECT count(*) AS n FROM statdesk_rate_buckets', [])))[0]!.n) },
      teardown: async () => {
        for (const s of opened) await s.close();
      },
    };
  },
});
