/**
 * One `StorageTransaction` over one database transaction. Conflicts are detected by the
 * database itself: the compare-and-set is an `UPDATE … WHERE version = ?`, inserts that must be
 * new use `ON CONFLICT DO NOTHING` and report a conflict when nothing was inserted (a concurrent
 * inserter's row is waited for, so the loser sees it), and timers are consumed by `DELETE`.
 *
 * The first failed call poisons the transaction: later calls and the commit reject with the same
 * error, so a caller that swallows a conflict still cannot commit a partial unit of work.
 *
 * Instance updates, history rows and timer cancels are held back and written together — one
 * statement per kind — before the next other call and at commit, so a batch of timer deliveries
 * costs a few round trips instead of several per timer. Their conflicts are then raised by that
 * next call or by the commit (the port allows either); reads still see the transaction's own writes.
 */
import {
  ConflictError,
  type CommandRecord,
  type HistoryRecord,
  type InstanceKey,
  type InstanceRecord,
  type InstanceRef,
  type OutboxRecord,
  type SlaOutcomeRecord,
  type StorageTransaction,
  type TimerRecord,
  type TimerRef,
  type WorkItemRecord,
} from '@statdesk/core';
import type { Dialect } from './orm-config';
import type { RowMapping } from './row-mapping';
import type { SqlSession } from './sql/sql-database';
import type { SqlValues } from './sql/sql-values';
import { reportStatements } from './sql/report-statements';
import { columns, postgresBatch, sql, takeDueTimersStatement } from './sql/statements';

/** Rows per multi-row statement: far below PostgreSQL's 65,535 parameters and SQLite's 32,766. */
const CHUNK = 500;

/** Writes held back until the next other call or the commit. */
interface PendingWrites {
  updates: { record: InstanceRecord; expectedVersion: number }[];
  history: HistoryRecord[];
  timerCancels: { ref: InstanceRef; key: string }[];
  /** The last work-item write per instance: a record to upsert, or `null` to delete. */
  workItems: Map<string, { ref: InstanceRef; record: WorkItemRecord | null }>;
}

export class SqlTransaction implements StorageTransaction {
  private failure: { error: unknown } | undefined;
  private finished = false;
  private pending: PendingWrites = { updates: [], history: [], timerCancels: [], workItems: new Map() };
  /**
   * Timer keys whose row this transaction consumed and has not put again: cancelling them has
   * nothing left to delete (no other transaction can insert that key before this one ends).
   */
  private readonly consumedKeys = new Set<string>();
  private readonly reportSql: ReturnType<typeof reportStatements>;

  constructor(
    private readonly session: SqlSession,
    private readonly rows: RowMapping,
    private readonly values: SqlValues,
    private readonly dialect: Dialect,
  ) {
    this.reportSql = reportStatements(dialect);
  }

  /** Writes what is held back; call before committing (a conflict then poisons the transaction). */
  flush(): Promise<void> {
    return this.guard(async () => {});
  }

  /** The error that poisoned this transaction, if any; marks it finished. */
  finish(): { error: unknown } | undefined {
    this.finished = true;
    return this.failure;
  }

  /** Runs `work` after writing what is held back (unless `work` only adds to it). */
  private async guard<T>(work: () => Promise<T>, holdsBack = false): Promise<T> {
    if (this.finished) throw new Error('statdesk storage: this transaction has already committed or rolled back');
    if (this.failure) throw this.failure.error;
    try {
      // Checked here, not only in writePending: an await of nothing still costs a turn of the microtask queue.
      if (!holdsBack && this.holdsWrites()) await this.writePending();
      return await work();
    } catch (error) {
      this.failure ??= { error };
      throw error;
    }
  }

  private holdsWrites(): boolean {
    const { updates, history, timerCancels, workItems } = this.pending;
    return updates.length > 0 || history.length > 0 || timerCancels.length > 0 || workItems.size > 0;
  }

