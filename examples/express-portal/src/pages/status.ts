/** The public service-status page, and the operators' incident reports and pages. */
import type { Express } from 'express';
import { NotFoundError } from '@statdesk/core';
import { html } from '../html';
import { label, stateLabel, t } from '../i18n';
import { INCIDENT_WORKFLOWS, publicIncidents } from '../incidents';
import type { PortalContext } from '../portal-context';
import { actionsOf, historyTable } from './instance-page';
import { csrfField, layout, when } from './layout';
import { actorOf, field, pageState, requireUser, route } from './page-route';

export function mountStatus(app: Express, context: PortalContext): void {
  const { desk, tenantId } = context;

  app.get(
    '/status',
    route(async (req, res) => {
      const page = pageState(res);
      const { lang, user } = page;
      // The same token bucket as the JSON route: the board is public.
      const taken = await context.publicLimiter.take(`status:${req.ip ?? 'unknown'}`);
      if (!taken.allowed) {
        res.status(429).setHeader('retry-after', String(Math.ceil(taken.retryAfterMs / 1000)));
        res.type('html').send(layout(page, t(lang, 'serviceStatus'), html`<p class="error">${t(lang, 'tooManyRequests')}</p>`));
        return;
      }
      const incidents = await publicIncidents(context);
      const mayReport = user?.roles.some((r) => r === 'operator' || r === 'supervisor');
      res.type('html').send(
        layout(
          page,
          t(lang, 'serviceStatus'),
          html`${incidents.length === 0
            ? html`<p class="all-clear">${t(lang, 'allServicesUp')}</p>`
            : html`<ul class="incidents">${incidents.map(
                (i) => html`<li class="incident"><h2>${label(lang, i.channel)}: ${i.title}</h2>
                <p>${t(lang, 'state')}: <strong>${stateLabel(lang, 'incident', i.state)}</strong></p>
                <p class="public-message">${i.publicMessage}</p>
                <p>${t(lang, 'reportedAt')}: ${when(lang, i.reportedAt)}${i.restoredAt ? html` — ${t(lang, 'restoredAt')}: ${when(lang, i.restoredAt)}` : ''}</p>
                ${i.restoration.deadline ? html`<p>${t(lang, 'restorationDeadline')}: ${when(lang, i.restoration.deadline)}</p>` : ''}</li>`,
              )}</ul>`}
          ${mayReport
            ? html`<h2>${t(lang, 'reportIncident')}</h2><form method="post" action="/staff/incidents" class="event">${csrfField(page)}
              <label>${t(lang, 'channel')}<select name="workflow">${INCIDENT_WORKFLOWS.map((w) => html`<option value="${w}">${label(lang, w)}</option>`)}</select></label>
              <label>${t(lang, 'title')}<input name="title"></label>
              <label>${t(lang, 'publicMessage')}<textarea name="publicMessage" rows="3"></textarea></label>
              <button>${t(lang, 'reportIncident')}</button></form>`
            : ''}`,
        ),
      );
    }),
  );

  app.post(
    '/staff/incidents',
    route(async (req, res) => {
      const user = requireUser(res);
      const workflow = field(req, 'workflow') ?? '';
      if (!(INCIDENT_WORKFLOWS as readonly string[]).includes(workflow)) throw new NotFoundError('workflow', workflow);
      const created = await desk.create({ tenantId, workflow, actor: actorOf(user), input: { title: field(req, 'title') ?? '', publicMessage: field(req, 'publicMessage') ?? '' } });
      res.redirect(303, `/staff/incidents/${encodeURIComponent(created.instanceId)}`);
    }),
  );

  app.get(
    '/staff/incidents/:id',
    route(async (req, res) => {
      const page = pageState(res);
      const user = requireUser(res);
      const view = await desk.get({ tenantId, instanceId: String(req.params.id) }, actorOf(user));
      if (!view.workflow.startsWith('incident-')) throw new NotFoundError('incident', view.id);
      const data = view.data as { context?: { title?: string; publicMessage?: string } };
      res.type('html').send(
        layout(
          page,
          `${label(page.lang, view.workflow)}: ${data.context?.title ?? view.id}`,
          html`<p>${t(page.lang, 'state')}: <strong class="state">${stateLabel(page.lang, view.workflow, view.state)}</strong></p>
          <p>${data.context?.publicMessage ?? ''}</p>${actionsOf(page, view)}${await historyTable(desk, page, view)}`,
        ),
      );
    }),
  );
}
