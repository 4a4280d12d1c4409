/**
 * What every instance page shares: the history table (who, when, event, from → to; personal
 * fields already redacted by the desk), the event forms, and the generic "send an event" route
 * all those forms post to.
 */
import type { Express } from 'express';
import type { Desk, InstanceView } from '@statdesk/core';
import { html, type SafeHtml } from '../html';
import { eventLabel, roleLabel, stateLabel, t } from '../i18n';
import type { PortalContext } from '../portal-context';
import { eventForms, eventFromForm } from './event-forms';
import { when, type PageState } from './layout';
import { actorOf, field, requireUser, route } from './page-route';

/** The page each workflow's instances are shown on. */
export function pageOf(view: { workflow: string; id: string }): string {
  const id = encodeURIComponent(view.id);
  if (view.workflow === 'information-order') return `/orders/${id}`;
  if (view.workflow === 'shop-order') return `/shop/orders/${id}`;
  if (view.workflow === 'complaint') return `/complaints/${id}`;
  return `/staff/incidents/${id}`;
}

export async function historyTable(desk: Desk, page: PageState, view: InstanceView): Promise<SafeHtml> {
  const { lang } = page;
  const rows = await desk.history({ tenantId: view.tenantId, instanceId: view.id }, actorOf(page.user!));
  return html`<details class="history"><summary>${lang === 'fa' ? 'سابقه' : 'History'}</summary><table>
    <tr><th>#</th><th>${lang === 'fa' ? 'زمان' : 'When'}</th><th>${lang === 'fa' ? 'نقش' : 'Role'}</th><th>${lang === 'fa' ? 'رویداد' : 'Event'}</th><th>${t(lang, 'state')}</th></tr>
    ${rows.map((r) => html`<tr><td>${r.seq}</td><td>${when(lang, r.at)}</td><td>${roleLabel(lang, view.workflow, r.actorRole)}</td><td>${eventLabel(lang, view.workflow, r.eventType)}</td><td>${r.fromState ? html`${stateLabel(lang, view.workflow, r.fromState)} ${lang === 'fa' ? '←' : '→'} ` : ''}${stateLabel(lang, view.workflow, r.toState)}</td></tr>`)}
  </table></details>`;
}

export function actionsOf(page: PageState, view: InstanceView): SafeHtml {
  return html`<h2>${t(page.lang, 'actions')}</h2>${eventForms(page, view)}`;
}

export function mountInstanceActions(app: Express, context: PortalContext): void {
  app.post(
    '/instances/:id/act',
    route(async (req, res) => {
      const user = requireUser(res);
      const actor = actorOf(user);
      const ref = { tenantId: context.tenantId, instanceId: String(req.params.id) };
      const view = await context.desk.get(ref, actor);
      const type = field(req, 'type') ?? '';
      const event = eventFromForm(view.workflow, type, req.body as Record<string, unknown>);
      if (!event) {
        res.status(400).type('text').send('unknown event');
        return;
      }
      if (view.workflow === 'complaint' && type === 'assign' && event.officerId === undefined) event.officerId = user.id;
      await context.desk.send({ ...ref, actor, event });
      res.redirect(303, pageOf(view));
    }),
  );
}
