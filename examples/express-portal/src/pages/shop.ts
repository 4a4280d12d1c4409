/**
 * The shop: products, buying one (order created, particulars checked, placed), paying through
 * the card gateway, the order's page with its download links, and the demo bank page that
 * stands in for the gateway's own card form.
 */
import type { Express } from 'express';
import { NotFoundError, type ShopOrderView } from '@statdesk/core';
import { html } from '../html';
import { digits, label, stateLabel, t } from '../i18n';
import type { PortalContext } from '../portal-context';
import { DESTINATIONS, callbackOnSameOrigin, paymentByAuthority, paymentRedirect, placeShopOrder } from '../shop-orders';
import { actionsOf, historyTable } from './instance-page';
import { citizenStatus, csrfField, layout, money, when } from './layout';
import { actorOf, field, pageState, requireUser, route } from './page-route';

export function mountShop(app: Express, context: PortalContext): void {
  const { desk, tenantId, catalogue } = context;

  app.get(
    '/shop',
    route(async (_req, res) => {
      const page = pageState(res);
      const { lang, user } = page;
      const { products } = await catalogue.list(tenantId, { status: 'active', limit: 50 });
      const profile = user ? await context.profiles.get(tenantId, user.id) : undefined;
      res.type('html').send(
        layout(
          page,
          t(lang, 'shop'),
          html`<ul class="products">${products.map(
            (p) => html`<li class="product"><h2>${p.title}</h2><p>${label(lang, p.kind)} — ${t(lang, 'price')}: ${money(lang, p.priceRial)}</p>
            ${user
              ? html`<form method="post" action="/shop/orders" class="event">${csrfField(page)}<input type="hidden" name="productId" value="${p.id}">
                ${p.format === 'physical' ? html`<label>${t(lang, 'quantity')}<input name="quantity" value="1" inputmode="numeric"></label>` : ''}
                <label>${t(lang, 'fullName')}<input name="fullName" value="${profile?.fullName ?? ''}"></label>
                <label>${t(lang, 'mobile')}<input name="mobile" value="${profile?.mobile ?? ''}"></label>
                <label>${t(lang, 'email')}<input name="email" value="${profile?.email ?? ''}"></label>
                ${p.format === 'physical'
                  ? html`<label>${t(lang, 'address')}<input name="address" value="${profile?.postalAddress ?? ''}"></label>
                    <label>${t(lang, 'postalCode')}<input name="postalCode" value="${profile?.postalCode ?? ''}"></label>
                    <label>${t(lang, 'destination')}<select name="destination">${DESTINATIONS.map((d) => html`<option value="${d}">${d}</option>`)}</select></label>`
                  : ''}
                <button>${t(lang, 'buy')}</button></form>`
              : html`<p><a href="/login">${t(lang, 'login')}</a></p>`}</li>`,
          )}</ul>`,
        ),
      );
    }),
  );

  app.post(
    '/shop/orders',
    route(async (req, res) => {
      const user = requireUser(res);
      const orderNumber = await placeShopOrder(context, actorOf(user), (name) => field(req, name));
      res.redirect(303, `/shop/orders/${orderNumber}`);
    }),
  );

  app.post(
    '/shop/orders/:id/pay',
    route(async (req, res) => {
      const user = requireUser(res);
      const ref = { tenantId, instanceId: String(req.params.id) };
      await desk.send({ ...ref, actor: actorOf(user), event: { type: 'pay' } });
      // Opening the payment at the gateway happens after the commit; wait for it briefly.
      const redirectUrl = await paymentRedirect(context, ref.instanceId, 10_000);
      res.redirect(303, redirectUrl ?? `/shop/orders/${encodeURIComponent(ref.instanceId)}`);
    }),
  );

  app.get(
    '/shop/orders/:id',
    route(async (req, res) => {
      const page = pageState(res);
      const { lang } = page;
      const user = requireUser(res);
      const view = await desk.get({ tenantId, instanceId: String(req.params.id) }, actorOf(user));
      if (view.workflow !== 'shop-order') throw new NotFoundError('shop order', view.id);
      const { order } = view.data as ShopOrderView;
      const paying = view.state.startsWith('awaitingPayment.paying');
      const bankUrl = paying ? await paymentRedirect(context, view.id, 0) : undefined;
      res.type('html').send(
        layout(
          page,
          `${t(lang, 'shopOrder')} ${view.id}`,
          html`<p>${t(lang, 'state')}: <strong class="state">${stateLabel(lang, 'shop-order', view.state)}</strong></p>${citizenStatus(lang, 'shop-order', view.state)}
          <ul>${order.lines.map((l) => html`<li>${l.title} × ${digits(lang, l.quantity)} — ${money(lang, l.unitPriceRial)}</li>`)}</ul>
          ${order.pricing ? html`<p>${t(lang, 'total')}: <span class="amount" data-rial="${String(order.pricing.totalRial)}">${money(lang, order.pricing.totalRial)}</span></p>` : ''}
          ${view.availableEvents.includes('pay')
            ? html`<form method="post" action="/shop/orders/${view.id}/pay">${csrfField(page)}<button>${t(lang, 'pay')}</button></form>`
            : ''}
          ${paying ? (bankUrl ? html`<p><a href="${bankUrl}">${t(lang, 'goToBank')}</a></p>` : html`<p>${t(lang, 'paymentPreparing')}</p>`) : ''}
          ${order.downloads.filter((g) => g.token).map(
            (g) => html`<p><a class="download" href="/api/downloads/${g.token ?? ''}">${t(lang, 'download')}</a> — ${t(lang, 'expiresAt')}: ${when(lang, g.expiresAt)}</p>`,
          )}
          ${actionsOf(page, view)}
          ${await historyTable(desk, page, view)}`,
        ),
      );
    }),
  );

  app.get(
    '/demo-bank/:authority',
    route(async (req, res) => {
      const page = pageState(res);
      const { lang } = page;
      const authority = String(req.params.authority);
      const payment = await paymentByAuthority(context, authority);
      res.type('html').send(
        layout(
          page,
          t(lang, 'demoBank'),
          html`<p class="note">${t(lang, 'demoBankNote')}</p><p>${t(lang, 'total')}: ${money(lang, payment.amountRial)}</p>
          <form method="post" action="/demo-bank/${authority}">${csrfField(page)}<input type="hidden" name="outcome" value="pay"><button>${t(lang, 'payNow')}</button></form>
          <form method="post" action="/demo-bank/${authority}">${csrfField(page)}<input type="hidden" name="outcome" value="cancel"><button>${t(lang, 'cancelPayment')}</button></form>`,
        ),
      );
    }),
  );

  app.post(
    '/demo-bank/:authority',
    route(async (req, res) => {
      const authority = String(req.params.authority);
      await paymentByAuthority(context, authority);
      // The card holder acts at the bank; the bank sends the browser to the portal's callback.
      const callback = field(req, 'outcome') === 'cancel' ? context.bank.cancel(authority) : context.bank.pay(authority);
      res.redirect(303, callbackOnSameOrigin(callback));
    }),
  );
}
