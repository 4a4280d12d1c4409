/**
 * The staff work queue: every open case of the workflows this person may read, with its SLA
 * status (urgency and the next deadline, from the definition's policy over the case's history),
 * most urgent first.
 */
import type { Express } from 'express';
import { isStatdeskError, type InstanceView, type SlaSummary, type SlaWorkflowDefinition, type WorkflowDefinition } from '@statdesk/core';
import { html } from '../html';
import { label, t } from '../i18n';
import { INCIDENT_WORKFLOWS } from '../incidents';
import type { PortalContext } from '../portal-context';
import { pageOf } from './instance-page';
import { layout, when } from './layout';
import { actorOf, pageState, requireUser, route } from './page-route';

const QUEUES = ['information-order', 'complaint', 'shop-order', ...INCIDENT_WORKFLOWS] as const;
const URGENCY_ORDER = ['breached', 'at-risk', 'on-track', 'paused', 'not-started', 'done'];

/** What the queue shows of a case's service-level status. */
interface QueueSla {
  urgency: string;
  nextDeadline: { at: Date } | null;
}

interface QueueItem {
  view: InstanceView;
  sla: QueueSla | undefined;
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

export function mountStaff(app: Express, context: PortalContext): void {
  const { desk, tenantId } = context;
  app.get(
    '/staff',
    route(async (_req, res) => {
      const page = pageState(res);
      const { lang } = page;
      const user = requireUser(res);
      const actor = actorOf(user);
      const sections = [];
      for (const workflow of QUEUES) {
        let items: InstanceView[];
        try {
          items = (await desk.list({ tenantId, workflow, status: 'active', limit: 50 }, actor)).items;
        } catch (error) {
          if (isStatdeskError(error, 'NOT_ALLOWED')) continue;
          throw error;
        }
        // Only cases this person works on: a citizen's own orders are not a queue.
        if (items.length > 0 && items.every((v) => v.ownerId === user.id)) continue;
        const queue: QueueItem[] = [];
        for (const view of items) {
          const definition = desk.registry.get(view.workflow, view.definitionVersion);
          const sla = hasSla(definition)
            ? summaryOf(definition.sla.summary(await desk.history({ tenantId, instanceId: view.id }, actor), desk.clock.now()))
            : ownDeadlines(view, desk.clock.now());
          queue.push({ view, sla });
        }
        queue.sort((a, b) => rank(a) - rank(b) || (a.sla?.nextDeadline?.at.getTime() ?? Infinity) - (b.sla?.nextDeadline?.at.getTime() ?? Infinity));
        sections.push(html`<section class="queue" data-workflow="${workflow}"><h2>${label(lang, workflow)}</h2>
          ${queue.length === 0
            ? html`<p>${t(lang, 'noItems')}</p>`
            : html`<table><tr><th>#</th><th>${t(lang, 'state')}</th><th>${t(lang, 'urgency')}</th><th>${t(lang, 'sla')}</th><th></th></tr>
              ${queue.map(
                ({ view, sla }) => html`<tr class="urgency-${sla?.urgency ?? 'none'}"><td>${view.id}</td><td>${label(lang, view.state)}</td>
                <td>${label(lang, sla?.urgency ?? 'none')}</td>
                <td>${sla?.nextDeadline ? html`<span class="deadline" data-at="${sla.nextDeadline.at.toISOString()}">${when(lang, sla.nextDeadline.at)}</span>` : '—'}</td>
                <td><a href="${pageOf(view)}">${t(lang, 'open')}</a></td></tr>`,
              )}</table>`}</section>`);
      }
      res.type('html').send(layout(page, t(lang, 'staffQueue'), html`${sections}`));
    }),
  );
}

function hasSla(definition: WorkflowDefinition): definition is SlaWorkflowDefinition {
  return 'sla' in definition && typeof (definition as Partial<SlaWorkflowDefinition>).sla?.summary === 'function';
}

function rank(item: QueueItem): number {
  const at = URGENCY_ORDER.indexOf(item.sla?.urgency ?? 'not-started');
  return at < 0 ? URGENCY_ORDER.length : at;
}
