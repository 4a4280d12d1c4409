/** Custom information orders: the applicant's list and new-order form, and each order's page. */
import { randomBytes } from 'node:crypto';
import type { Express } from 'express';
import { NotFoundError, type InstanceView } from '@statdesk/core';
import { html } from '../html';
import { digits, stateLabel, t, type Language } from '../i18n';
import type { PortalContext } from '../portal-context';
import { actionsOf, historyTable } from './instance-page';
import { citizenStatus, csrfField, layout, money, when } from './layout';
import { actorOf, field, pageState, requireUser, route } from './page-route';

interface OrderData {
  state: string;
  orderNumber: string;
  request?: { subject: string; description: string; geography?: string; period?: string };
  messages?: { seq: number; at: string | Date; from: string; kind: string; text: string }[];
  replyDueAt?: string | Date;
  quote?: { number: number; total: bigint; validUntil: string | Date; acceptedAt?: string | Date };
  payment?: { dueAt?: string | Date; verifiedAt?: string | Date; receipts: { attempt: number; bankTracking: string; amount: bigint; outcome?: string; review?: { outcome: string } }[] };
  delivery?: { files: { key: string; title?: string }[]; link?: { token?: string; expiresAt: string | Date; downloadsLeft?: number; revoked?: boolean } };
}

export function newOrderNumber(): string {
  return `IO-${randomBytes(5).toString('hex').toUpperCase()}`;
}

export function mountOrders(app: Express, context: PortalContext): void {
  const { desk, tenantId } = context;

  app.get(
    '/orders',
    route(async (_req, res) => {
      const page = pageState(res);
      const { lang } = page;
      const user = requireUser(res);
      const mine = await desk.list({ tenantId, workflow: 'information-order', ownerId: user.id, limit: 50 }, actorOf(user));
      res.type('html').send(
        layout(
          page,
          t(lang, 'informationOrders'),
          html`<h2>${t(lang, 'myOrders')}</h2>${orderList(lang, mine.items)}
          <h2>${t(lang, 'newOrder')}</h2>
          <form method="post" action="/orders" class="event">${csrfField(page)}
            <label>${t(lang, 'subject')}<input name="subject"></label>
            <label>${t(lang, 'description')}<textarea name="description" rows="4"></textarea></label>
            <label>${t(lang, 'geography')}<input name="geography"></label>
            <label>${t(lang, 'period')}<input name="period"></label>
            <button>${t(lang, 'create')}</button>
          </form>`,
        ),
      );
    }),
  );

  app.post(
    '/orders',
    route(async (req, res) => {
      const user = requireUser(res);
      const request = {
        subject: field(req, 'subject') ?? '',
        description: field(req, 'description') ?? '',
        ...(field(req, 'geography') ? { geography: field(req, 'geography') } : {}),
        ...(field(req, 'period') ? { period: field(req, 'period') } : {}),
      };
      const created = await desk.create({ tenantId, workflow: 'information-order', actor: actorOf(user), instanceId: newOrderNumber(), input: { request } });
      res.redirect(303, `/orders/${encodeURIComponent(created.instanceId)}`);
    }),
  );

  app.get(
    '/orders/:id',
    route(async (req, res) => {
      const page = pageState(res);
      const { lang } = page;
      const user = requireUser(res);
      const view = await desk.get({ tenantId, instanceId: String(req.params.id) }, actorOf(user));
      if (view.workflow !== 'information-order') throw new NotFoundError('order', view.id);
      const data = view.data as OrderData;
      res.type('html').send(
        layout(
          page,
          `${t(lang, 'order')} ${view.id}`,
          html`<p>${t(lang, 'state')}: <strong class="state">${stateLabel(lang, 'information-order', view.state)}</strong></p>${citizenStatus(lang, 'information-order', view.state)}
          ${data.request ? html`<dl><dt>${t(lang, 'subject')}</dt><dd>${data.request.subject}</dd><dt>${t(lang, 'description')}</dt><dd>${data.request.description}</dd></dl>` : ''}
          ${data.messages?.length ? html`<h2>${t(lang, 'messages')}</h2><ul class="thread">${data.messages.map((m) => html`<li><small>${when(lang, m.at)} — ${m.from}</small><p>${m.text}</p></li>`)}</ul>` : ''}
          ${data.quote ? html`<h2>${t(lang, 'quote')}</h2><dl><dt>${t(lang, 'total')}</dt><dd class="amount" data-rial="${String(data.quote.total)}">${money(lang, data.quote.total)}</dd><dt>${t(lang, 'validUntil')}</dt><dd>${when(lang, data.quote.validUntil)}</dd></dl>` : ''}
          ${data.payment?.dueAt ? html`<p>${t(lang, 'payBy')}: ${when(lang, data.payment.dueAt)}</p>` : ''}
          ${data.payment?.receipts.length ? html`<h2>${t(lang, 'receipts')}</h2><ul>${data.payment.receipts.map((r) => html`<li>${digits(lang, r.attempt)}: ${r.bankTracking} — ${money(lang, r.amount)} — ${r.outcome ?? r.review?.outcome ?? ''}</li>`)}</ul>` : ''}
          ${deliverySection(lang, data)}
          ${actionsOf(page, view)}
          ${await historyTable(desk, page, view)}`,
        ),
      );
    }),
  );
}

function deliverySection(lang: Language, data: OrderData) {
  const link = data.delivery?.link;
  if (!link?.token || link.revoked) return '';
  const token = link.token;
  return html`<h2>${t(lang, 'delivery')}</h2>
    <ul class="downloads">${(data.delivery?.files ?? []).map((file, i) => html`<li><a class="download" href="/api/downloads/${token}.${i + 1}">${t(lang, 'download')}: ${file.title ?? `${i + 1}`}</a></li>`)}</ul>
    <p>${t(lang, 'expiresAt')}: ${when(lang, link.expiresAt)} — ${t(lang, 'downloadsLeft')}: ${digits(lang, link.downloadsLeft ?? 0)}</p>`;
}

export function orderList(lang: Language, items: readonly InstanceView[], href = (v: InstanceView) => `/orders/${encodeURIComponent(v.id)}`) {
  if (items.length === 0) return html`<p>${t(lang, 'noItems')}</p>`;
  return html`<table><tr><th>${t(lang, 'order')}</th><th>${t(lang, 'state')}</th><th></th></tr>${items.map(
    (v) => html`<tr><td>${v.id}</td><td>${stateLabel(lang, v.workflow, v.state)}</td><td><a href="${href(v)}">${t(lang, 'open')}</a></td></tr>`,
  )}</table>`;
}
