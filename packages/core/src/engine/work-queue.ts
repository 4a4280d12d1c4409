/**
 * Staff work queues over the desk: which work items an actor may see, asked of storage as one
 * indexed query. Staff see the open work of workflows they may read, limited to what their roles
 * may act on next; citizens (owner-only roles) never see a queue.
 */
import { NotAllowedError, ValidationError } from '../errors';
import type { Page } from '../ports/storage';
import type { WorkItemQuery, WorkItemRecord, WorkItemSlaCondition } from '../ports/work-items';
import { SYSTEM_ROLE, type Actor } from './actor';
import type { WorkflowRegistry } from './registry';

/** What `desk.queue` takes: a work-item query without the storage's tenant scoping rules. */
export interface WorkQueueQuery {
  /** The tenant. */
  tenantId: string;
  /** Only these workflows (default: every workflow the actor may read). */
  workflows?: readonly string[];
  /** Only these exact states. */
  states?: readonly string[];
  /** Only this state or its sub-states. */
  stateGroup?: string;
  /** Only items assigned to this staff member (`null`: only unassigned). */
  assignee?: string | null;
  /** Only items these roles (each held by the actor) may act on; default: any role the actor holds. */
  roles?: readonly string[];
  /** Only items in these SLA conditions. */
  slaConditions?: readonly WorkItemSlaCondition[];
  /** Only escalated (or only not escalated) items. */
  escalated?: boolean;
  /** Created at or after. */
  createdFrom?: Date;
  /** Created before. */
  createdTo?: Date;
  /** Changed at or after. */
  updatedFrom?: Date;
  /** Changed before. */
  updatedTo?: Date;
  /** Page size, 1..500 (default 50). */
  limit?: number;
  /** The previous page's `nextCursor`. */
  cursor?: string;
}

/** One line of a work queue, as staff get it. */
export type WorkQueueItem = Omit<WorkItemRecord, 'tenantId' | 'urgencyRank' | 'sortAt'>;

/**
 * The storage query for `query` as `actor` may run it, or `NotAllowedError` (a citizen, a
 * workflow the actor may not read, a role the actor does not hold).
 */
export function workQueueStorageQuery(registry: WorkflowRegistry, query: WorkQueueQuery, actor: Actor): WorkItemQuery {
  const readable = registry.names().filter((name) => {
    const def = registry.latest(name);
    return def !== undefined && actor.roles.some((r) => r === SYSTEM_ROLE || def.readRoles.includes(r));
  });
  if (!readable.length) throw new NotAllowedError('read work queues', actor.roles);
  const workflows = query.workflows ?? readable;
  const hidden = workflows.find((w) => !readable.includes(w));
  if (hidden !== undefined) throw new NotAllowedError(`read the ${hidden} work queue`, actor.roles);
  const foreign = query.roles?.find((r) => !actor.roles.includes(r));
  if (foreign !== undefined) throw new NotAllowedError(`read the work queue of role ${foreign}`, actor.roles);
  const limit = query.limit ?? 50;
  if (!Number.isInteger(limit) || limit < 1 || limit > 500) throw new ValidationError('work queue query', [{ path: 'limit', message: 'must be a whole number from 1 to 500' }]);
  // The system role sees every item; staff only what their roles may act on.
  const roles = query.roles ?? (actor.roles.includes(SYSTEM_ROLE) ? undefined : actor.roles);
  const { tenantId, states, stateGroup, assignee, slaConditions, escalated, createdFrom, createdTo, updatedFrom, updatedTo, cursor } = query;
  return {
    tenantId,
    workflows,
    limit,
    ...(roles ? { roles } : {}),
    ...(states ? { states } : {}),
    ...(stateGroup !== undefined ? { stateGroup } : {}),
    ...(assignee !== undefined ? { assignee } : {}),
    ...(slaConditions ? { slaConditions } : {}),
    ...(escalated !== undefined ? { escalated } : {}),
    ...(createdFrom ? { createdFrom } : {}),
    ...(createdTo ? { createdTo } : {}),
    ...(updatedFrom ? { updatedFrom } : {}),
    ...(updatedTo ? { updatedTo } : {}),
    ...(cursor !== undefined ? { cursor } : {}),
  };
}

/** A storage page as staff get it. */
export function toWorkQueuePage(page: Page<WorkItemRecord>): Page<WorkQueueItem> {
  return {
    items: page.items.map(({ tenantId: _tenant, urgencyRank: _rank, sortAt: _sort, ...item }) => item),
    ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}),
  };
}
