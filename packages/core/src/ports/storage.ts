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
import type { ReportReads, SlaOutcomeRecord } from './reports';
import type { WorkItemQuery, WorkItemRecord } from './work-items';

/** Addresses one instance: its tenant and id. */
export interface InstanceRef {
  /** The tenant. */
  tenantId: string;
  /** The instance id, unique per tenant. */
  instanceId: string;
}

/** `active` while the machine runs, `done` once it reached a final state. */
export type InstanceStatus = 'active' | 'done';

/** A workflow instance as storage keeps it. */
export interface InstanceRecord {
  /** The tenant. */
  tenantId: string;
  /** The instance id, unique per tenant. */
  id: string;
  /** Workflow name, e.g. `information-order`. */
  workflow: string;
  /** The definition version the instance runs on. */
  definitionVersion: string;
  /** The state value flattened to a string (`consultation.awaitingApplicant`), for queries. */
  state: string;
  /** Active or done. */
  status: InstanceStatus;
  /** The actor id that owns the record (the citizen), if any. */
  ownerId: string | null;
  /** XState's persisted snapshot, JSON-encoded by the engine. */
  snapshot: JsonValue;
  /** Row version for compare-and-set: 1 on insert, +1 on every update. */
  version: number;
  /** Sequence number and hash of the newest history row: the head of the hash chain. */
  historySeq: number;
  /** The hash of that row. */
  historyHash: string;
  /** The instance's lookup keys, as last set with `setInstanceKeys`. */
  keys: InstanceKey[];
  /** When it was created (UTC). */
  createdAt: Date;
  /** When it last changed (UTC). */
  updatedAt: Date;
}

/**
 * A lookup key on an instance (a complaint's tracking code, a receipt's bank tracking number).
 * At most one instance per (tenant, name, value) holds it as a `unique` key; shared
 * (non-unique) holders of the same value do not block it, and are found by lookups alike.
 */
export interface InstanceKey {
  /** The key's name, e.g. `complaint.tracking`. */
  name: string;
  /** The key's value. */
  value: string;
  /** Whether at most one instance per tenant may hold it. */
  unique: boolean;
}

/** One row of an instance's append-only, hash-chained history. */
export interface HistoryRecord {
  /** The tenant. */
  tenantId: string;
  /** The instance. */
  instanceId: string;
  /** 1, 2, 3, … with no gaps, per instance. */
  seq: number;
  /** When (UTC). */
  at: Date;
  /** Who acted. */
  actorId: string;
  /** The role they acted under. */
  actorRole: string;
  /** The event (or `create`). */
  eventType: string;
  /** `null` for the row that created the instance. */
  fromState: string | null;
  /** State after. */
  toState: string;
  /** The definition version that handled it. */
  definitionVersion: string;
  /** The event after redaction of personal data; `null` when the event carried nothing. */
  payload: JsonValue;
  /** The previous row's hash (`GENESIS_HASH` for the first row). */
  prevHash: string;
  /** This row's hash (see `hashHistory`). */
  hash: string;
}

/** A durable timer: an event to deliver to an instance at `dueAt`. */
export interface TimerRecord {
  /** Timer id (new on every re-schedule). */
  id: string;
  /** The tenant. */
  tenantId: string;
  /** The instance it fires into. */
  instanceId: string;
  /** Unique per instance: re-scheduling a key replaces the timer (and gives it a new id). */
  key: string;
  /** When it is due (UTC). */
  dueAt: Date;
  /** The event delivered when the timer fires. */
  event: JsonValue;
  /** When it was scheduled (UTC). */
  createdAt: Date;
}

/** A timer by tenant and id, as `consumeTimers` takes it. */
export interface TimerRef {
  /** The tenant. */
  tenantId: string;
  /** The timer's id. */
  timerId: string;
}

/** `pending` until done, `done` once the handler succeeded, `dead` when it failed for good. */
export type OutboxStatus = 'pending' | 'done' | 'dead';

/** An effect written with the state change that caused it, delivered later by a worker. */
export interface OutboxRecord {
  /** Row id. */
  id: string;
  /** The tenant. */
  tenantId: string;
  /** The instance that produced it. */
  instanceId: string;
  /** The effect's type, e.g. `notify`: selects the handler. */
  type: string;
  /** The effect's payload (JSON-encoded by the engine). */
  payload: JsonValue;
  /** Stable across retries and restarts; handed to the provider to make the effect idempotent. */
  idempotencyKey: string;
  /** Pending, done or dead. */
  status: OutboxStatus;
  /** Attempts made so far. */
  attempts: number;
  /** When it may be tried (again) (UTC). */
  nextAttemptAt: Date;
  /** The last failure's message. */
  lastError: string | null;
  /** When it was written (UTC). */
  createdAt: Date;
  /** When it was done or dead-lettered. */
  completedAt: Date | null;
}

/** The stored result of an idempotent command. */
export interface CommandRecord {
  /** The tenant. */
  tenantId: string;
  /** The caller's key, unique per tenant. */
  idempotencyKey: string;
  /** A hash of the command, to tell a replay from a different command reusing the key. */
  fingerprint: string;
  /** The command's result, returned again for a replay. */
  result: JsonValue;
  /** When it ran (UTC). */
  createdAt: Date;
}

/** A lease taken by `claimDueTimers`/`claimOutbox`. */
export interface ClaimOptions {
  /** The instant rows must be due by (UTC). */
  now: Date;
  /** How many rows at most. */
  limit: number;
  /** How long the claim holds; after it, another worker may claim the row again. */
  leaseMs: number;
  /** Who holds the lease. */
  workerId: string;
}

