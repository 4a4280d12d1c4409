/**
 * The `Storage` port over a `SqlDatabase`: the same statements on PostgreSQL and SQLite, with
 * claims that differ per dialect (see `sql/statements.ts`).
 */
import {
  checkWorkItemQuery,
  encodeWorkItemCursor,
  ValidationError,
  type ClaimOptions,
  type CommandRecord,
  type HistoryRecord,
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
  type Storage,
  type StorageTransaction,
  type TimerRecord,
  type VolumeCount,
  type WorkItemQuery,
  type WorkItemRecord,
} from '@statdesk/core';
import { RowMapping } from './row-mapping';
import type { SqlDatabase } from './sql/sql-database';
import { sqlValues, type SqlValues } from './sql/sql-values';
import { claimStatements, sql, type ClaimStatement } from './sql/statements';
import { SqlReports } from './sql-reports';
import { SqlTransaction } from './sql-transaction';

export class SqlStorage implements Storage {
  protected readonly values: SqlValues;
  protected readonly rows: RowMapping;
  private readonly claims: { timers: ClaimStatement; outbox: ClaimStatement };
  private readonly reports: SqlReports;

  constructor(protected readonly db: SqlDatabase) {
    this.values = sqlValues(db.dialect);
    this.rows = new RowMapping(this.values);
    this.claims = claimStatements(db.dialect);
    this.reports = new SqlReports(db, this.values);
  }

  /** @internal The connection pool this storage runs on, shared by the package's other stores. */
  get database(): SqlDatabase {
    return this.db;
  }

  transaction<T>(fn: (tx: StorageTransaction) => Promise<T>): Promise<T> {
    return this.db.transaction(async (session) => {
      const tx = new SqlTransaction(session, this.rows, this.values, this.db.dialect);
      let result: T;
      try {
        result = await fn(tx);
        await tx.flush();
      } catch (error) {
        tx.finish();
        throw error;
      }
      const failure = tx.finish();
      if (failure) throw failure.error;
      return result;
    });
  }

  reportSlaCompliance(period: ReportPeriod): Promise<SlaComplianceCount[]> {
    return this.reports.reportSlaCompliance(period);
  }

  reportVolumes(period: ReportPeriod, kindField?: string): Promise<VolumeCount[]> {
    return this.reports.reportVolumes(period, kindField);
  }

  reportRevenue(period: ReportPeriod, lines: readonly RevenueLine[]): Promise<RevenueTotal[]> {
    return this.reports.reportRevenue(period, lines);
  }

  reportSatisfaction(period: ReportPeriod, source: SatisfactionSource): Promise<SatisfactionCount[]> {
    return this.reports.reportSatisfaction(period, source);
  }

  getInstance(ref: InstanceRef): Promise<InstanceRecord | undefined> {
    return this.db.session(async (s) => {
      const [row] = await s.all(sql.loadInstance, [ref.tenantId, ref.instanceId]);
      return row && this.rows.instance(row);
    });
  }

  async listInstances(query: InstanceQuery): Promise<Page<InstanceRecord>> {
    if (!Number.isInteger(query.limit) || query.limit < 1 || query.limit > 500) {
      throw new ValidationError('instance query', [{ path: 'limit', message: 'must be an integer from 1 to 500' }]);
    }
    const filters: string[] = [];
    const params: unknown[] = [query.tenantId];
    if (query.workflow !== undefined) {
      filters.push('workflow = ?');
      params.push(query.workflow);
    }
    if (query.states !== undefined) {
      if (query.states.length === 0) return { items: [] };
      filters.push(`state IN (${query.states.map(() => '?').join(', ')})`);
      params.push(...query.states);
    }
    if (query.status !== undefined) {
      filters.push('status = ?');
      params.push(query.status);
    }
    if (query.ownerId !== undefined) {
      filters.push('owner_id = ?');
      params.push(query.ownerId);
    }
    if (query.cursor !== undefined) {
      const after = decodeCursor(query.cursor);
      filters.push('(created_at > ? OR (created_at = ? AND id > ?))');
      params.push(this.values.time(after.createdAt), this.values.time(after.createdAt), after.id);
    }
    params.push(query.limit + 1);
    return this.db.session(async (s) => {
      const matching = (await s.all(sql.listInstances(filters), params)).map((r) => this.rows.instance(r));
      const items = matching.slice(0, query.limit);
      const last = items[items.length - 1];
      return matching.length > query.limit && last ? { items, nextCursor: encodeCursor(last) } : { items };
    });
  }

