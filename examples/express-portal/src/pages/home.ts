/** Home, the demo sign-in (pick a user, or register a new applicant) and sign-out. */
import { randomUUID } from 'node:crypto';
import { RateLimitedError, ValidationError } from '@statdesk/core';
import type { Express } from 'express';
import { DEMO_USERS } from '../demo-users';
import { html } from '../html';
import { t } from '../i18n';
import type { PortalContext } from '../portal-context';
import { newCsrfToken } from '../session';
import { REGISTERED_PREFIX } from '../users';
import { csrfField, layout } from './layout';
import { field, pageState, route } from './page-route';

export function mountHome(app: Express, context: PortalContext): void {
  app.get('/', (_req, res) => {
    const page = pageState(res);
    const { lang } = page;
    res.type('html').send(
      layout(
        page,
        t(lang, 'siteTitle'),
        html`<ul class="services">
          <li><a href="/orders">${t(lang, 'informationUnit')}: ${t(lang, 'informationOrders')}</a></li>
          <li><a href="/shop">${t(lang, 'shop')}</a></li>
          <li><a href="/complaints">${t(lang, 'complaints')}</a></li>
          <li><a href="/complaints/lookup">${t(lang, 'lookupTitle')}</a></li>
          <li><a href="/status">${t(lang, 'serviceStatus')}</a></li>
        </ul>`,
      ),
    );
  });

  app.get('/login', (_req, res) => {
    const page = pageState(res);
    const { lang } = page;
    res.type('html').send(
      layout(
        page,
        t(lang, 'login'),
        html`<p class="note">${t(lang, 'demoOnly')}</p>
        <h2>${t(lang, 'chooseUser')}</h2>
        <ul class="users">${DEMO_USERS.map(
          (u) => html`<li><form method="post" action="/login">${csrfField(page)}<input type="hidden" name="user" value="${u.id}"><button>${t(lang, 'signInAs')} ${u.name[lang]}</button></form></li>`,
        )}</ul>
        <h2>${t(lang, 'register')}</h2>
        <form method="post" action="/register" class="event">${csrfField(page)}
          <label>${t(lang, 'fullName')}<input name="fullName"></label>
          <label>${t(lang, 'nationalId')}<input name="nationalId" inputmode="numeric"></label>
          <label>${t(lang, 'mobile')}<input name="mobile" inputmode="tel"></label>
          <label>${t(lang, 'email')}<input name="email" type="email"></label>
          <button>${t(lang, 'registerSubmit')}</button>
        </form>`,
      ),
    );
  });

  app.post(
    '/login',
    route(async (req, res) => {
      const id = field(req, 'user');
      if (!id || !DEMO_USERS.some((u) => u.id === id)) {
        throw new ValidationError('login', [{ path: 'user', message: 'is not a demo user' }]);
      }
      // A new CSRF token with every sign-in: a token seen before it is worth nothing after.
      context.sessions.write(res, { user: id, csrf: newCsrfToken() });
      res.redirect(303, '/');
    }),
  );

  app.post(
    '/register',
    route(async (req, res) => {
      // Public like the lookups, and shared by every server: a robot cannot try national IDs at speed.
      const taken = await context.publicLimiter.take(`register:${req.ip ?? 'unknown'}`);
      if (!taken.allowed) throw new RateLimitedError(taken.retryAfterMs);
      const id = `${REGISTERED_PREFIX}${randomUUID()}`;
      const actor = { id, roles: ['applicant'] };
      const input = {
        fullName: field(req, 'fullName') ?? '',
        nationalId: field(req, 'nationalId') ?? '',
        mobile: field(req, 'mobile') ?? '',
        language: pageState(res).lang,
        ...(field(req, 'email') ? { email: field(req, 'email') } : {}),
      };
      // Bad input is a ValidationError naming each field, and no profile is written.
      await context.profileRegistry.register({ tenantId: context.tenantId, actor, input });
      context.sessions.write(res, { user: id, csrf: newCsrfToken() });
      res.redirect(303, '/orders');
    }),
  );

  app.post('/logout', (_req, res) => {
    context.sessions.write(res, { csrf: newCsrfToken() });
    res.redirect(303, '/');
  });
}