  private async writePending(): Promise<void> {
    const { updates, history, timerCancels, workItems } = this.pending;
    if (!updates.length && !history.length && !timerCancels.length && !workItems.size) return;
    this.pending = { updates: [], history: [], timerCancels: [], workItems: new Map() };
    for (let i = 0; i < updates.length; i += CHUNK) await this.writeUpdates(updates.slice(i, i + CHUNK));
    for (let i = 0; i < history.length; i += CHUNK) await this.writeHistory(history.slice(i, i + CHUNK));
    for (let i = 0; i < timerCancels.length; i += CHUNK) {
      const chunk = timerCancels.slice(i, i + CHUNK).map((c) => [c.ref.tenantId, c.ref.instanceId, c.key]);
      if (this.dialect === 'postgresql') await this.session.run(postgresBatch.deleteTimerKeys, columns(chunk, 3));
      else await this.session.run(sql.deleteTimerKeys(chunk.length), chunk.flat());
    }
    const puts = [...workItems.values()].flatMap((w) => (w.record ? [w.record] : []));
    const deletes = [...workItems.values()].flatMap((w) => (w.record ? [] : [[w.ref.tenantId, w.ref.instanceId]]));
    for (let i = 0; i < puts.length; i += CHUNK) {
      const chunk = puts.slice(i, i + CHUNK);
      await this.session.run(sql.putWorkItems(chunk.length), chunk.flatMap((r) => this.rows.workItemParams(r)));
    }
    for (let i = 0; i < deletes.length; i += CHUNK) {
      const chunk = deletes.slice(i, i + CHUNK);
      await this.session.run(sql.deleteWorkItems(chunk.length), chunk.flat());
    }
  }

  private async writeUpdates(updates: PendingWrites['updates']): Promise<void> {
    const updatedColumns = ({ record }: PendingWrites['updates'][number]) => {
      const [, , workflow, definitionVersion, state, status, ownerId, snapshot, version, historySeq, historyHash, keys, , updatedAt] = this.rows.instanceParams(record);
      return [workflow, definitionVersion, state, status, ownerId, snapshot, version, historySeq, historyHash, keys, updatedAt];
    };
    let missing: PendingWrites['updates'];
    if (updates.length > 1 && this.dialect === 'postgresql') {
      const params = columns(updates.map((u) => [u.record.tenantId, u.record.id, u.expectedVersion, ...updatedColumns(u)]), 14);
      const updated = new Set((await this.session.all(postgresBatch.updateInstances, params)).map((r) => r.id as string));
      missing = updates.filter((u) => !updated.has(u.record.id));
    } else {
      missing = [];
      for (const u of updates) {
        const changed = await this.session.run(sql.updateInstance, [...updatedColumns(u), u.record.tenantId, u.record.id, u.expectedVersion]);
        if (changed !== 1) missing.push(u);
      }
    }
    const [lost] = missing;
    if (!lost) return;
    const [current] = await this.session.all(sql.instanceVersion, [lost.record.tenantId, lost.record.id]);
    const actualVersion = current ? Number(current.version) : undefined;
    throw new ConflictError(
      `Instance ${lost.record.id} was changed by someone else (expected version ${lost.expectedVersion}, found ${actualVersion ?? 'none'})`,
      { entity: 'instance', id: lost.record.id, expectedVersion: lost.expectedVersion, ...(actualVersion !== undefined ? { actualVersion } : {}) },
    );
  }

  private async writeHistory(records: readonly HistoryRecord[]): Promise<void> {
    const params = records.map((r) => this.rows.historyParams(r));
    const inserted =
      this.dialect === 'postgresql'
        ? await this.session.all(postgresBatch.appendHistories, columns(params, 13))
        : await this.session.all(sql.appendHistories(records.length), params.flat());
    if (inserted.length === records.length) return;
    const written = new Set(inserted.map((r) => JSON.stringify([r.instance_id, Number(r.seq)])));
    const taken = records.find((r) => !written.has(JSON.stringify([r.instanceId, r.seq])))!;
    throw new ConflictError(`History row ${taken.seq} of ${taken.instanceId} already exists`, { entity: 'history', id: taken.instanceId });
  }

  loadInstance(ref: InstanceRef): Promise<InstanceRecord | undefined> {
    return this.guard(async () => {
      const [row] = await this.session.all(sql.loadInstance, [ref.tenantId, ref.instanceId]);
      return row && this.rows.instance(row);
    });
  }