  async listWorkItems(query: WorkItemQuery): Promise<Page<WorkItemRecord>> {
    const after = checkWorkItemQuery(query);
    const filters: string[] = [];
    const params: unknown[] = [query.tenantId];
    const oneOf = (column: string, values: readonly unknown[]) => {
      filters.push(`${column} IN (${values.map(() => '?').join(', ')})`);
      params.push(...values);
    };
    if (query.workflows?.length === 0 || query.states?.length === 0 || query.roles?.length === 0 || query.slaConditions?.length === 0) return { items: [] };
    if (query.workflows) oneOf('workflow', query.workflows);
    if (query.states) oneOf('state', query.states);
    if (query.slaConditions) oneOf('sla_condition', query.slaConditions);
    if (query.stateGroup !== undefined) {
      filters.push("(state = ? OR state LIKE ? ESCAPE '!')");
      params.push(query.stateGroup, `${likeLiteral(query.stateGroup)}.%`);
    }
    if (query.assignee === null) filters.push('assignee IS NULL');
    else if (query.assignee !== undefined) {
      filters.push('assignee = ?');
      params.push(query.assignee);
    }
    if (query.roles) {
      filters.push(`(${query.roles.map(() => "act_roles LIKE ? ESCAPE '!'").join(' OR ')})`);
      params.push(...query.roles.map((r) => `% ${likeLiteral(r)} %`));
    }
    if (query.escalated !== undefined) {
      filters.push('escalated = ?');
      params.push(this.values.bool(query.escalated));
    }
    for (const [column, from, to] of [['created_at', query.createdFrom, query.createdTo], ['updated_at', query.updatedFrom, query.updatedTo]] as const) {
      if (from !== undefined) {
        filters.push(`${column} >= ?`);
        params.push(this.values.time(from));
      }
      if (to !== undefined) {
        filters.push(`${column} < ?`);
        params.push(this.values.time(to));
      }
    }
    if (after) {
      filters.push('(urgency_rank, sort_at, instance_id) > (?, ?, ?)');
      params.push(after.urgencyRank, this.values.time(after.sortAt), after.instanceId);
    }
    params.push(query.limit + 1);
    return this.db.session(async (s) => {
      const matching = (await s.all(sql.listWorkItems(filters), params)).map((r) => this.rows.workItem(r));
      const items = matching.slice(0, query.limit);
      const last = items[items.length - 1];
      return matching.length > query.limit && last ? { items, nextCursor: encodeWorkItemCursor(last) } : { items };
    });
  }

  readHistory(ref: InstanceRef): Promise<HistoryRecord[]> {
    return this.db.session(async (s) => (await s.all(sql.readHistory, [ref.tenantId, ref.instanceId])).map((r) => this.rows.history(r)));
  }

  getCommand(tenantId: string, idempotencyKey: string): Promise<CommandRecord | undefined> {
    return this.db.session(async (s) => {
      const [row] = await s.all(sql.getCommand, [tenantId, idempotencyKey]);
      return row && this.rows.command(row);
    });
  }

  findInstancesByKey(tenantId: string, name: string, value: string, limit = 20): Promise<InstanceRef[]> {
    return this.db.session(async (s) =>
      (await s.all(sql.findByKey, [tenantId, name, value, limit])).map((r) => ({ tenantId, instanceId: r.instance_id as string })),
    );
  }

  claimDueTimers(options: ClaimOptions): Promise<TimerRecord[]> {
    return this.claim(this.claims.timers, options, (r) => this.rows.timer(r), (t) => t.dueAt);
  }

  nextTimerDue(): Promise<Date | undefined> {
    return this.db.session(async (s) => {
      const [row] = await s.all(sql.nextTimerDue, []);
      return row?.due === null || row?.due === undefined ? undefined : this.values.readTime(row.due);
    });
  }

  claimOutbox(options: ClaimOptions): Promise<OutboxRecord[]> {
    return this.claim(this.claims.outbox, options, (r) => this.rows.outbox(r), (o) => o.nextAttemptAt);
  }

  completeOutbox(id: string, at: Date, leaseOwner?: string): Promise<void> {
    const owner = leaseOwner ?? null;
    return this.db.session(async (s) => void (await s.run(sql.completeOutbox, [this.values.time(at), id, owner, owner])));
  }

  failOutbox(id: string, failure: OutboxFailure): Promise<void> {
    const owner = failure.leaseOwner ?? null;
    return this.db.session(async (s) => {
      await s.run(sql.failOutbox, [failure.dead ? 'dead' : 'pending', failure.error, this.values.time(failure.nextAttemptAt), id, owner, owner]);
    });
  }

  renewOutboxLease(id: string, leaseOwner: string, until: Date): Promise<boolean> {
    return this.db.session(async (s) => (await s.all(sql.renewOutboxLease, [this.values.time(until), id, leaseOwner])).length > 0);
  }

  private claim<R extends { id: string }>(
    statement: ClaimStatement,
    options: ClaimOptions,
    map: (row: Record<string, unknown>) => R,
    due: (record: R) => Date,
  ): Promise<R[]> {
    const now = this.values.time(options.now);
    const leaseUntil = this.values.time(new Date(options.now.getTime() + options.leaseMs));
    return this.db.session(async (s) => {
      const rows = (await s.all(statement.sql, statement.params(now, options.limit, options.workerId, leaseUntil))).map(map);
      // RETURNING does not keep the subquery's order.
      return rows.sort((a, b) => due(a).getTime() - due(b).getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    });
  }
}

function encodeCursor(record: InstanceRecord): string {
  return Buffer.from(JSON.stringify([record.createdAt.getTime(), record.id])).toString('base64url');
}

function decodeCursor(cursor: string): { createdAt: Date; id: string } {
  try {
    const [time, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString()) as unknown[];
    // A number that is no instant (1e999, 9e15) would fail later, inside the query, as a 500.
    if (Number.isSafeInteger(time) && !Number.isNaN(new Date(time as number).getTime()) && typeof id === 'string') return { createdAt: new Date(time as number), id };
  } catch {
    // Reported below.
  }
  throw new ValidationError('instance query', [{ path: 'cursor', message: 'is not a cursor this storage returned' }]);
}

/** `value` matched literally inside a `LIKE … ESCAPE '!'` pattern. */
function likeLiteral(value: string): string {
  return value.replace(/[!%_]/g, (c) => `!${c}`);
}
