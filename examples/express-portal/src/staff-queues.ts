/**
 * The staff work queues: every open case of the workflows this person may read, with its SLA
 * status (urgency and the next deadline, from the definition's policy over the case's history),
 * most urgent first. Framework-free: the Express and Next.js portals render it each their way.
 */
import { isStatdeskError, type Actor, type Desk, type InstanceView, type SlaSummary, type SlaWorkflowDefinition, type WorkflowDefinition } from '@statdesk/core';
import { INCIDENT_WORKFLOWS } from './incidents';

export const QUEUES = ['information-order', 'complaint', 'shop-order', ...INCIDENT_WORKFLOWS] as const;
const URGENCY_ORDER = ['breached', 'at-risk', 'on-track', 'paused', 'not-started', 'done'];

/** What the queue shows of a case's service-level status. */
export interface QueueSla {
  urgency: string;
  nextDeadline: { at: Date } | null;
}

export interface QueueItem {
  view: InstanceView;
  sla: QueueSla | undefined;
}

/** One workflow's queue; only workflows the person may read and works on appear. */
export interface StaffQueue {
  workflow: string;
  items: QueueItem[];
}

function summaryOf(summary: SlaSummary): QueueSla {
  return { urgency: summary.urgency, nextDeadline: summary.nextDeadline };
}

/**
 * Complaints keep their SLA deadlines in their own context (the machine arms its breach timers
 * from them) rather than through an SLA binding, because each kind has its own targets.
 */
function ownDeadlines(view: InstanceView, now: Date): QueueSla | undefined {
  const data = view.data as { deadlines?: Record<string, { due?: string } | null>; breaches?: { round?: number }[]; round?: number } | undefined;
  if (!data?.deadlines) return undefined;
  const due = ['acknowledge', 'answer']
    .map((name) => data.deadlines?.[name]?.due)
    .filter((d): d is string => typeof d === 'string')
    .map((d) => new Date(d))
    .sort((a, b) => a.getTime() - b.getTime());
  const next = due[0] ?? null;
  const breached = (data.breaches ?? []).some((b) => b.round === data.round) || (next !== null && next.getTime() <= now.getTime());
  return { urgency: breached ? 'breached' : next ? 'on-track' : 'not-started', nextDeadline: next ? { at: next } : null };
}

export async function staffQueues(context: { desk: Desk; tenantId: string }, actor: Actor): Promise<StaffQueue[]> {
  const { desk, tenantId } = context;
  const queues: StaffQueue[] = [];
  for (const workflow of QUEUES) {
    let items: InstanceView[];
    try {
      items = (await desk.list({ tenantId, workflow, status: 'active', limit: 50 }, actor)).items;
    } catch (error) {
      if (isStatdeskError(error, 'NOT_ALLOWED')) continue;
      throw error;
    }
    // Only cases this person works on: a citizen's own orders are not a queue.
    if (items.length > 0 && items.every((v) => v.ownerId === actor.id)) continue;
    const queue: QueueItem[] = [];
    for (const view of items) {
      const definition = desk.registry.get(view.workflow, view.definitionVersion);
      const sla = hasSla(definition)
        ? summaryOf(definition.sla.summary(await desk.history({ tenantId, instanceId: view.id }, actor), desk.clock.now()))
        : ownDeadlines(view, desk.clock.now());
      queue.push({ view, sla });
    }
    queue.sort((a, b) => rank(a) - rank(b) || (a.sla?.nextDeadline?.at.getTime() ?? Infinity) - (b.sla?.nextDeadline?.at.getTime() ?? Infinity));
    queues.push({ workflow, items: queue });
  }
  return queues;
}

function hasSla(definition: WorkflowDefinition): definition is SlaWorkflowDefinition {
  return 'sla' in definition && typeof (definition as Partial<SlaWorkflowDefinition>).sla?.summary === 'function';
}

function rank(item: QueueItem): number {
  const at = URGENCY_ORDER.indexOf(item.sla?.urgency ?? 'not-started');
  return at < 0 ? URGENCY_ORDER.length : at;
}
