/** The staff work queue page: each queue of `staff-queues.ts`, most urgent first, with its SLA deadlines. */
import type { Express } from 'express';
import { html } from '../html';
import { label, t } from '../i18n';
import type { PortalContext } from '../portal-context';
import { staffQueues } from '../staff-queues';
import { pageOf } from './instance-page';
import { layout, when } from './layout';
import { actorOf, pageState, requireUser, route } from './page-route';

export function mountStaff(app: Express, context: PortalContext): void {
  app.get(
    '/staff',
    route(async (_req, res) => {
      const page = pageState(res);
      const { lang } = page;
      const user = requireUser(res);
      const queues = await staffQueues(context, actorOf(user));
      const sections = queues.map(
        ({ workflow, items }) => html`<section class="queue" data-workflow="${workflow}"><h2>${label(lang, workflow)}</h2>
          ${items.length === 0
            ? html`<p>${t(lang, 'noItems')}</p>`
            : html`<table><tr><th>#</th><th>${t(lang, 'state')}</th><th>${t(lang, 'urgency')}</th><th>${t(lang, 'sla')}</th><th></th></tr>
              ${items.map(
                ({ view, sla }) => html`<tr class="urgency-${sla?.urgency ?? 'none'}"><td>${view.id}</td><td>${label(lang, view.state)}</td>
                <td>${label(lang, sla?.urgency ?? 'none')}</td>
                <td>${sla?.nextDeadline ? html`<span class="deadline" data-at="${sla.nextDeadline.at.toISOString()}">${when(lang, sla.nextDeadline.at)}</span>` : '—'}</td>
                <td><a href="${pageOf(view)}">${t(lang, 'open')}</a></td></tr>`,
              )}</table>`}</section>`,
      );
      res.type('html').send(layout(page, t(lang, 'staffQueue'), html`${sections}`));
    }),
  );
}