  insertInstance(record: InstanceRecord): Promise<void> {
    return this.guard(async () => {
      if ((await this.session.run(sql.insertInstance, this.rows.instanceParams(record))) === 0) {
        throw new ConflictError(`Instance ${record.id} already exists`, { entity: 'instance', id: record.id });
      }
    });
  }

  updateInstance(record: InstanceRecord, expectedVersion: number): Promise<void> {
    // A second update of one instance is written after the first, not beside it.
    const again = this.pending.updates.some((u) => u.record.tenantId === record.tenantId && u.record.id === record.id);
    return this.guard(async () => void this.pending.updates.push({ record, expectedVersion }), !again);
  }

  appendHistory(record: HistoryRecord): Promise<void> {
    return this.guard(async () => void this.pending.history.push(record), true);
  }

  readHistory(ref: InstanceRef): Promise<HistoryRecord[]> {
    return this.guard(async () => (await this.session.all(sql.readHistory, [ref.tenantId, ref.instanceId])).map((r) => this.rows.history(r)));
  }

  setInstanceKeys(ref: InstanceRef, keys: readonly InstanceKey[]): Promise<void> {
    return this.guard(async () => {
      await this.session.run(sql.deleteKeys, [ref.tenantId, ref.instanceId]);
      // One row per (name, value); a key listed as unique anywhere is unique.
      const distinct = new Map<string, InstanceKey>();
      for (const k of keys) {
        const id = JSON.stringify([k.name, k.value]);
        distinct.set(id, { ...k, unique: k.unique || (distinct.get(id)?.unique ?? false) });
      }
      if (distinct.size === 0) return;
      const wanted = [...distinct.values()];
      const params = wanted.flatMap((k) => [ref.tenantId, ref.instanceId, k.name, k.value, this.values.bool(k.unique)]);
      const inserted = new Set((await this.session.all(sql.insertKeys(wanted.length), params)).map((r) => JSON.stringify([r.name, r.value])));
      const taken = wanted.find((k) => !inserted.has(JSON.stringify([k.name, k.value])));
      if (taken) throw new ConflictError(`Key ${taken.name} is already held by another instance`, { entity: 'instance-key', id: taken.name });
    });
  }

  findInstancesByKey(tenantId: string, name: string, value: string, limit = 20): Promise<InstanceRef[]> {
    return this.guard(async () =>
      (await this.session.all(sql.findByKey, [tenantId, name, value, limit])).map((r) => ({ tenantId, instanceId: r.instance_id as string })),
    );
  }

  putTimer(record: TimerRecord): Promise<void> {
    return this.guard(async () => {
      await this.session.run(sql.putTimer, this.rows.timerParams(record));
      this.consumedKeys.delete(timerKey(record.tenantId, record.instanceId, record.key));
    });
  }

  deleteTimers(ref: InstanceRef, keys: readonly string[]): Promise<void> {
    const live = keys.filter((key) => !this.consumedKeys.has(timerKey(ref.tenantId, ref.instanceId, key)));
    return this.guard(async () => void this.pending.timerCancels.push(...live.map((key) => ({ ref: { ...ref }, key }))), true);
  }

  deleteAllTimers(ref: InstanceRef): Promise<void> {
    return this.guard(async () => void (await this.session.run(sql.deleteAllTimers, [ref.tenantId, ref.instanceId])));
  }

  listTimers(ref: InstanceRef): Promise<TimerRecord[]> {
    return this.guard(async () => (await this.session.all(sql.listTimers, [ref.tenantId, ref.instanceId])).map((r) => this.rows.timer(r)));
  }

  consumeTimer(tenantId: string, timerId: string): Promise<boolean> {
    // A concurrent consumer's DELETE waits for this row lock, then finds nothing.
    return this.guard(async () => {
      const [row] = await this.session.all(sql.consumeTimer, [timerId, tenantId]);
      if (row) this.consumedKeys.add(timerKey(tenantId, row.instance_id as string, row.key as string));
      return row !== undefined;
    });
  }

