/**
 * The staff work queues: every open case of the workflows this person may act on, most urgent
 * first (breached, then the nearest deadline), one page per workflow from `desk.queue` — the
 * SDK's indexed work queue, kept current at write time, not sorted here. Framework-free: the
 * Express and Next.js portals render it each their way.
 */
import { isStatdeskError, type Actor, type Desk, type InstanceView, type WorkItemSlaCondition, type WorkQueueItem } from '@statdesk/core';
import { INCIDENT_WORKFLOWS } from './incidents';

export const QUEUES = ['information-order', 'complaint', 'shop-order', ...INCIDENT_WORKFLOWS] as const;

/** Which cases a view of the queue shows: all open work, the caller's own, or the supervisors' escalations. */
export type QueueView = 'all' | 'mine' | 'escalations';

/** What the queue shows of a case's service-level status. */
export interface QueueSla {
  urgency: string;
  nextDeadline: { at: Date } | null;
}

export interface QueueItem {
  view: InstanceView;
  sla: QueueSla | undefined;
  /** The staff member the case is assigned to, if any. */
  assignee: string | null;
  /** Whether the case is in the supervisors' escalation queue. */
  escalated: boolean;
}

/** One workflow's queue; only workflows the person may read and works on appear. */
export interface StaffQueue {
  workflow: string;
  items: QueueItem[];
}

/** The queue's SLA condition in the words the portal's labels use. */
const URGENCY: Record<WorkItemSlaCondition, string> = { breached: 'breached', warning: 'at-risk', 'on-time': 'on-track', paused: 'paused', none: 'not-started' };

function slaOf(item: WorkQueueItem): QueueSla {
  return { urgency: URGENCY[item.slaCondition], nextDeadline: item.dueAt ? { at: item.dueAt } : null };
}

/**
 * How staff name a case in a list: its order number, a complaint's tracking code (in groups of
 * four, as the complainant was given it) or an incident's title; the machine id only for a case
 * that has none of those.
 */
export function caseReference(view: InstanceView): string {
  const data = (view.data ?? {}) as { orderNumber?: unknown; trackingCode?: unknown; title?: unknown };
  if (typeof data.orderNumber === 'string') return data.orderNumber;
  if (typeof data.trackingCode === 'string') return data.trackingCode.replace(/(\d{4})(?=\d)/g, '$1 ');
  if (typeof data.title === 'string' && data.title.trim()) return data.title;
  return view.id;
}

export async function staffQueues(context: { desk: Desk; tenantId: string }, actor: Actor, view: QueueView = 'all'): Promise<StaffQueue[]> {
  const { desk, tenantId } = context;
  const queues: StaffQueue[] = [];
  for (const workflow of QUEUES) {
    let page;
    try {
      page = await desk.queue(
        { tenantId, workflows: [workflow], limit: 50, ...(view === 'mine' ? { assignee: actor.id } : {}), ...(view === 'escalations' ? { escalated: true } : {}) },
        actor,
      );
    } catch (error) {
      // Workflows this person may not read are not their queues; citizens have none.
      if (isStatdeskError(error, 'NOT_ALLOWED')) continue;
      throw error;
    }
    const items: QueueItem[] = [];
    for (const item of page.items) {
      const instance = await desk.get({ tenantId, instanceId: item.instanceId }, actor);
      items.push({ view: instance, sla: slaOf(item), assignee: item.assignee, escalated: item.escalated });
    }
    queues.push({ workflow, items });
  }
  return queues;
}
