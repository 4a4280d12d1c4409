/**
 * Work items: one row per open instance, kept by the engine in the same transaction as every
 * command, so a staff work queue is one indexed query (see `Storage.listWorkItems`) instead of a
 * scan of instances and their histories. The SLA condition and deadline are written when they
 * change — a transition, or an SLA warning or breach timer firing — never recomputed on read.
 *
 * Queue order is `urgencyRank`, then `sortAt`, then `instanceId`, all ascending: breached work
 * first (oldest breach first), then running clocks by nearest deadline, then paused work, then
 * work without a running SLA clock (oldest first). `workItemOrder` computes the two sort fields,
 * so every adapter orders identically.
 */
import { Buffer } from 'node:buffer';
import { ValidationError } from '../errors';

/** The SLA condition of an open instance, as a queue filters it. */
export type WorkItemSlaCondition = 'on-time' | 'warning' | 'breached' | 'paused' | 'none';

/** One open instance as staff work queues see it. */
export interface WorkItemRecord {
  /** The tenant. */
  tenantId: string;
  /** The instance. */
  instanceId: string;
  /** The workflow's name. */
  workflow: string;
  /** The flattened state (`review.pricing`). */
  state: string;
  /** The staff member the case is assigned to, if any. */
  assignee: string | null;
  /** Staff roles that may send an event in this state (owner-only roles and `system` excluded). */
  actRoles: string[];
  /** The SLA condition as of the last write. */
  slaCondition: WorkItemSlaCondition;
  /** The open breach's instant when breached, else the nearest running deadline; `null` without one. */
  dueAt: Date | null;
  /** Whether the case sits in a supervisor's escalation queue. */
  escalated: boolean;
  /** 0 breached, 1 running (warning or on time), 2 paused, 3 no clock: the first sort key. */
  urgencyRank: number;
  /** The second sort key: `dueAt`, or `createdAt` when there is none. */
  sortAt: Date;
  /** When the instance was created (UTC). */
  createdAt: Date;
  /** When it last changed (UTC). */
  updatedAt: Date;
}

/** Which work items `Storage.listWorkItems` returns; every filter narrows (AND). */
export interface WorkItemQuery {
  /** The tenant. */
  tenantId: string;
  /** Only these workflows. */
  workflows?: readonly string[];
  /** Only these exact states. */
  states?: readonly string[];
  /** Only this state or its sub-states (a state group such as `review`). */
  stateGroup?: string;
  /** Only items assigned to this staff member; `null`: only unassigned items. */
  assignee?: string | null;
  /** Only items that at least one of these roles may act on. */
  roles?: readonly string[];
  /** Only items in one of these SLA conditions. */
  slaConditions?: readonly WorkItemSlaCondition[];
  /** Only escalated (or only not escalated) items. */
  escalated?: boolean;
  /** Created at or after this instant. */
  createdFrom?: Date;
  /** Created before this instant. */
  createdTo?: Date;
  /** Changed at or after this instant. */
  updatedFrom?: Date;
  /** Changed before this instant. */
  updatedTo?: Date;
  /** 1..500. */
  limit: number;
  /** The `nextCursor` of the previous page. */
  cursor?: string;
}

const RANKS: Record<WorkItemSlaCondition, number> = { breached: 0, warning: 1, 'on-time': 1, paused: 2, none: 3 };

/** The sort fields of a work item (see the module comment). */
export function workItemOrder(item: { slaCondition: WorkItemSlaCondition; dueAt: Date | null; createdAt: Date }): { urgencyRank: number; sortAt: Date } {
  const urgencyRank = RANKS[item.slaCondition];
  return { urgencyRank, sortAt: (urgencyRank <= 1 && item.dueAt) || item.createdAt };
}

/** A queue cursor: the last item's sort key. Opaque to callers. */
export function encodeWorkItemCursor(item: Pick<WorkItemRecord, 'urgencyRank' | 'sortAt' | 'instanceId'>): string {
  return Buffer.from(JSON.stringify([item.urgencyRank, item.sortAt.getTime(), item.instanceId])).toString('base64url');
}

