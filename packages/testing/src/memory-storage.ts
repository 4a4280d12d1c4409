/**
 * In-memory storage: the default for tests and the reference for adapter authors.
 *
 * It models optimistic transactions the way a database does under read-committed isolation:
 * a transaction reads committed rows (and its own writes), buffers its writes, and validates
 * them at commit — a stale compare-and-set, an existing key or a timer already consumed fails
 * the whole commit with `ConflictError`. Commit itself is synchronous, so it is atomic in
 * JavaScript's single thread. Two commands racing on one instance therefore really race.
 */
import {
  checkWorkItemQuery,
  compareWorkItems,
  ConflictError,
  encodeWorkItemCursor,
  ValidationError,
  workItemMatches,
  type ClaimOptions,
  type CommandRecord,
  type HistoryRecord,
  type InstanceKey,
  type InstanceQuery,
  type InstanceRecord,
  type InstanceRef,
  type OutboxFailure,
  type OutboxRecord,
  type Page,
  type ReportPeriod,
  type RevenueLine,
  type RevenueTotal,
  type SatisfactionCount,
  type SatisfactionSource,
  type SlaComplianceCount,
  type SlaOutcomeRecord,
  type Storage,
  type StorageTransaction,
  type TimerRecord,
  type TimerRef,
  type VolumeCount,
  type WorkItemQuery,
  type WorkItemRecord,
} from '@statdesk/core';
import { copyRow } from './copy-row';
import { PairMap } from './pair-map';
import { memoryRevenue, memorySatisfaction, memorySlaCompliance, memoryVolumes } from './memory-reports';

interface Lease {
  workerId: string;
  until: number;
}

/** The tables, as plain maps. Per-instance tables are keyed by (tenant, instance) pairs; others by `tenant \u0000 …` composites. */
interface Tables {
  /** Timer ids taken by open transactions (`takeDueTimers`), which others pass over. */
  held: Set<string>;
  instances: PairMap<InstanceRecord>;
  history: PairMap<HistoryRecord[]>;
  timers: Map<string, TimerRecord & { lease?: Lease }>;
  /** `tenant, instance` → timer key → timer id: an instance's timers without a full scan. */
  timersByInstance: PairMap<Map<string, string>>;
  outbox: Map<string, OutboxRecord & { lease?: Lease }>;
  commands: Map<string, CommandRecord>;
  /** Lookup keys: `tenant, name, value` → instance ids holding it (with its uniqueness). */
  keyIndex: Map<string, Map<string, boolean>>;
  /** Each instance's current keys: `tenant, instance` → keys. */
  instanceKeys: Map<string, InstanceKey[]>;
  /** SLA outcomes: `tenant, instance, policy, target, cycle` → outcome. */
  slaOutcomes: Map<string, SlaOutcomeRecord>;
  /** Work items of open instances. */
  workItems: PairMap<WorkItemRecord>;
}

type Op =
  | { kind: 'insertInstance'; record: InstanceRecord }
  | { kind: 'updateInstance'; record: InstanceRecord; expectedVersion: number }
  | { kind: 'appendHistory'; record: HistoryRecord }
  | { kind: 'putTimer'; record: TimerRecord }
  | { kind: 'deleteTimers'; ref: InstanceRef; keys: readonly string[] | 'all' }
  | { kind: 'consumeTimer'; tenantId: string; timerId: string }
  | { kind: 'enqueueOutbox'; records: readonly OutboxRecord[] }
  | { kind: 'saveCommand'; record: CommandRecord }
  | { kind: 'setKeys'; ref: InstanceRef; keys: InstanceKey[] }
  | { kind: 'recordSlaOutcomes'; records: SlaOutcomeRecord[] }
  | { kind: 'putWorkItem'; record: WorkItemRecord }
  | { kind: 'deleteWorkItem'; ref: InstanceRef };

// Two or three parts: a template costs far less than joining a rest array, on every call.
const key = (a: string, b: string, c?: string) => (c === undefined ? `${a}\u0000${b}` : `${a}\u0000${b}\u0000${c}`);
const clone = copyRow;