  consumeTimers(timers: readonly TimerRef[]): Promise<ReadonlySet<string>> {
    return this.guard(async () => {
      const consumed = new Set<string>();
      for (let i = 0; i < timers.length; i += CHUNK) {
        const chunk = timers.slice(i, i + CHUNK).map((t) => [t.timerId, t.tenantId]);
        const rows =
          this.dialect === 'postgresql'
            ? await this.session.all(postgresBatch.consumeTimers, columns(chunk, 2))
            : await this.session.all(sql.consumeTimers(chunk.length), chunk.flat());
        for (const row of rows) {
          consumed.add(row.id as string);
          this.consumedKeys.add(timerKey(row.tenant_id as string, row.instance_id as string, row.key as string));
        }
      }
      return consumed;
    });
  }

  takeDueTimers(options: { now: Date; limit: number }): Promise<TimerRecord[]> {
    return this.guard(async () => {
      const now = this.values.time(options.now);
      const rows = await this.session.all(takeDueTimersStatement(this.dialect), [now, now, options.limit]);
      const taken = rows.map((r) => this.rows.timer(r));
      for (const t of taken) this.consumedKeys.add(timerKey(t.tenantId, t.instanceId, t.key));
      // RETURNING does not keep the subquery's order.
      return taken.sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    });
  }

  loadInstances(refs: readonly InstanceRef[]): Promise<InstanceRecord[]> {
    return this.guard(async () => {
      const records: InstanceRecord[] = [];
      for (let i = 0; i < refs.length; i += CHUNK) {
        const chunk = refs.slice(i, i + CHUNK).map((r) => [r.tenantId, r.instanceId]);
        const rows =
          this.dialect === 'postgresql'
            ? await this.session.all(postgresBatch.loadInstances, columns(chunk, 2))
            : await this.session.all(sql.loadInstances(chunk.length), chunk.flat());
        for (const row of rows) records.push(this.rows.instance(row));
      }
      return records;
    });
  }

  enqueueOutbox(records: readonly OutboxRecord[]): Promise<void> {
    return this.guard(async () => {
      if (records.length) await this.session.run(sql.enqueueOutbox(records.length), records.flatMap((r) => this.rows.outboxParams(r)));
    });
  }

  recordSlaOutcomes(records: readonly SlaOutcomeRecord[]): Promise<void> {
    const v = this.values;
    return this.guard(async () => {
      for (const o of records) {
        await this.session.run(this.reportSql.upsertSlaOutcome, [
          o.tenantId, o.instanceId, o.policy, o.target, o.cycle, o.workflow, o.outcome,
          v.time(o.decidedAt), o.stoppedAt ? v.time(o.stoppedAt) : null, o.elapsedMs, o.clock, v.bool(o.bestEffort),
        ]);
      }
    });
  }

  putWorkItem(record: WorkItemRecord): Promise<void> {
    const id = JSON.stringify([record.tenantId, record.instanceId]);
    const ref = { tenantId: record.tenantId, instanceId: record.instanceId };
    // Held back like history rows: one statement per flush for a batch of timer deliveries.
    return this.guard(async () => void this.pending.workItems.set(id, { ref, record: { ...record, actRoles: [...record.actRoles] } }), true);
  }

  deleteWorkItem(ref: InstanceRef): Promise<void> {
    const id = JSON.stringify([ref.tenantId, ref.instanceId]);
    return this.guard(async () => void this.pending.workItems.set(id, { ref: { ...ref }, record: null }), true);
  }

  getCommand(tenantId: string, idempotencyKey: string): Promise<CommandRecord | undefined> {
    return this.guard(async () => {
      const [row] = await this.session.all(sql.getCommand, [tenantId, idempotencyKey]);
      return row && this.rows.command(row);
    });
  }

  saveCommand(record: CommandRecord): Promise<void> {
    return this.guard(async () => {
      if ((await this.session.run(sql.saveCommand, this.rows.commandParams(record))) === 0) {
        throw new ConflictError(`Idempotency key ${record.idempotencyKey} was stored by a concurrent command`, {
          entity: 'command',
          id: record.idempotencyKey,
        });
      }
    });
  }
}

function timerKey(tenantId: string, instanceId: string, key: string): string {
  return JSON.stringify([tenantId, instanceId, key]);
}
