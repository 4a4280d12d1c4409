/**
 * The storage port: where the engine keeps workflow instances, their history, durable timers,
 * the outbox and command idempotency keys.
 *
 * How to implement it
 * -------------------
 * Implement `Storage` over your database and run the shared conformance suite from
 * `@statdesk/testing` (`describeStorageConformance`) against it; an adapter is correct when the
 * suite passes. Every record is scoped by `tenantId`: a read never returns another tenant's rows,
 * and a missing record and another tenant's record look the same (`undefined`).
 *
 * Values in `snapshot`, `event`, `payload` and `result` are JSON values (the engine has already
 * encoded bigints and dates). Store them as JSON; return structurally equal copies, never live
 * references into the store. Dates are instants; return `Date` objects.
 *
 * Atomicity: everything done through one `StorageTransaction` commits together or not at all.
 * Concurrency: the engine relies on the conflicts listed on each method; an adapter MUST raise
 * `ConflictError` (from `@statdesk/core`) for them, either when the method is called or when
 * `transaction()` commits, and in both cases `transaction()` rejects and nothing is written.
 */
import type { JsonValue } from './json';

export interface InstanceRef {
  tenantId: string;
  instanceId: string;
}

export type InstanceStatus = 'active' | 'done';

export interface InstanceRecord {
  tenantId: string;
  id: string;
  /** Workflow name, e.g. `information-order`. */
  workflow: string;
  /** The definition version the instance runs on. */
  definitionVersion: string;
  /** The state value flattened to a string (`consultation.awaitingApplicant`), for queries. */
  state: string;
  status: InstanceStatus;
  /** The actor id that owns the record (the citizen), if any. */
  ownerId: string | null;
  /** XState's persisted snapshot, JSON-encoded by the engine. */
  snapshot: JsonValue;
  /** Row version for compare-and-set: 1 on insert, +1 on every update. */
  version: number;
  /** Sequence number and hash of the newest history row: the head of the hash chain. */
  historySeq: number;
  historyHash: string;
  /** The instance's lookup keys, as last set with `setInstanceKeys`. */
  keys: InstanceKey[];
  createdAt: Date;
  updatedAt: Date;
}

/**
 * A lookup key on an instance (a complaint's tracking code, a receipt's bank tracking number).
 * At most one instance per (tenant, name, value) holds it as a `unique` key; shared
 * (non-unique) holders of the same value do not block it, and are found by lookups alike.
 */
export interface InstanceKey {
  name: string;
  value: string;
  unique: boolean;
}

export interface HistoryRecord {
  tenantId: string;
  instanceId: string;
  /** 1, 2, 3, … with no gaps, per instance. */
  seq: number;
  at: Date;
  actorId: string;
  actorRole: string;
  eventType: string;
  /** `null` for the row that created the instance. */
  fromState: string | null;
  toState: string;
  definitionVersion: string;
  /** The event after redaction of personal data; `null` when the event carried nothing. */
  payload: JsonValue;
  prevHash: string;
  hash: string;
}

export interface TimerRecord {
  id: string;
  tenantId: string;
  instanceId: string;
  /** Unique per instance: re-scheduling a key replaces the timer (and gives it a new id). */
  key: string;
  dueAt: Date;
  /** The event delivered when the timer fires. */
  event: JsonValue;
  createdAt: Date;
}

/** A timer by tenant and id, as `consumeTimers` takes it. */
export interface TimerRef {
  tenantId: string;
  timerId: string;
}

export type OutboxStatus = 'pending' | 'done' | 'dead';

export interface OutboxRecord {
  id: string;
  tenantId: string;
  instanceId: string;
  /** The effect's type, e.g. `notify`: selects the handler. */
  type: string;
  payload: JsonValue;
  /** Stable across retries and restarts; handed to the provider to make the effect idempotent. */
  idempotencyKey: string;
  status: OutboxStatus;
  attempts: number;
  nextAttemptAt: Date;
  lastError: string | null;
  createdAt: Date;
  completedAt: Date | null;
}

export interface CommandRecord {
  tenantId: string;
  idempotencyKey: string;
  /** A hash of the command, to tell a replay from a different command reusing the key. */
  fingerprint: string;
  result: JsonValue;
  createdAt: Date;
}

/** A lease taken by `claimDueTimers`/`claimOutbox`. */
export interface ClaimOptions {
  now: Date;
  limit: number;
  /** How long the claim holds; after it, another worker may claim the row again. */
  leaseMs: number;
  workerId: string;
}

export interface OutboxFailure {
  error: string;
  /** When to try again; ignored when `dead`. */
  nextAttemptAt: Date;
  /** No more attempts: the row is kept as `dead` with its last error. */
  dead: boolean;
}

export interface InstanceQuery {
  tenantId: string;
  workflow?: string;
  /** Any of these flattened states (exact match). */
  states?: readonly string[];
  status?: InstanceStatus;
  ownerId?: string;
  /** 1..500. */
  limit: number;
  /** The `nextCursor` of the previous page. */
  cursor?: string;
}

export interface Page<T> {
  items: T[];
  /** Present when more items follow. */
  nextCursor?: string;
}