/** Direct reads of a `MemoryStorage`'s tables, bypassing the desk, for test assertions. */
export interface MemoryStorageOracle {
  /** The stored instance row. */
  instance(ref: InstanceRef): InstanceRecord | undefined;
  /** The instance's history rows, in order. */
  history(ref: InstanceRef): HistoryRecord[];
  /** Timers of one instance, or all. */
  timers(ref?: InstanceRef): TimerRecord[];
  /** Outbox entries of one instance, or all. */
  outbox(ref?: InstanceRef): OutboxRecord[];
  /** All idempotent command records. */
  commands(): CommandRecord[];
  /** Row counts per table. */
  counts(): { instances: number; history: number; timers: number; outbox: number; commands: number };
  /** Overwrite a stored history row, as a tamperer with database access would. */
  tamperHistory(ref: InstanceRef, seq: number, change: Partial<HistoryRecord>): void;
}

/**
 * `Storage` in memory with the same transactional semantics as the SQL adapters (optimistic versions, leases,
 * unique keys); passes the storage conformance suite. For tests and single-process demos.
 */
export class MemoryStorage implements Storage {
  private readonly tables: Tables = {
    instances: new PairMap(),
    history: new PairMap(),
    timers: new Map(),
    timersByInstance: new PairMap(),
    outbox: new Map(),
    commands: new Map(),
    keyIndex: new Map(),
    instanceKeys: new Map(),
    slaOutcomes: new Map(),
    held: new Set(),
    workItems: new PairMap(),
  };

  /** Direct reads of the tables, bypassing the port: the conformance suite's oracle. */
  readonly oracle: MemoryStorageOracle = {
    instance: (ref) => clone(this.tables.instances.get(ref.tenantId, ref.instanceId)),
    history: (ref) => clone(this.tables.history.get(ref.tenantId, ref.instanceId) ?? []),
    timers: (ref) => [...this.tables.timers.values()].filter((t) => !ref || (t.tenantId === ref.tenantId && t.instanceId === ref.instanceId)).map(stripLease),
    outbox: (ref) => [...this.tables.outbox.values()].filter((o) => !ref || (o.tenantId === ref.tenantId && o.instanceId === ref.instanceId)).map(stripLease),
    commands: () => [...this.tables.commands.values()].map(clone),
    counts: () => ({
      instances: this.tables.instances.size,
      history: [...this.tables.history.values()].reduce((n, rows) => n + rows.length, 0),
      timers: this.tables.timers.size,
      outbox: this.tables.outbox.size,
      commands: this.tables.commands.size,
    }),
    tamperHistory: (ref, seq, change) => {
      const row = this.tables.history.get(ref.tenantId, ref.instanceId)?.find((r) => r.seq === seq);
      if (!row) throw new Error(`no history row ${seq}`);
      Object.assign(row, change);
    },
  };

  async transaction<T>(fn: (tx: StorageTransaction) => Promise<T>): Promise<T> {
    const tx = new MemoryTransaction(this.tables);
    try {
      const result = await fn(tx);
      commit(this.tables, tx.ops);
      return result;
    } finally {
      // Timers taken by `takeDueTimers` are held, as row locks are, until the transaction ends.
      for (const id of tx.holding) this.tables.held.delete(id);
    }
  }

  async reportSlaCompliance(period: ReportPeriod): Promise<SlaComplianceCount[]> {
    return memorySlaCompliance(this.tables.slaOutcomes.values(), period);
  }

  async reportVolumes(period: ReportPeriod, kindField = 'kind'): Promise<VolumeCount[]> {
    return memoryVolumes(this.tables.instances.values(), (ref) => this.tables.history.get(ref.tenantId, ref.id)?.[0], period, kindField);
  }

  async reportRevenue(period: ReportPeriod, lines: readonly RevenueLine[]): Promise<RevenueTotal[]> {
    return memoryRevenue(this.tables.instances.values(), (i) => this.tables.history.get(i.tenantId, i.id) ?? [], period, lines);
  }

  async reportSatisfaction(period: ReportPeriod, source: SatisfactionSource): Promise<SatisfactionCount[]> {
    return memorySatisfaction(this.tables.instances.values(), (i) => this.tables.history.get(i.tenantId, i.id) ?? [], period, source);
  }

  async getInstance(ref: InstanceRef): Promise<InstanceRecord | undefined> {
    return clone(this.tables.instances.get(ref.tenantId, ref.instanceId));
  }

