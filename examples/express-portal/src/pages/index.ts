/** Every page route, behind the session, language and CSRF middleware. */
import { formBody } from '@statdesk/express';
import type { Express } from 'express';
import { html } from '../html';
import { t } from '../i18n';
import type { PortalContext } from '../portal-context';
import { FAVICON_SVG, PORTAL_CSS, PORTAL_JS, VAZIRMATN_FONT_FILE } from './assets';
import { mountComplaints } from './complaints';
import { mountHome } from './home';
import { mountInstanceActions } from './instance-page';
import { layout } from './layout';
import { mountOrders } from './orders';
import { csrfCheck, errorPage, pageState, sessionMiddleware } from './page-route';
import { mountReports } from './reports';
import { mountShop } from './shop';
import { mountStaff } from './staff';
import { mountStatus } from './status';
import { refuseUnsafeUrlText } from './url-text';

const CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

export function mountPages(app: Express, context: PortalContext, logError: (error: unknown) => void = defaultLogError): void {
  app.get('/assets/portal.css', (_req, res) => void res.type('text/css').send(PORTAL_CSS));
  app.get('/assets/portal.js', (_req, res) => void res.type('text/javascript').send(PORTAL_JS));
  app.get('/assets/vazirmatn.woff2', (_req, res) => void res.type('font/woff2').set('cache-control', 'public, max-age=604800').sendFile(VAZIRMATN_FONT_FILE));
  app.get(['/favicon.svg', '/favicon.ico'], (_req, res) => void res.type('image/svg+xml').set('cache-control', 'public, max-age=604800').send(FAVICON_SVG));
  app.use((_req, res, next) => {
    res.setHeader('content-security-policy', CSP);
    res.setHeader('x-content-type-options', 'nosniff');
    res.setHeader('referrer-policy', 'same-origin');
    next();
  });
  // The API's own body handling: 413 over 64 KiB, 415 for other charsets and encodings, 400 naming
  // a field with a NUL or a lone surrogate (which PostgreSQL cannot store).
  app.use(refuseUnsafeUrlText());
  app.use(formBody({ limitBytes: 64 * 1024 }));
  app.use(sessionMiddleware(context));
  app.use(csrfCheck());
  mountHome(app, context);
  mountOrders(app, context);
  mountComplaints(app, context);
  mountShop(app, context);
  mountStatus(app, context);
  mountStaff(app, context);
  mountReports(app, context);
  mountInstanceActions(app, context);
  app.use((_req, res) => {
    const page = pageState(res);
    res.status(404).type('html').send(layout(page, t(page.lang, 'error'), html`<p class="error">${t(page.lang, 'pageNotFound')}</p>`));
  });
  app.use(errorPage({ logError }));
}

/** The error's class only: a message could quote a national ID or a phone number. */
function defaultLogError(error: unknown): void {
  console.error(`portal: unhandled error (${error instanceof Error ? error.constructor.name : typeof error})`);
}
