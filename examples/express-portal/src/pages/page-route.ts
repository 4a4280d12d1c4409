/**
 * Page plumbing: the session and language of each request, the CSRF check on every form post,
 * and statdesk's typed errors turned into a page with the right status (fields named, nothing
 * written — the desk refuses before it writes).
 */
import { isStatdeskError, RateLimitedError } from '@statdesk/core';
import { PayloadTooLargeError, UnsupportedMediaTypeError } from '@statdesk/http';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { html } from '../html';
import { t, type Language } from '../i18n';
import type { PortalContext } from '../portal-context';
import { LANGUAGE_COOKIE, newCsrfToken, readCookie, sameText, type Session } from '../session';
import { findUser } from '../users';
import { layout, type PageState } from './layout';

export interface PageLocals {
  page: PageState;
  session: Session;
}

export function pageState(res: Response): PageState {
  return (res.locals as PageLocals).page;
}

export function sessionMiddleware(context: PortalContext): RequestHandler {
  return async (req, res, next) => {
    try {
      let session = context.sessions.read(req);
      if (!session) {
        session = { csrf: newCsrfToken() };
        context.sessions.write(res, session);
      }
      const asked = typeof req.query.lang === 'string' ? req.query.lang : undefined;
      let lang: Language = readCookie(req, LANGUAGE_COOKIE) === 'en' ? 'en' : 'fa';
      if (asked === 'en' || asked === 'fa') {
        lang = asked;
        res.cookie(LANGUAGE_COOKIE, lang, { sameSite: 'lax', path: '/', httpOnly: true });
      }
      const user = await findUser(context, session.user);
      (res.locals as PageLocals).session = session;
      (res.locals as PageLocals).page = { lang, csrf: session.csrf, user, path: req.originalUrl };
      next();
    } catch (error) {
      next(error);
    }
  };
}

/** Form posts must carry the session's token: a page of another site cannot make one. */
export function csrfCheck(): RequestHandler {
  return (req, res, next) => {
    if (req.method !== 'POST') return next();
    const sent = (req.body as Record<string, unknown> | undefined)?._csrf;
    if (typeof sent === 'string' && sameText(sent, (res.locals as PageLocals).session.csrf)) return next();
    res.status(403).type('html').send(layout(pageState(res), t(pageState(res).lang, 'error'), html`<p class="error">CSRF</p>`));
  };
}

export function route(handler: (req: Request, res: Response) => Promise<void>): RequestHandler {
  return (req, res, next) => {
    handler(req, res).catch(next);
  };
}

/** The portal's error page; statuses as the JSON API gives them. */
export function errorPage(context: { logError: (error: unknown) => void }) {
  return (error: unknown, _req: Request, res: Response, next: NextFunction): void => {
    if (res.headersSent) return next(error);
    const page = pageState(res) ?? { lang: 'fa', csrf: '', user: undefined, path: '/' };
    const { lang } = page;
    let status = 500;
    let body = html`<p class="error">${t(lang, 'error')}</p>`;
    if (error instanceof RateLimitedError) {
      status = 429;
      res.setHeader('retry-after', String(Math.ceil(error.retryAfterMs / 1000)));
      body = html`<p class="error">${t(lang, 'tooManyRequests')}</p>`;
    } else if (error instanceof PayloadTooLargeError) {
      status = 413;
      body = html`<p class="error">${t(lang, 'bodyTooLarge')}</p>`;
    } else if (error instanceof UnsupportedMediaTypeError) {
      status = 415;
      body = html`<p class="error">${t(lang, 'unsupportedEncoding')}</p><ul class="issues">${error.issues.map((f) => html`<li><code>${f.path}</code>: ${f.message}</li>`)}</ul>`;
    } else if (isStatdeskError(error, 'STORAGE_UNAVAILABLE')) {
      status = 503;
      res.setHeader('retry-after', String(Math.max(1, Math.ceil(error.retryAfterMs / 1000))));
      body = html`<p class="error">${t(lang, 'serviceUnavailable')}</p>`;
    } else if (isStatdeskError(error, 'VALIDATION')) {
      status = 400;
      body = html`<p class="error">${t(lang, 'validation')}</p><ul class="issues">${error.issues.map((f) => html`<li><code>${f.path}</code>: ${f.message}</li>`)}</ul>`;
    } else if (isStatdeskError(error, 'NOT_ALLOWED')) {
      status = 403;
      body = html`<p class="error">${t(lang, 'notAllowed')}</p>`;
    } else if (isStatdeskError(error, 'NOT_FOUND')) {
      status = 404;
      body = html`<p class="error">${t(lang, 'pageNotFound')}</p>`;
    } else if (isStatdeskError(error, 'CONFLICT') || isStatdeskError(error, 'INVALID_TRANSITION') || isStatdeskError(error, 'DUPLICATE_COMMAND')) {
      status = 409;
      body = html`<p class="error">${t(lang, 'conflict')}</p>`;
    } else if (error instanceof SignInRequired) {
      status = 401;
      body = html`<p class="error">${t(lang, 'signInFirst')} <a href="/login">${t(lang, 'login')}</a></p>`;
    } else {
      // Never the message: it could quote personal data.
      context.logError(error);
    }
    res.status(status).type('html').send(layout(page, t(lang, 'error'), body));
  };
}

export class SignInRequired extends Error {
  constructor() {
    super('sign in required');
  }
}

export function requireUser(res: Response) {
  const { user } = pageState(res);
  if (!user) throw new SignInRequired();
  return user;
}

export function actorOf(user: { id: string; roles: readonly string[] }) {
  return { id: user.id, roles: [...user.roles] };
}

/** A form field as text (undefined when absent or empty). */
export function field(req: Request, name: string): string | undefined {
  const value = (req.body as Record<string, unknown> | undefined)?.[name];
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}