  async listInstances(query: InstanceQuery): Promise<Page<InstanceRecord>> {
    const after = query.cursor ? decodeCursor(query.cursor) : undefined;
    const matching = [...this.tables.instances.values()]
      .filter(
        (r) =>
          r.tenantId === query.tenantId &&
          (query.workflow === undefined || r.workflow === query.workflow) &&
          (query.states === undefined || query.states.includes(r.state)) &&
          (query.status === undefined || r.status === query.status) &&
          (query.ownerId === undefined || r.ownerId === query.ownerId),
      )
      .sort(byCreated)
      .filter((r) => !after || byCreated(r, after) > 0);
    const items = matching.slice(0, query.limit).map(clone);
    const last = items[items.length - 1];
    return matching.length > query.limit && last ? { items, nextCursor: encodeCursor(last) } : { items };
  }

  async readHistory(ref: InstanceRef): Promise<HistoryRecord[]> {
    return clone(this.tables.history.get(ref.tenantId, ref.instanceId) ?? []);
  }

  async listWorkItems(query: WorkItemQuery): Promise<Page<WorkItemRecord>> {
    const after = checkWorkItemQuery(query);
    // A scan: memory is for tests and demos; the SQL adapters answer from an index.
    const matching = [...this.tables.workItems.values()]
      .filter((item) => workItemMatches(item, query) && (!after || compareWorkItems(item, after) > 0))
      .sort(compareWorkItems);
    const items = matching.slice(0, query.limit).map(clone);
    const last = items[items.length - 1];
    return matching.length > query.limit && last ? { items, nextCursor: encodeWorkItemCursor(last) } : { items };
  }

  async getCommand(tenantId: string, idempotencyKey: string): Promise<CommandRecord | undefined> {
    return clone(this.tables.commands.get(key(tenantId, idempotencyKey)));
  }

  async findInstancesByKey(tenantId: string, name: string, value: string, limit = 20): Promise<InstanceRef[]> {
    return holders(this.tables, tenantId, name, value, []).slice(0, limit);
  }

  async claimDueTimers(options: ClaimOptions): Promise<TimerRecord[]> {
    return claim([...this.tables.timers.values()], (t) => t.dueAt, options).map(stripLease);
  }

  async nextTimerDue(): Promise<Date | undefined> {
    let next: Date | undefined;
    for (const t of this.tables.timers.values()) if (!next || t.dueAt < next) next = t.dueAt;
    return next && new Date(next);
  }

  async claimOutbox(options: ClaimOptions): Promise<OutboxRecord[]> {
    const pending = [...this.tables.outbox.values()].filter((o) => o.status === 'pending');
    return claim(pending, (o) => o.nextAttemptAt, options).map(stripLease);
  }

  async completeOutbox(id: string, at: Date, leaseOwner?: string): Promise<void> {
    const row = this.tables.outbox.get(id);
    if (!row || row.status !== 'pending' || !heldBy(row, leaseOwner)) return;
    Object.assign(row, { status: 'done', attempts: row.attempts + 1, completedAt: new Date(at), lease: undefined });
  }

  async failOutbox(id: string, failure: OutboxFailure): Promise<void> {
    const row = this.tables.outbox.get(id);
    if (!row || row.status !== 'pending' || !heldBy(row, failure.leaseOwner)) return;
    Object.assign(row, {
      status: failure.dead ? 'dead' : 'pending',
      attempts: row.attempts + 1,
      lastError: failure.error,
      nextAttemptAt: new Date(failure.nextAttemptAt),
      lease: undefined,
    });
  }

  async renewOutboxLease(id: string, leaseOwner: string, until: Date): Promise<boolean> {
    const row = this.tables.outbox.get(id);
    if (!row || row.status !== 'pending' || row.lease?.workerId !== leaseOwner) return false;
    row.lease = { workerId: leaseOwner, until: until.getTime() };
    return true;
  }
}

/** Whether the row is (still) leased to `owner`; no owner given means no fence. */
function heldBy(row: { lease?: Lease }, owner: string | undefined): boolean {
  return owner === undefined || row.lease?.workerId === owner;
}