export interface StorageTransaction {
  /** The instance as of this transaction (including its own writes), or `undefined`. */
  loadInstance(ref: InstanceRef): Promise<InstanceRecord | undefined>;
  /** MUST raise `ConflictError` when an instance with this tenant and id exists. */
  insertInstance(record: InstanceRecord): Promise<void>;
  /**
   * Compare-and-set: replaces the instance only if its stored `version` is `expectedVersion`
   * (`record.version` is then `expectedVersion + 1`). MUST raise `ConflictError` otherwise.
   */
  updateInstance(record: InstanceRecord, expectedVersion: number): Promise<void>;
  /** Append-only. MUST raise `ConflictError` when the (tenant, instance, seq) row exists. */
  appendHistory(record: HistoryRecord): Promise<void>;
  /** The instance's history in `seq` order, including rows appended by this transaction. */
  readHistory(ref: InstanceRef): Promise<HistoryRecord[]>;
  /**
   * Replace the instance's lookup keys (the instance row's `keys` is updated by the caller).
   * MUST raise `ConflictError` with `details.entity === 'instance-key'` and `details.id` the
   * key's name when a unique (tenant, name, value) is held by another instance.
   */
  setInstanceKeys(ref: InstanceRef, keys: readonly InstanceKey[]): Promise<void>;
  /** Instances holding this key, as of this transaction; at most `limit` (default 20). */
  findInstancesByKey(tenantId: string, name: string, value: string, limit?: number): Promise<InstanceRef[]>;
  /** Insert, or replace the timer with the same (tenant, instance, key). */
  putTimer(record: TimerRecord): Promise<void>;
  /** Delete the instance's timers with these keys; unknown keys are ignored. */
  deleteTimers(ref: InstanceRef, keys: readonly string[]): Promise<void>;
  /** Delete every timer of the instance. */
  deleteAllTimers(ref: InstanceRef): Promise<void>;
  /** The instance's pending timers, soonest first. */
  listTimers(ref: InstanceRef): Promise<TimerRecord[]>;
  /**
   * Take a claimed timer for delivery: deletes it and returns `true` if the row with this id
   * still exists, `false` if it was cancelled, replaced or consumed already. Of two
   * transactions consuming one timer, at most one commits: the other sees `false` or a
   * `ConflictError`.
   */
  consumeTimer(tenantId: string, timerId: string): Promise<boolean>;
  /**
   * Optional: `consumeTimer` for several timers at once (one round trip on a database). Returns
   * the ids of those it consumed; each timer has exactly `consumeTimer`'s guarantees. The engine
   * uses it, when present, to deliver a batch of timers in one transaction.
   */
  consumeTimers?(timers: readonly TimerRef[]): Promise<ReadonlySet<string>>;
  /**
   * Optional: `loadInstance` for several instances at once, as of this transaction. Returns the
   * records found (missing ones are simply absent), in any order.
   */
  loadInstances?(refs: readonly InstanceRef[]): Promise<InstanceRecord[]>;
  enqueueOutbox(records: readonly OutboxRecord[]): Promise<void>;
  getCommand(tenantId: string, idempotencyKey: string): Promise<CommandRecord | undefined>;
  /** MUST raise `ConflictError` when the (tenant, key) exists. */
  saveCommand(record: CommandRecord): Promise<void>;
}

export interface Storage {
  /**
   * Run `fn` in one atomic unit of work. Commits when `fn` resolves, rolls back when it
   * rejects (rethrowing its error). Conflicts detected at commit reject with `ConflictError`.
   */
  transaction<T>(fn: (tx: StorageTransaction) => Promise<T>): Promise<T>;

  getInstance(ref: InstanceRef): Promise<InstanceRecord | undefined>;
  /** Ordered by `createdAt`, then `id`; paginated by an opaque cursor. Never unbounded. */
  listInstances(query: InstanceQuery): Promise<Page<InstanceRecord>>;
  /** The instance's history in `seq` order. */
  readHistory(ref: InstanceRef): Promise<HistoryRecord[]>;
  getCommand(tenantId: string, idempotencyKey: string): Promise<CommandRecord | undefined>;
  /** Instances holding this key (committed), oldest first; at most `limit` (default 20). */
  findInstancesByKey(tenantId: string, name: string, value: string, limit?: number): Promise<InstanceRef[]>;

  /**
   * Claim up to `limit` timers (of any tenant) due at `now` whose lease is free or expired,
   * soonest first, leasing them to `workerId` for `leaseMs`. Two concurrent callers MUST NOT
   * receive the same timer while its lease holds (`FOR UPDATE SKIP LOCKED` or equivalent).
   */
  claimDueTimers(options: ClaimOptions): Promise<TimerRecord[]>;
  /** The earliest due time among all pending timers, for a worker deciding how long to sleep. */
  nextTimerDue(): Promise<Date | undefined>;

  /** As `claimDueTimers`, for `pending` outbox rows whose `nextAttemptAt` has come, oldest first. */
  claimOutbox(options: ClaimOptions): Promise<OutboxRecord[]>;
  /** Mark a claimed row done (attempts + 1). Ignored when the row is no longer pending. */
  completeOutbox(id: string, at: Date): Promise<void>;
  /** Record a failed attempt (attempts + 1), releasing the lease. Ignored when not pending. */
  failOutbox(id: string, failure: OutboxFailure): Promise<void>;
}
