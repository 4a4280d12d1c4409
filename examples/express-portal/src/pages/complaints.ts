/**
 * Questions, criticism, suggestions and complaints: file a message (the two codes are shown
 * once, to keep), the signed-in person's messages, each message's page, and the public lookup
 * by both codes (rate limited per client, like the JSON route).
 */
import type { Express } from 'express';
import { fileMessage, lookupComplaint, MESSAGE_KINDS, NotFoundError, type ComplainantView, type PublicComplaintView } from '@statdesk/core';
import { html } from '../html';
import { digits, label, stateLabel, t, type Language } from '../i18n';
import type { PortalContext } from '../portal-context';
import { actionsOf, historyTable } from './instance-page';
import { citizenStatus, csrfField, layout, when } from './layout';
import { orderList } from './orders';
import { actorOf, field, pageState, requireUser, route } from './page-route';

export function mountComplaints(app: Express, context: PortalContext): void {
  const { desk, tenantId } = context;

  app.get(
    '/complaints',
    route(async (_req, res) => {
      const page = pageState(res);
      const { lang, user } = page;
      const mine = user ? await desk.list({ tenantId, workflow: 'complaint', ownerId: user.id, limit: 50 }, actorOf(user)) : undefined;
      res.type('html').send(
        layout(
          page,
          t(lang, 'complaints'),
          html`<p><a href="/complaints/lookup">${t(lang, 'lookupTitle')}</a></p>
          ${mine ? html`<h2>${t(lang, 'myMessages')}</h2>${orderList(lang, mine.items, (v) => `/complaints/${encodeURIComponent(v.id)}`)}` : ''}
          <h2>${t(lang, 'fileMessage')}</h2>
          ${user
            ? html`<form method="post" action="/complaints" class="event">${csrfField(page)}
              <label>${t(lang, 'kind')}<select name="kind">${MESSAGE_KINDS.map((k) => html`<option value="${k}">${label(lang, k)}</option>`)}</select></label>
              <label>${t(lang, 'subject')}<input name="subject"></label>
              <label>${t(lang, 'body')}<textarea name="body" rows="5"></textarea></label>
              <button>${t(lang, 'send')}</button></form>`
            : html`<p>${t(lang, 'signInFirst')} <a href="/login">${t(lang, 'login')}</a></p>`}`,
        ),
      );
    }),
  );

  app.post(
    '/complaints',
    route(async (req, res) => {
      const page = pageState(res);
      const { lang } = page;
      const user = requireUser(res);
      const filed = await fileMessage(desk, {
        tenantId,
        actor: actorOf(user),
        input: { kind: field(req, 'kind') ?? '', subject: field(req, 'subject') ?? '', body: field(req, 'body') ?? '', language: lang },
      });
      res.status(201).type('html').send(
        layout(
          page,
          t(lang, 'fileMessage'),
          html`<p>${t(lang, 'keepCodes')}</p>
          <dl class="codes"><dt>${t(lang, 'trackingCode')}</dt><dd class="tracking-code" dir="ltr">${filed.display.trackingCode}</dd>
          ${filed.display.complaintCode ? html`<dt>${t(lang, 'complaintCode')}</dt><dd class="complaint-code" dir="ltr">${filed.display.complaintCode}</dd>` : ''}</dl>
          <p><a href="/complaints/${filed.instanceId}">${t(lang, 'open')}</a></p>`,
        ),
      );
    }),
  );

  const lookupForm = (page: ReturnType<typeof pageState>) => html`<form method="post" action="/complaints/lookup" class="event">${csrfField(page)}
    <label>${t(page.lang, 'trackingCode')}<input name="trackingCode" dir="ltr" inputmode="numeric"></label>
    <label>${t(page.lang, 'complaintCode')}<input name="complaintCode" dir="ltr" inputmode="numeric"></label>
    <button>${t(page.lang, 'lookup')}</button></form>`;

  app.get('/complaints/lookup', (_req, res) => {
    const page = pageState(res);
    res.type('html').send(layout(page, t(page.lang, 'lookupTitle'), lookupForm(page)));
  });

  app.post(
    '/complaints/lookup',
    route(async (req, res) => {
      const page = pageState(res);
      const { lang } = page;
      const trackingCode = field(req, 'trackingCode') ?? '';
      const complaintCode = field(req, 'complaintCode');
      // A token is spent per request, malformed or not; an exhausted client gets a 429 page.
      const result = await lookupComplaint(
        desk,
        { tenantId, trackingCode, ...(complaintCode ? { complaintCode } : {}), clientId: req.ip ?? 'unknown' },
        { rateLimiter: context.publicLimiter },
      );
      if (!result.found) res.status(404);
      res.type('html').send(
        layout(page, t(lang, 'lookupTitle'), html`${result.found ? publicStatus(lang, result.message) : html`<p class="error">${t(lang, 'notFound')}</p>`}${lookupForm(page)}`),
      );
    }),
  );

  app.get(
    '/complaints/:id',
    route(async (req, res) => {
      const page = pageState(res);
      const { lang } = page;
      const user = requireUser(res);
      const view = await desk.get({ tenantId, instanceId: String(req.params.id) }, actorOf(user));
      if (view.workflow !== 'complaint') throw new NotFoundError('message', view.id);
      const data = view.data as Partial<ComplainantView> & { context?: Partial<ComplainantView> };
      const message = (data.trackingCode ? data : (data.context ?? data)) as Partial<ComplainantView>;
      res.type('html').send(
        layout(
          page,
          `${label(lang, message.kind ?? 'complaint')} ${message.trackingCode ?? ''}`,
          html`<p>${t(lang, 'state')}: <strong class="state">${stateLabel(lang, 'complaint', view.state)}</strong></p>${citizenStatus(lang, 'complaint', view.state)}
          ${message.subject ? html`<dl><dt>${t(lang, 'subject')}</dt><dd>${message.subject}</dd><dt>${t(lang, 'body')}</dt><dd>${message.body ?? ''}</dd></dl>` : ''}
          ${message.answers?.length ? html`<h2>${t(lang, 'answers')}</h2><ul>${message.answers.map((a) => html`<li><small>${when(lang, answeredAt(a.at))}</small><p>${a.text}</p></li>`)}</ul>` : ''}
          ${actionsOf(page, view)}
          ${await historyTable(desk, page, view)}`,
        ),
      );
    }),
  );
}

function publicStatus(lang: Language, message: PublicComplaintView) {
  return html`<dl class="lookup-result">
    <dt>${t(lang, 'kind')}</dt><dd>${message.kindLabel[lang]}</dd>
    <dt>${t(lang, 'trackingCode')}</dt><dd dir="ltr">${message.trackingCode}</dd>
    <dt>${t(lang, 'state')}</dt><dd class="status">${message.statusLabel[lang]}</dd>
    <dt>${t(lang, 'filedAt')}</dt><dd>${when(lang, message.filedAt.at)}</dd>
  </dl>
  ${message.answers.length ? html`<h2>${t(lang, 'answers')}</h2><ul>${message.answers.map((a) => html`<li><small>${when(lang, a.at.at)} (${digits(lang, a.stage)})</small><p>${a.text}</p></li>`)}</ul>` : ''}`;
}

/** Staff read the raw context (an ISO string); the complainant's view has `{ at, jalali }`. */
function answeredAt(at: unknown): string | undefined {
  if (typeof at === 'string') return at;
  return typeof at === 'object' && at !== null && typeof (at as { at?: unknown }).at === 'string' ? (at as { at: string }).at : undefined;
}