/** Oldest `due` first, skipping rows whose lease still holds; leases what it returns. */
function claim<R extends { id: string; lease?: Lease }>(rows: R[], due: (row: R) => Date, options: ClaimOptions): R[] {
  const now = options.now.getTime();
  const claimed = rows
    .filter((r) => due(r).getTime() <= now && (!r.lease || r.lease.until <= now))
    .sort((a, b) => due(a).getTime() - due(b).getTime()) // stable: ties keep insertion order
    .slice(0, options.limit);
  for (const row of claimed) row.lease = { workerId: options.workerId, until: now + options.leaseMs };
  return claimed;
}

function stripLease<R extends { lease?: Lease }>(row: R): Omit<R, 'lease'> {
  const { lease: _lease, ...rest } = row;
  return clone(rest);
}

function byCreated(a: { createdAt: Date; id: string }, b: { createdAt: Date; id: string }): number {
  return a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

function encodeCursor(record: InstanceRecord): string {
  return Buffer.from(JSON.stringify([record.createdAt.getTime(), record.id])).toString('base64url');
}

/** A cursor this storage returned, or a `ValidationError` naming `cursor` (clients send them back). */
function decodeCursor(cursor: string): { createdAt: Date; id: string } {
  try {
    const [time, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString()) as unknown[];
    if (Number.isSafeInteger(time) && !Number.isNaN(new Date(time as number).getTime()) && typeof id === 'string') return { createdAt: new Date(time as number), id };
  } catch {
    // Reported below.
  }
  throw new ValidationError('instance query', [{ path: 'cursor', message: 'is not a cursor this storage returned' }]);
}

class MemoryTransaction implements StorageTransaction {
  readonly ops: Op[] = [];
  private readonly ownInstances = new PairMap<InstanceRecord>();
  private readonly ownCommands = new Map<string, CommandRecord>();
  private readonly consumed = new Set<string>();
  /** Timer ids this transaction holds (see `Tables.held`). */
  readonly holding: string[] = [];

  constructor(private readonly tables: Tables) {}

  async loadInstance(ref: InstanceRef): Promise<InstanceRecord | undefined> {
    return clone(this.ownInstances.get(ref.tenantId, ref.instanceId) ?? this.tables.instances.get(ref.tenantId, ref.instanceId));
  }

  async loadInstances(refs: readonly InstanceRef[]): Promise<InstanceRecord[]> {
    const records: InstanceRecord[] = [];
    for (const ref of refs) {
      const record = await this.loadInstance(ref);
      if (record) records.push(record);
    }
    return records;
  }

  async insertInstance(record: InstanceRecord): Promise<void> {
    if (this.tables.instances.has(record.tenantId, record.id) || this.ownInstances.has(record.tenantId, record.id)) {
      throw new ConflictError(`Instance ${record.id} already exists`, { entity: 'instance', id: record.id });
    }
    // One private copy serves both: neither map nor op hands it out or changes it.
    const own = clone(record);
    this.ownInstances.set(record.tenantId, record.id, own);
    this.ops.push({ kind: 'insertInstance', record: own });
  }

  async updateInstance(record: InstanceRecord, expectedVersion: number): Promise<void> {
    const current = this.ownInstances.get(record.tenantId, record.id) ?? this.tables.instances.get(record.tenantId, record.id);
    if (!current || current.version !== expectedVersion) {
      throw staleVersion(record.id, expectedVersion, current?.version);
    }
    const own = clone(record);
    this.ownInstances.set(record.tenantId, record.id, own);
    this.ops.push({ kind: 'updateInstance', record: own, expectedVersion });
  }

  async appendHistory(record: HistoryRecord): Promise<void> {
    this.ops.push({ kind: 'appendHistory', record: clone(record) });
  }

  async readHistory(ref: InstanceRef): Promise<HistoryRecord[]> {
    const committed = this.tables.history.get(ref.tenantId, ref.instanceId) ?? [];
    const own = this.ops.flatMap((op) =>
      op.kind === 'appendHistory' && op.record.tenantId === ref.tenantId && op.record.instanceId === ref.instanceId ? [op.record] : [],
    );
    return clone([...committed, ...own].sort((a, b) => a.seq - b.seq));
  }

  async setInstanceKeys(ref: InstanceRef, keys: readonly InstanceKey[]): Promise<void> {
    for (const k of keys) {
      if (!k.unique) continue;
      const others = holders(this.tables, ref.tenantId, k.name, k.value, this.ops, true).filter((h) => h.instanceId !== ref.instanceId);
      if (others.length) throw keyTaken(k.name);
    }
    this.ops.push({ kind: 'setKeys', ref: { ...ref }, keys: clone([...keys]) });
  }

  async findInstancesByKey(tenantId: string, name: string, value: string, limit = 20): Promise<InstanceRef[]> {
    return holders(this.tables, tenantId, name, value, this.ops).slice(0, limit);
  }

  async putTimer(record: TimerRecord): Promise<void> {
    this.ops.push({ kind: 'putTimer', record: clone(record) });
  }

  async deleteTimers(ref: InstanceRef, keys: readonly string[]): Promise<void> {
    this.ops.push({ kind: 'deleteTimers', ref: { ...ref }, keys: [...keys] });
  }

  async deleteAllTimers(ref: InstanceRef): Promise<void> {
    this.ops.push({ kind: 'deleteTimers', ref: { ...ref }, keys: 'all' });
  }

  async listTimers(ref: InstanceRef): Promise<TimerRecord[]> {
    // Committed timers with this transaction's own changes applied.
    const view = new Map<string, TimerRecord>();
    for (const id of this.tables.timersByInstance.get(ref.tenantId, ref.instanceId)?.values() ?? []) {
      const t = this.tables.timers.get(id);
      if (t) view.set(t.key, stripLease(t));
    }
    for (const op of this.ops) {
      if (op.kind === 'putTimer' && op.record.tenantId === ref.tenantId && op.record.instanceId === ref.instanceId) view.set(op.record.key, clone(op.record));
      if (op.kind === 'deleteTimers' && op.ref.tenantId === ref.tenantId && op.ref.instanceId === ref.instanceId) {
        if (op.keys === 'all') view.clear();
        else for (const k of op.keys) view.delete(k);
      }
      if (op.kind === 'consumeTimer') for (const [k, t] of view) if (t.id === op.timerId) view.delete(k);
    }
    return [...view.values()].sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime());
  }

  async consumeTimer(tenantId: string, timerId: string): Promise<boolean> {
    const timer = this.tables.timers.get(timerId);
    if (!timer || timer.tenantId !== tenantId || this.consumed.has(timerId)) return false;
    // This transaction's own cancels and replacements count: for it, that row is gone already.
    if (!(await this.listTimers({ tenantId, instanceId: timer.instanceId })).some((t) => t.id === timerId)) return false;
    this.consumed.add(timerId);
    this.ops.push({ kind: 'consumeTimer', tenantId, timerId });
    return true;
  }

  async takeDueTimers(options: { now: Date; limit: number }): Promise<TimerRecord[]> {
    const due = [...this.tables.timers.values()]
      .filter((t) => !this.tables.held.has(t.id) && t.dueAt.getTime() <= options.now.getTime() && (!t.lease || t.lease.until <= options.now.getTime()))
      .sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const taken: TimerRecord[] = [];
    for (const timer of due) {
      if (taken.length >= options.limit) break;
      // Held before the first await, so a concurrent taker passes it over.
      if (this.tables.held.has(timer.id)) continue;
      this.tables.held.add(timer.id);
      this.holding.push(timer.id);
      if (await this.consumeTimer(timer.tenantId, timer.id)) taken.push(stripLease(timer));
    }
    return taken;
  }

  async consumeTimers(timers: readonly TimerRef[]): Promise<ReadonlySet<string>> {
    const consumed = new Set<string>();
    for (const t of timers) if (await this.consumeTimer(t.tenantId, t.timerId)) consumed.add(t.timerId);
    return consumed;
  }

  async enqueueOutbox(records: readonly OutboxRecord[]): Promise<void> {
    this.ops.push({ kind: 'enqueueOutbox', records: records.map(clone) });
  }

  async getCommand(tenantId: string, idempotencyKey: string): Promise<CommandRecord | undefined> {
    const k = key(tenantId, idempotencyKey);
    return clone(this.ownCommands.get(k) ?? this.tables.commands.get(k));
  }

  async recordSlaOutcomes(records: readonly SlaOutcomeRecord[]): Promise<void> {
    this.ops.push({ kind: 'recordSlaOutcomes', records: records.map(clone) });
  }

  async saveCommand(record: CommandRecord): Promise<void> {
    const k = key(record.tenantId, record.idempotencyKey);
    if (this.tables.commands.has(k) || this.ownCommands.has(k)) throw duplicateKey(record.idempotencyKey);
    const own = clone(record);
    this.ownCommands.set(k, own);
    this.ops.push({ kind: 'saveCommand', record: own });
  }

  async putWorkItem(record: WorkItemRecord): Promise<void> {
    this.ops.push({ kind: 'putWorkItem', record: clone(record) });
  }

  async deleteWorkItem(ref: InstanceRef): Promise<void> {
    this.ops.push({ kind: 'deleteWorkItem', ref: { tenantId: ref.tenantId, instanceId: ref.instanceId } });
  }
}

