/**
 * Page plumbing: the session and language of each request, the CSRF check on every form post,
 * and statdesk's typed errors turned into a page with the right status (fields named, nothing
 * written — the desk refuses before it writes).
 */
import { fieldLabel, isStatdeskError, RateLimitedError, type ErrorDescription } from '@statdesk/core';
import { PayloadTooLargeError, UnsupportedMediaTypeError } from '@statdesk/http';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { html, type SafeHtml } from '../html';
import { errorFor, t, type Language } from '../i18n';
import type { PortalContext } from '../portal-context';
import { LANGUAGE_COOKIE, newCsrfToken, readCookie, sameText, type Session } from '../session';
import { findUser } from '../users';
import { csrfField, layout, type PageState } from './layout';

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
  return (error: unknown, req: Request, res: Response, next: NextFunction): void => {
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
      body = refusedForm(page, req, errorFor(error));
    } else if (isStatdeskError(error, 'NOT_ALLOWED')) {
      status = 403;
      body = html`<p class="error">${t(lang, 'notAllowed')}</p>`;
    } else if (isStatdeskError(error, 'NOT_FOUND')) {
      status = 404;
      body = html`<p class="error">${t(lang, 'pageNotFound')}</p>`;
    } else if (isStatdeskError(error, 'CONFLICT') || isStatdeskError(error, 'INVALID_TRANSITION') || isStatdeskError(error, 'DUPLICATE_COMMAND')) {
      status = 409;
      // Told apart: a concurrent change, a file to attach first, an action this state refuses.
      body = refusedForm(page, req, errorFor(error));
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

/** Form fields never shown back: the CSRF token and the event type travel as hidden fields. */
const HIDDEN_FIELDS = new Set(['_csrf', 'type', 'productId', 'outcome']);
/** Identifiers not echoed into a page (a mistyped national ID is retyped, never shown back). */
const NOT_ECHOED = new Set(['nationalId']);

/** The field an issue is about, as the form names it (`request.subject` → `subject`). */
function formFieldOf(path: string, names: readonly string[]): string | undefined {
  const segments = path.split('.').filter((s) => !/^\d+$/.test(s));
  for (let i = segments.length - 1; i >= 0; i--) {
    if (names.includes(segments[i]!)) return segments[i];
  }
  return undefined;
}

/**
 * A refused form post, shown back: the message in the page's language, every field the person
 * filled in with what they typed, and each field's problem beside it, posting to the same place.
 * No dead end, nothing retyped.
 */
function refusedForm(page: PageState, req: Request, said: ErrorDescription): SafeHtml {
  const { lang } = page;
  const sent = req.method === 'POST' && req.body && typeof req.body === 'object' ? (req.body as Record<string, unknown>) : {};
  const names = Object.keys(sent).filter((name) => typeof sent[name] === 'string');
  const problems = new Map<string, string[]>();
  const loose: string[] = [];
  for (const issue of said.issues) {
    const name = formFieldOf(issue.path, names.filter((n) => !HIDDEN_FIELDS.has(n)));
    if (name) problems.set(name, [...(problems.get(name) ?? []), issue.message[lang]]);
    else loose.push(issue.message[lang]);
  }
  const summary = html`<p class="error" role="alert">${said.message[lang]}</p>${loose.length ? html`<ul class="issues">${loose.map((m) => html`<li>${m}</li>`)}</ul>` : ''}`;
  const back = html`<p><a href="${sameSiteBack(req)}">${lang === 'fa' ? 'بازگشت' : 'Back'}</a></p>`;
  if (names.length === 0 || req.originalUrl.startsWith('/api/')) return html`${summary}${back}`;
  const fields = names.map((name) => {
    const value = NOT_ECHOED.has(name) ? '' : String(sent[name]);
    if (HIDDEN_FIELDS.has(name)) return name === '_csrf' ? '' : html`<input type="hidden" name="${name}" value="${value}">`;
    const caption = fieldLabel(name)?.[lang] ?? t(lang, 'file');
    const errors = problems.get(name) ?? [];
    const id = `field-${name}`;
    const long = value.length > 80 || value.includes('\n');
    const control = long
      ? html`<textarea id="${id}" name="${name}" rows="4" dir="auto"${errors.length ? html` aria-invalid="true" aria-describedby="${id}-error"` : ''}>${value}</textarea>`
      : html`<input id="${id}" name="${name}" value="${value}" dir="auto"${errors.length ? html` aria-invalid="true" aria-describedby="${id}-error"` : ''}>`;
    return html`<p class="field${errors.length ? ' invalid' : ''}"><label for="${id}">${caption}</label>${control}${
      errors.length ? html`<span class="field-error" id="${id}-error">${errors.join(' ')}</span>` : ''
    }</p>`;
  });
  return html`${summary}<form method="post" action="${req.originalUrl}" class="event">${csrfField(page)}${fields}<button>${t(lang, 'send')}</button></form>${back}`;
}

/** Where "back" goes: the page the form was on, when it is this site's. */
function sameSiteBack(req: Request): string {
  const referer = req.get('referer');
  if (!referer) return '/';
  try {
    const url = new URL(referer);
    return url.host === req.get('host') ? `${url.pathname}${url.search}` : '/';
  } catch {
    return '/';
  }
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
