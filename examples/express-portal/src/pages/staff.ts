/** The staff work queue page: each queue of `staff-queues.ts`, most urgent first, with its SLA deadlines; all work, assigned to me, or escalations. */
import type { Express } from 'express';
import { html } from '../html';
import { label, stateLabel, t, urgencyLabel } from '../i18n';
import type { PortalContext } from '../portal-context';
import { caseReference, staffQueues, type QueueView } from '../staff-queues';
import { pageOf } from './instance-page';
import { layout, when } from './layout';
import { actorOf, pageState, requireUser, route } from './page-route';

export function mountStaff(app: Express, context: PortalContext): void {
  app.get(
    '/staff',
    route(async (req, res) => {
      const page = pageState(res);
      const { lang } = page;
      const user = requireUser(res);
      const view: QueueView = req.query.view === 'mine' || req.query.view === 'escalations' ? req.query.view : 'all';
      const queues = await staffQueues(context, actorOf(user), view);
      const views = (['all', 'mine', 'escalations'] as const).map(
        (v) => html`<a href="/staff${v === 'all' ? '' : `?view=${v}`}"${v === view ? html` aria-current="page"` : ''}>${t(lang, v === 'all' ? 'queueAll' : v === 'mine' ? 'queueMine' : 'queueEscalations')}</a>`,
      );
      const sections = queues.map(
        ({ workflow, items }) => html`<section class="queue" data-workflow="${workflow}"><h2>${label(lang, workflow)}</h2>
          ${items.length === 0
            ? html`<p>${t(lang, 'noItems')}</p>`
            : html`<table><tr><th>#</th><th>${t(lang, 'state')}</th><th>${t(lang, 'urgency')}</th><th>${t(lang, 'sla')}</th><th></th></tr>
              ${items.map(
                ({ view, sla }) => html`<tr class="urgency-${sla?.urgency ?? 'none'}"><td dir="auto">${caseReference(view)}</td><td>${stateLabel(lang, view.workflow, view.state)}</td>
                <td>${urgencyLabel(lang, sla?.urgency ?? 'none')}</td>
                <td>${sla?.nextDeadline ? html`<span class="deadline" data-at="${sla.nextDeadline.at.toISOString()}">${when(lang, sla.nextDeadline.at)}</span>` : '—'}</td>
                <td><a href="${pageOf(view)}">${t(lang, 'open')}</a></td></tr>`,
              )}</table>`}</section>`,
      );
      res.type('html').send(layout(page, t(lang, 'staffQueue'), html`<nav class="queue-views">${views}</nav>${sections}`));
    }),
  );
}