function keyTaken(name: string): ConflictError {
  return new ConflictError(`Key ${name} is already held by another instance`, { entity: 'instance-key', id: name });
}

/**
 * Instances holding (tenant, name, value) — only as a unique key when `uniqueOnly` — with `ops`
 * (a transaction's pending key changes) laid over the committed keys, oldest instance first.
 */
function holders(tables: Tables, tenantId: string, name: string, value: string, ops: readonly Op[], uniqueOnly = false): InstanceRef[] {
  const ids = new Set(
    [...(tables.keyIndex.get(key(tenantId, name, value)) ?? [])].filter(([, unique]) => unique || !uniqueOnly).map(([id]) => id),
  );
  for (const op of ops) {
    if (op.kind !== 'setKeys' || op.ref.tenantId !== tenantId) continue;
    if (op.keys.some((k) => k.name === name && k.value === value && (k.unique || !uniqueOnly))) ids.add(op.ref.instanceId);
    else ids.delete(op.ref.instanceId);
  }
  const created = (id: string) => tables.instances.get(tenantId, id)?.createdAt.getTime() ?? Number.MAX_SAFE_INTEGER;
  return [...ids].sort((a, b) => created(a) - created(b) || a.localeCompare(b)).map((instanceId) => ({ tenantId, instanceId }));
}

