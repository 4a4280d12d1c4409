/**
 * One `StorageTransaction` over one database transaction. Conflicts are detected by the
 * database itself: the compare-and-set is an `UPDATE … WHERE version = ?`, inserts that must be
 * new use `ON CONFLICT DO NOTHING` and report a conflict when nothing was inserted (a concurrent
 * inserter's row is waited for, so the loser sees it), and timers are consumed by `DELETE`.
 *
 * The first failed call poisons the transaction: later calls and the commit reject with the same
 * error, so a caller that swallows a conflict still cannot commit a partial unit of work.
 */
import {
  ConflictError,
  type CommandRecord,
  type HistoryRecord,
  type InstanceKey,
  type InstanceRecord,
  type InstanceRef,
  type OutboxRecord,
  type StorageTransaction,
  type TimerRecord,
} from '@statdesk/core';
import type { RowMapping } from './row-mapping';
import type { SqlSession } from './sql/sql-database';
import type { SqlValues } from './sql/sql-values';
import { sql } from './sql/statements';

export class SqlTransaction implements StorageTransaction {
  private failure: { error: unknown } | undefined;
  private finished = false;

  constructor(
    private readonly session: SqlSession,
    private readonly rows: RowMapping,
    private readonly values: SqlValues,
  ) {}

  /** The error that poisoned this transaction, if any; marks it finished. */
  finish(): { error: unknown } | undefined {
    this.finished = true;
    return this.failure;
  }

  private async guard<T>(work: () => Promise<T>): Promise<T> {
    if (this.finished) throw new Error('statdesk storage: this transaction has already committed or rolled back');
    if (this.failure) throw this.failure.error;
    try {
      return await work();
    } catch (error) {
      this.failure ??= { error };
      throw error;
    }
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
    return this.guard(async () => {
      const [, , workflow, definitionVersion, state, status, ownerId, snapshot, version, historySeq, historyHash, keys, , updatedAt] =
        this.rows.instanceParams(record);
      const changed = await this.session.run(sql.updateInstance, [
        workflow, definitionVersion, state, status, ownerId, snapshot, version, historySeq, historyHash, keys, updatedAt,
        record.tenantId, record.id, expectedVersion,
      ]);
      if (changed === 1) return;
      const [current] = await this.session.all(sql.instanceVersion, [record.tenantId, record.id]);
      const actualVersion = current ? Number(current.version) : undefined;
      throw new ConflictError(
        `Instance ${record.id} was changed by someone else (expected version ${expectedVersion}, found ${actualVersion ?? 'none'})`,
        { entity: 'instance', id: record.id, expectedVersion, ...(actualVersion !== undefined ? { actualVersion } : {}) },
      );
    });
  }

  appendHistory(record: HistoryRecord): Promise<void> {
    return this.guard(async () => {
      if ((await this.session.run(sql.appendHistory, this.rows.historyParams(record))) === 0) {
        throw new ConflictError(`History row ${record.seq} of ${record.instanceId} already exists`, { entity: 'history', id: record.instanceId });
      }
    });
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
    return this.guard(async () => void (await this.session.run(sql.putTimer, this.rows.timerParams(record))));
  }

  deleteTimers(ref: InstanceRef, keys: readonly string[]): Promise<void> {
    return this.guard(async () => {
      if (keys.length) await this.session.run(sql.deleteTimers(keys.length), [ref.tenantId, ref.instanceId, ...keys]);
    });
  }

  deleteAllTimers(ref: InstanceRef): Promise<void> {
    return this.guard(async () => void (await this.session.run(sql.deleteAllTimers, [ref.tenantId, ref.instanceId])));
  }

  listTimers(ref: InstanceRef): Promise<TimerRecord[]> {
    return this.guard(async () => (await this.session.all(sql.listTimers, [ref.tenantId, ref.instanceId])).map((r) => this.rows.timer(r)));
  }

  consumeTimer(tenantId: string, timerId: string): Promise<boolean> {
    // A concurrent consumer's DELETE waits for this row lock, then finds nothing.
    return this.guard(async () => (await this.session.run(sql.consumeTimer, [timerId, tenantId])) > 0);
  }

  enqueueOutbox(records: readonly OutboxRecord[]): Promise<void> {
    return this.guard(async () => {
      if (records.length) await this.session.run(sql.enqueueOutbox(records.length), records.flatMap((r) => this.rows.outboxParams(r)));
    });
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