/** A failed outbox attempt, as `failOutbox` records it. */
export interface OutboxFailure {
  /** The failure's message (no personal data). */
  error: string;
  /** When to try again; ignored when `dead`. */
  nextAttemptAt: Date;
  /** No more attempts: the row is kept as `dead` with its last error. */
  dead: boolean;
  /**
   * The claim this attempt ran under (`ClaimOptions.workerId`). When given, the failure is
   * recorded only while the row is still leased to this claim: a late finisher whose lease ran
   * out and was taken by a newer attempt cannot overwrite that attempt's result.
   */
  leaseOwner?: string;
}

/** Which instances `Storage.listInstances` returns. */
export interface InstanceQuery {
  /** The tenant. */
  tenantId: string;
  /** Only this workflow's instances. */
  workflow?: string;
  /** Any of these flattened states (exact match). */
  states?: readonly string[];
  /** Only active or only done instances. */
  status?: InstanceStatus;
  /** Only instances of this owner. */
  ownerId?: string;
  /** 1..500. */
  limit: number;
  /** The `nextCursor` of the previous page. */
  cursor?: string;
}

/** One page of results. */
export interface Page<T> {
  /** The items on this page. */
  items: T[];
  /** Present when more items follow. */
  nextCursor?: string;
}

/**
 * What a storage transaction offers the engine: instance reads and compare-and-set writes, history, keys,
 * timers, the outbox and command results, all committed or rolled back together.
 */
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
   * Optional: claim and consume up to `limit` timers due at `now` in this transaction, soonest
   * first, passing over timers another transaction holds and timers whose lease still holds.
   * Like `claimDueTimers` followed by `consumeTimer` for each, but without writing a lease: if
   * the transaction rolls back, the timers are due again at once. Two transactions never both
   * commit having taken one timer. The engine prefers it, when present, for batched delivery.
   */
  takeDueTimers?(options: { now: Date; limit: number }): Promise<TimerRecord[]>;
  /**
   * Optional: `loadInstance` for several instances at once, as of this transaction. Returns the
   * records found (missing ones are simply absent), in any order.
   */
  loadInstances?(refs: readonly InstanceRef[]): Promise<InstanceRecord[]>;
  /** Writes effects to the outbox, to be dispatched after commit. */
  enqueueOutbox(records: readonly OutboxRecord[]): Promise<void>;
  /** The stored result of a command by idempotency key, as of this transaction. */
  getCommand(tenantId: string, idempotencyKey: string): Promise<CommandRecord | undefined>;
  /** MUST raise `ConflictError` when the (tenant, key) exists. */
  saveCommand(record: CommandRecord): Promise<void>;
  /** Insert or replace SLA outcomes by (tenant, instance, policy, target, cycle); see `ports/reports.ts`. */
  recordSlaOutcomes(records: readonly SlaOutcomeRecord[]): Promise<void>;
  /** Insert, or replace the instance's work item (one per tenant and instance). */
  putWorkItem(record: WorkItemRecord): Promise<void>;
  /** Delete the instance's work item (the instance closed); none is fine. */
  deleteWorkItem(ref: InstanceRef): Promise<void>;
}

/**
 * The storage port (see the module contract above): transactions for commands, reads for views, and leased
 * claims of due timers and outbox rows for workers. Every adapter must pass `describeStorageConformance` from
 * `@statdesk/testing/conformance`.
 */
export interface Storage extends ReportReads {
  /**
   * Run `fn` in one atomic unit of work. Commits when `fn` resolves, rolls back when it
   * rejects (rethrowing its error). Conflicts detected at commit reject with `ConflictError`.
   */
  transaction<T>(fn: (tx: StorageTransaction) => Promise<T>): Promise<T>;

  /** The committed instance, or `undefined`. */
  getInstance(ref: InstanceRef): Promise<InstanceRecord | undefined>;
  /** Ordered by `createdAt`, then `id`; paginated by an opaque cursor. Never unbounded. */
  listInstances(query: InstanceQuery): Promise<Page<InstanceRecord>>;
  /** The instance's history in `seq` order. */
  readHistory(ref: InstanceRef): Promise<HistoryRecord[]>;
  /** The stored result of a command by idempotency key. */
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
  /**
   * Mark a claimed row done (attempts + 1). Ignored when the row is no longer pending, and, when
   * `leaseOwner` is given, when the row is no longer leased to that claim (a newer attempt took it
   * after this one's lease ran out: the newer attempt's result stands).
   */
  completeOutbox(id: string, at: Date, leaseOwner?: string): Promise<void>;
  /** Record a failed attempt (attempts + 1), releasing the lease. Ignored when not pending (see `OutboxFailure.leaseOwner`). */
  failOutbox(id: string, failure: OutboxFailure): Promise<void>;
  /**
   * Optional: extend the lease of a pending row still leased to `leaseOwner` until `until`.
   * Resolves `false` when the row is done, dead, or leased to another claim (it must then not be
   * run). The engine renews each row of a claimed batch just before running it, so a row waiting
   * behind slow effects is never run by two workers at once; without it, it claims one row per lease.
   */
  renewOutboxLease?(id: string, leaseOwner: string, until: Date): Promise<boolean>;

  /**
   * A page of committed work items matching `query`, most urgent first (`urgencyRank`, `sortAt`,
   * `instanceId` ascending; see `work-items.ts`). Its cost must not grow with the number of
   * instances: index the sort key. Checks the query with `checkWorkItemQuery`.
   */
  listWorkItems(query: WorkItemQuery): Promise<Page<WorkItemRecord>>;
}