function staleVersion(id: string, expectedVersion: number, actualVersion: number | undefined): ConflictError {
  return new ConflictError(`Instance ${id} was changed by someone else (expected version ${expectedVersion}, found ${actualVersion ?? 'none'})`, {
    entity: 'instance',
    id,
    expectedVersion,
    ...(actualVersion !== undefined ? { actualVersion } : {}),
  });
}

function duplicateKey(idempotencyKey: string): ConflictError {
  return new ConflictError(`Idempotency key ${idempotencyKey} was stored by a concurrent command`, { entity: 'command', id: idempotencyKey });
}

/** Validates every write against committed state, then applies all of them, synchronously. */
function commit(tables: Tables, ops: readonly Op[]): void {
  const versions = new PairMap<number>();
  const historySeqs = new PairMap<Set<number>>();
  const consumed = new Set<string>();
  for (const op of ops) {
    switch (op.kind) {
      case 'insertInstance': {
        if (tables.instances.has(op.record.tenantId, op.record.id)) throw new ConflictError(`Instance ${op.record.id} already exists`, { entity: 'instance', id: op.record.id });
        versions.set(op.record.tenantId, op.record.id, op.record.version);
        break;
      }
      case 'updateInstance': {
        const current = versions.get(op.record.tenantId, op.record.id) ?? tables.instances.get(op.record.tenantId, op.record.id)?.version;
        if (current !== op.expectedVersion) throw staleVersion(op.record.id, op.expectedVersion, current);
        versions.set(op.record.tenantId, op.record.id, op.record.version);
        break;
      }
      case 'appendHistory': {
        let seqs = historySeqs.get(op.record.tenantId, op.record.instanceId);
        if (!seqs) historySeqs.set(op.record.tenantId, op.record.instanceId, (seqs = new Set()));
        const rows = tables.history.get(op.record.tenantId, op.record.instanceId);
        // Stored rows are in seq order: only a seq not above the newest can already exist.
        const exists = seqs.has(op.record.seq) || (rows !== undefined && rows.length > 0 && rows[rows.length - 1]!.seq >= op.record.seq && rows.some((r) => r.seq === op.record.seq));
        if (exists) throw new ConflictError(`History row ${op.record.seq} of ${op.record.instanceId} already exists`, { entity: 'history', id: op.record.instanceId });
        seqs.add(op.record.seq);
        break;
      }
      case 'consumeTimer':
        if (!tables.timers.has(op.timerId) || consumed.has(op.timerId)) {
          throw new ConflictError(`Timer ${op.timerId} was consumed by someone else`, { entity: 'timer', id: op.timerId });
        }
        consumed.add(op.timerId);
        break;
      case 'saveCommand':
        if (tables.commands.has(key(op.record.tenantId, op.record.idempotencyKey))) throw duplicateKey(op.record.idempotencyKey);
        break;
      case 'setKeys':
        for (const k of op.keys) {
          if (!k.unique) continue;
          const held = tables.keyIndex.get(key(op.ref.tenantId, k.name, k.value));
          const others = [...(held ?? [])].filter(([id, unique]) => unique && id !== op.ref.instanceId);
          if (others.length) throw keyTaken(k.name);
        }
        break;
      default:
        break;
    }
  }
  for (const op of ops) apply(tables, op);
}

