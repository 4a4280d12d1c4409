/**
 * What a storage test reads the backend with: an oracle that bypasses the adapter under test
 * (MemoryStorage's tables, or plain SQL on a connection of its own), so a test sees what was
 * really written.
 */
import type { HistoryRecord, InstanceRecord, InstanceRef, OutboxRecord, Storage, TimerRecord } from '@statdesk/core';

type Awaitable<T> = T | Promise<T>;

/** Direct reads of the stored rows; results may be synchronous (memory) or promised (SQL). */
export interface StorageOracle {
  /** The instance row, or `undefined` when there is none. */
  instance(ref: InstanceRef): Awaitable<InstanceRecord | undefined>;
  /** The instance's history rows in `seq` order. */
  history(ref: InstanceRef): Awaitable<HistoryRecord[]>;
  /** Pending timer rows, of one instance or of all. */
  timers(ref?: InstanceRef): Awaitable<TimerRecord[]>;
  /** Outbox rows, of one instance or of all. */
  outbox(ref?: InstanceRef): Awaitable<OutboxRecord[]>;
  /** Row counts per table: a test compares them before and after a refused command. */
  counts(): Awaitable<{ instances: number; history: number; timers: number; outbox: number; commands: number }>;
}

/** A storage adapter to test, the oracle that reads its backend, and how to dispose of both. */
export interface StorageUnderTest {
  /** The adapter under test. */
  storage: Storage;
  /** Direct reads of its backend. */
  oracle: StorageOracle;
  /** Called once the test is done with this storage (drop a schema, close a pool). */
  teardown?: () => Promise<void>;
}