/** The sort key in a cursor, or `undefined` when it is not one `encodeWorkItemCursor` made. */
export function decodeWorkItemCursor(cursor: string): { urgencyRank: number; sortAt: Date; instanceId: string } | undefined {
  try {
    const [rank, time, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString()) as unknown[];
    if (Number.isInteger(rank) && Number.isSafeInteger(time) && !Number.isNaN(new Date(time as number).getTime()) && typeof id === 'string') {
      return { urgencyRank: rank as number, sortAt: new Date(time as number), instanceId: id };
    }
  } catch {
    // Not JSON: not ours.
  }
  return undefined;
}

/** Every SLA condition a queue may filter on. */
export const WORK_ITEM_SLA_CONDITIONS: readonly WorkItemSlaCondition[] = Object.freeze(['on-time', 'warning', 'breached', 'paused', 'none']);

/**
 * Checks a work-item query as every adapter must (a `ValidationError` naming the field) and
 * returns the decoded cursor, if any.
 */
export function checkWorkItemQuery(query: WorkItemQuery): { urgencyRank: number; sortAt: Date; instanceId: string } | undefined {
  const issues: { path: string; message: string }[] = [];
  if (!Number.isInteger(query.limit) || query.limit < 1 || query.limit > 500) issues.push({ path: 'limit', message: 'must be an integer from 1 to 500' });
  for (const c of query.slaConditions ?? []) {
    if (!WORK_ITEM_SLA_CONDITIONS.includes(c)) issues.push({ path: 'slaConditions', message: `"${String(c)}" is not an SLA condition` });
  }
  for (const field of ['createdFrom', 'createdTo', 'updatedFrom', 'updatedTo'] as const) {
    const value = query[field];
    if (value !== undefined && (!(value instanceof Date) || Number.isNaN(value.getTime()))) issues.push({ path: field, message: 'must be a valid instant' });
  }
  const cursor = query.cursor === undefined ? undefined : decodeWorkItemCursor(query.cursor);
  if (query.cursor !== undefined && !cursor) issues.push({ path: 'cursor', message: 'is not a cursor this storage returned' });
  if (issues.length) throw new ValidationError('work-item query', issues);
  return cursor;
}

/** Whether a work item matches every filter of a query (the reference semantics, for in-memory adapters). */
export function workItemMatches(item: WorkItemRecord, query: WorkItemQuery): boolean {
  const within = (at: Date, from?: Date, to?: Date) => (from === undefined || at >= from) && (to === undefined || at < to);
  return (
    item.tenantId === query.tenantId &&
    (query.workflows === undefined || query.workflows.includes(item.workflow)) &&
    (query.states === undefined || query.states.includes(item.state)) &&
    (query.stateGroup === undefined || item.state === query.stateGroup || item.state.startsWith(`${query.stateGroup}.`)) &&
    (query.assignee === undefined || item.assignee === query.assignee) &&
    (query.roles === undefined || query.roles.some((r) => item.actRoles.includes(r))) &&
    (query.slaConditions === undefined || query.slaConditions.includes(item.slaCondition)) &&
    (query.escalated === undefined || item.escalated === query.escalated) &&
    within(item.createdAt, query.createdFrom, query.createdTo) &&
    within(item.updatedAt, query.updatedFrom, query.updatedTo)
  );
}

/** Queue order (see the module comment): negative when `a` comes first. */
export function compareWorkItems(a: Pick<WorkItemRecord, 'urgencyRank' | 'sortAt' | 'instanceId'>, b: Pick<WorkItemRecord, 'urgencyRank' | 'sortAt' | 'instanceId'>): number {
  return a.urgencyRank - b.urgencyRank || a.sortAt.getTime() - b.sortAt.getTime() || (a.instanceId < b.instanceId ? -1 : a.instanceId > b.instanceId ? 1 : 0);
}