function apply(tables: Tables, op: Op): void {
  switch (op.kind) {
    case 'insertInstance':
    case 'updateInstance':
      tables.instances.set(op.record.tenantId, op.record.id, op.record);
      return;
    case 'appendHistory': {
      let rows = tables.history.get(op.record.tenantId, op.record.instanceId);
      if (!rows) tables.history.set(op.record.tenantId, op.record.instanceId, (rows = []));
      rows.push(op.record);
      // Rows almost always arrive in order; sort only when one did not.
      if (rows.length > 1 && rows[rows.length - 2]!.seq > op.record.seq) rows.sort((a, b) => a.seq - b.seq);
      return;
    }
    case 'putTimer': {
      let byKey = tables.timersByInstance.get(op.record.tenantId, op.record.instanceId);
      if (!byKey) tables.timersByInstance.set(op.record.tenantId, op.record.instanceId, (byKey = new Map()));
      const replaced = byKey.get(op.record.key);
      if (replaced) tables.timers.delete(replaced);
      byKey.set(op.record.key, op.record.id);
      tables.timers.set(op.record.id, op.record);
      return;
    }
    case 'deleteTimers': {
      const byKey = tables.timersByInstance.get(op.ref.tenantId, op.ref.instanceId);
      if (!byKey) return;
      for (const [timerKey, id] of [...byKey]) {
        if (op.keys !== 'all' && !op.keys.includes(timerKey)) continue;
        tables.timers.delete(id);
        byKey.delete(timerKey);
      }
      if (!byKey.size) tables.timersByInstance.delete(op.ref.tenantId, op.ref.instanceId);
      return;
    }
    case 'consumeTimer': {
      const timer = tables.timers.get(op.timerId);
      tables.timers.delete(op.timerId);
      if (timer) tables.timersByInstance.get(timer.tenantId, timer.instanceId)?.delete(timer.key);
      return;
    }
    case 'enqueueOutbox':
      for (const record of op.records) tables.outbox.set(record.id, record);
      return;
    case 'recordSlaOutcomes':
      for (const o of op.records) tables.slaOutcomes.set(`${key(o.tenantId, o.instanceId, o.policy)}\u0000${o.target}\u0000${o.cycle}`, o);
      return;
    case 'saveCommand':
      tables.commands.set(key(op.record.tenantId, op.record.idempotencyKey), op.record);
      return;
    case 'setKeys': {
      const owner = key(op.ref.tenantId, op.ref.instanceId);
      for (const old of tables.instanceKeys.get(owner) ?? []) {
        const k = key(op.ref.tenantId, old.name, old.value);
        tables.keyIndex.get(k)?.delete(op.ref.instanceId);
        if (tables.keyIndex.get(k)?.size === 0) tables.keyIndex.delete(k);
      }
      for (const k of op.keys) {
        const indexKey = key(op.ref.tenantId, k.name, k.value);
        let held = tables.keyIndex.get(indexKey);
        if (!held) tables.keyIndex.set(indexKey, (held = new Map()));
        held.set(op.ref.instanceId, k.unique);
      }
      tables.instanceKeys.set(owner, op.keys);
      return;
    }
    case 'putWorkItem':
      tables.workItems.set(op.record.tenantId, op.record.instanceId, op.record);
      return;
    case 'deleteWorkItem':
      tables.workItems.delete(op.ref.tenantId, op.ref.instanceId);
      return;
  }
}

/** A fresh in-memory storage. */
export function memoryStorage(): MemoryStorage {
  return new MemoryStorage();
}
