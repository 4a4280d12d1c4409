/**
 * A complaint's line in staff work queues. Complaints keep their own deadlines in context (each
 * kind has its own targets), so the queue's SLA condition comes from them: breached while a
 * target of the current round is breached, paused while waiting for the complainant, else due at
 * the nearest armed deadline. A stage-2 case is in the supervisors' escalation queue.
 */
import type { WorkItemFacts } from '../../engine/definition';
import type { ComplaintContext } from './complaint.machine';

/** The work-item facts of a complaint in `state` (flattened) with `context`. */
export function complaintWorkItem(state: string, context: ComplaintContext): WorkItemFacts {
  const base = { assignee: context.officer?.id ?? null, escalated: context.escalation !== null };
  const breaches = context.breaches.filter((b) => b.round === context.round).map((b) => new Date(b.dueAt).getTime());
  if (breaches.length) return { ...base, sla: { condition: 'breached', dueAt: new Date(Math.min(...breaches)) } };
  if (state.includes('awaitingComplainant')) return { ...base, sla: { condition: 'paused', dueAt: null } };
  const due = [context.deadlines.acknowledge?.due, context.deadlines.answer?.due].filter((d): d is string => typeof d === 'string').map((d) => new Date(d).getTime());
  return due.length ? { ...base, sla: { condition: 'on-time', dueAt: new Date(Math.min(...due)) } } : base;
}
