/** Database rows (snake_case columns) to the port's records, and records to statement parameters. */
import type { CommandRecord, HistoryRecord, InstanceKey, InstanceRecord, InstanceStatus, OutboxRecord, OutboxStatus, TimerRecord, WorkItemRecord, WorkItemSlaCondition } from '@statdesk/core';
import type { SqlRow } from './sql/sql-database';
import type { SqlValues } from './sql/sql-values';

export class RowMapping {
  constructor(private readonly v: SqlValues) {}

  instance(row: SqlRow): InstanceRecord {
    const v = this.v;
    return {
      tenantId: row.tenant_id as string,
      id: row.id as string,
      workflow: row.workflow as string,
      definitionVersion: row.definition_version as string,
      state: row.state as string,
      status: row.status as InstanceStatus,
      ownerId: (row.owner_id as string | null) ?? null,
      snapshot: v.readJson(row.snapshot),
      version: Number(row.version),
      historySeq: Number(row.history_seq),
      historyHash: row.history_hash as string,
      keys: v.readJson(row.keys) as unknown as InstanceKey[],
      createdAt: v.readTime(row.created_at),
      updatedAt: v.readTime(row.updated_at),
    };
  }

  instanceParams(r: InstanceRecord): unknown[] {
    const v = this.v;
    return [
      r.tenantId, r.id, r.workflow, r.definitionVersion, r.state, r.status, r.ownerId, v.json(r.snapshot), r.version, r.historySeq, r.historyHash,
      v.json(r.keys as unknown as never), v.time(r.createdAt), v.time(r.updatedAt),
    ];
  }

  history(row: SqlRow): HistoryRecord {
    const v = this.v;
    return {
      tenantId: row.tenant_id as string,
      instanceId: row.instance_id as string,
      seq: Number(row.seq),
      at: v.readTime(row.at),
      actorId: row.actor_id as string,
      actorRole: row.actor_role as string,
      eventType: row.event_type as string,
      fromState: (row.from_state as string | null) ?? null,
      toState: row.to_state as string,
      definitionVersion: row.definition_version as string,
      payload: v.readJson(row.payload),
      prevHash: row.prev_hash as string,
      hash: row.hash as string,
    };
  }

  historyParams(r: HistoryRecord): unknown[] {
    const v = this.v;
    return [
      r.tenantId, r.instanceId, r.seq, v.time(r.at), r.actorId, r.actorRole, r.eventType, r.fromState, r.toState, r.definitionVersion,
      v.json(r.payload), r.prevHash, r.hash,
    ];
  }

  timer(row: SqlRow): TimerRecord {
    const v = this.v;
    return {
      id: row.id as string,
      tenantId: row.tenant_id as string,
      instanceId: row.instance_id as string,
      key: row.key as string,
      dueAt: v.readTime(row.due_at),
      event: v.readJson(row.event),
      createdAt: v.readTime(row.created_at),
    };
  }

  timerParams(r: TimerRecord): unknown[] {
    const v = this.v;
    return [r.id, r.tenantId, r.instanceId, r.key, v.time(r.dueAt), v.json(r.event), v.time(r.createdAt)];
  }

  outbox(row: SqlRow): OutboxRecord {
    const v = this.v;
    return {
      id: row.id as string,
      tenantId: row.tenant_id as string,
      instanceId: row.instance_id as string,
      type: row.type as string,
      payload: v.readJson(row.payload),
      idempotencyKey: row.idempotency_key as string,
      status: row.status as OutboxStatus,
      attempts: Number(row.attempts),
      nextAttemptAt: v.readTime(row.next_attempt_at),
      lastError: (row.last_error as string | null) ?? null,
      createdAt: v.readTime(row.created_at),
      completedAt: row.completed_at === null || row.completed_at === undefined ? null : v.readTime(row.completed_at),
    };
  }

  outboxParams(r: OutboxRecord): unknown[] {
    const v = this.v;
    return [
      r.id, r.tenantId, r.instanceId, r.type, v.json(r.payload), r.idempotencyKey, r.status, r.attempts, v.time(r.nextAttemptAt), r.lastError,
      v.time(r.createdAt), r.completedAt ? v.time(r.completedAt) : null,
    ];
  }

  command(row: SqlRow): CommandRecord {
    return {
      tenantId: row.tenant_id as string,
      idempotencyKey: row.idempotency_key as string,
      fingerprint: row.fingerprint as string,
      result: this.v.readJson(row.result),
      createdAt: this.v.readTime(row.created_at),
    };
  }

  commandParams(r: CommandRecord): unknown[] {
    return [r.tenantId, r.idempotencyKey, r.fingerprint, this.v.json(r.result), this.v.time(r.createdAt)];
  }

  workItem(row: SqlRow): WorkItemRecord {
    const v = this.v;
    return {
      tenantId: row.tenant_id as string,
      instanceId: row.instance_id as string,
      workflow: row.workflow as string,
      state: row.state as string,
      assignee: (row.assignee as string | null) ?? null,
      actRoles: (row.act_roles as string).split(' ').filter(Boolean),
      slaCondition: row.sla_condition as WorkItemSlaCondition,
      dueAt: row.due_at === null || row.due_at === undefined ? null : v.readTime(row.due_at),
      escalated: row.escalated === true || Number(row.escalated) === 1,
      urgencyRank: Number(row.urgency_rank),
      sortAt: v.readTime(row.sort_at),
      createdAt: v.readTime(row.created_at),
      updatedAt: v.readTime(row.updated_at),
    };
  }

  /** In the statements' work-item column order; roles framed by spaces for `LIKE '% role %'`. */
  workItemParams(r: WorkItemRecord): unknown[] {
    const v = this.v;
    return [
      r.tenantId, r.instanceId, r.workflow, r.state, r.assignee, ` ${r.actRoles.join(' ')} `, r.slaCondition, r.dueAt ? v.time(r.dueAt) : null,
      v.bool(r.escalated), r.urgencyRank, v.time(r.sortAt), v.time(r.createdAt), v.time(r.updatedAt),
    ];
  }
}
