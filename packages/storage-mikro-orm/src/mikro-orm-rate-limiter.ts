/**
 * `mikroOrmRateLimiter`: token buckets in `statdesk_rate_buckets`, on the storage's own database,
 * so every server of a deployment spends one budget per client (the no-scraping rule holds however
 * many servers run). Each request is one `INSERT … ON CONFLICT DO UPDATE … RETURNING` on one row:
 * atomic under concurrency (two servers never spend one token twice) and the same cost whatever
 * the number of clients. A bucket that has refilled is the same as none, so a background sweep
 * deletes rows past `full_at_ms`, a bounded batch at a time.
 */
import { createHash } from 'node:crypto';
import { systemClock, type Clock, type RateDecision, type RateLimiter } from '@statdesk/core';
import type { MikroOrmStorage } from './mikro-orm-storage';
import type { Dialect } from './orm-config';
import type { SqlDatabase } from './sql/sql-database';

/** Options of {@link mikroOrmRateLimiter}. */
export interface MikroOrmRateLimiterOptions {
  /** Most requests in a burst. */
  capacity: number;
  /** One token comes back every `refillMs` milliseconds. */
  refillMs: number;
  /**
   * Which limit this is (`public`, `registration`…): limiters of different names keep separate
   * buckets in the one table. Default `public`.
   */
  name?: string;
  /** The clock (default the system clock). Servers sharing a limiter should keep their clocks in sync. */
  clock?: Clock;
  /** How often expired buckets are deleted in the background (default 60 s; 0 turns the sweep off). */
  sweepIntervalMs?: number;
}

/** Rows one sweep statement deletes at most, so a sweep never holds locks for long. */
const SWEEP_BATCH = 1_000;

function statements(dialect: Dialect) {
  const least = dialect === 'postgresql' ? 'LEAST' : 'MIN';
  const greatest = dialect === 'postgresql' ? 'GREATEST' : 'MAX';
  const now = 'CAST(:now AS bigint)';
  const capacity = 'CAST(:capacity AS double precision)';
  const refill = 'CAST(:refill AS double precision)';
  const table = 'statdesk_rate_buckets';
  // The bucket as refilled up to now (SET expressions see the row as it was).
  const refilled = `${least}(${capacity}, ${table}.tokens + ${greatest}(0, ${now} - ${table}.updated_ms) / ${refill})`;
  const spent = `(CASE WHEN ${refilled} >= 1 THEN ${refilled} - 1 ELSE ${refilled} END)`;
  const take = `INSERT INTO ${table} (bucket_key, tokens, updated_ms, full_at_ms, allowed)
    VALUES (:key, ${capacity} - 1, ${now}, ${now} + ${refill}, ${dialect === 'postgresql' ? 'true' : '1'})
    ON CONFLICT (bucket_key) DO UPDATE SET
      allowed = (${refilled} >= 1),
      tokens = ${spent},
      updated_ms = ${greatest}(${now}, ${table}.updated_ms),
      full_at_ms = ${now} + (${capacity} - ${spent}) * ${refill}
    RETURNING tokens, allowed`;
  const sweep =
    dialect === 'postgresql'
      ? `DELETE FROM ${table} WHERE bucket_key IN (SELECT bucket_key FROM ${table} WHERE full_at_ms <= ? LIMIT ${SWEEP_BATCH} FOR UPDATE SKIP LOCKED)`
      : `DELETE FROM ${table} WHERE bucket_key IN (SELECT bucket_key FROM ${table} WHERE full_at_ms <= ? LIMIT ${SWEEP_BATCH})`;
  return { take: positional(take), sweep };
}

type TakeParameter = 'key' | 'now' | 'capacity' | 'refill';

/** `:name` placeholders → `?`, with the names in the order the driver wants the values. */
function positional(text: string): { text: string; order: TakeParameter[] } {
  const order: TakeParameter[] = [];
  const out = text.replace(/:(key|now|capacity|refill)\b/g, (_match, name: TakeParameter) => {
    order.push(name);
    return '?';
  });
  return { text: out, order };
}

/**
 * A `RateLimiter` whose buckets live in the storage's database, shared by every server on it; build one with
 * {@link mikroOrmRateLimiter}.
 */
export class MikroOrmRateLimiter implements RateLimiter {
  private readonly sql: ReturnType<typeof statements>;
  private readonly clock: Clock;
  private readonly name: string;
  private timer: NodeJS.Timeout | undefined;
  private closed = false;

  /** @internal use `mikroOrmRateLimiter()`. */
  constructor(
    private readonly db: SqlDatabase,
    private readonly options: MikroOrmRateLimiterOptions,
  ) {
    if (!Number.isInteger(options.capacity) || options.capacity < 1) throw new RangeError('mikroOrmRateLimiter: capacity must be a whole number of at least 1');
    if (!(options.refillMs > 0)) throw new RangeError('mikroOrmRateLimiter: refillMs must be positive');
    this.sql = statements(db.dialect);
    this.clock = options.clock ?? systemClock;
    this.name = options.name ?? 'public';
  }

  /** Spends one token of `key`'s bucket: one statement, whatever the number of clients. */
  async take(key: string): Promise<RateDecision> {
    this.startSweeping();
    const now = this.clock.now().getTime();
    const { capacity, refillMs } = this.options;
    const values: Record<TakeParameter, unknown> = { key: this.bucketKey(key), now, capacity, refill: refillMs };
    const params = this.sql.take.order.map((name) => values[name]);
    const [row] = await this.db.session((s) => s.all(this.sql.take.text, params));
    const tokens = Number(row?.tokens);
    const allowed = row?.allowed === true || row?.allowed === 1;
    return allowed
      ? { allowed: true, remaining: Math.floor(tokens + 1e-9), retryAfterMs: 0 }
      : { allowed: false, remaining: 0, retryAfterMs: Math.ceil((1 - tokens) * refillMs - 1e-6) };
  }

  /** Deletes the buckets that have refilled (the background sweep does this every `sweepIntervalMs`); returns how many. */
  async sweep(): Promise<number> {
    const now = this.clock.now().getTime();
    let removed = 0;
    for (;;) {
      const deleted = await this.db.session((s) => s.run(this.sql.sweep, [now]));
      removed += deleted;
      if (deleted < SWEEP_BATCH) return removed;
    }
  }

  /** Stops the background sweep (the rows stay; another server's sweep or a later one removes them). */
  close(): void {
    this.closed = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  private startSweeping(): void {
    const every = this.options.sweepIntervalMs ?? 60_000;
    if (this.timer || this.closed || every <= 0) return;
    this.timer = setInterval(() => {
      // A failed sweep (the database away for a moment) is tried again at the next interval.
      this.sweep().catch(() => {});
    }, every);
    this.timer.unref();
  }

  private bucketKey(key: string): string {
    return createHash('sha256').update(this.name).update('\u0000').update(key).digest('hex');
  }
}

/**
 * A rate limiter shared by every server on the storage's database (run the storage's migrations first).
 * Give each limit its own `name`; stop the background sweep with `close()` on shutdown.
 */
export function mikroOrmRateLimiter(storage: MikroOrmStorage, options: MikroOrmRateLimiterOptions): MikroOrmRateLimiter {
  return new MikroOrmRateLimiter(storage.database, options);
}
