/**
 * What a server action hands back to its form: nothing on success (it redirects), or the refusal
 * in the page's language with the fields named. Only statdesk's typed refusals are turned into
 * messages; anything else is thrown on to Next's error page (its message could quote personal data).
 */
import { isStatdeskError, RateLimitedError } from '@statdesk/core';
import { errorFor, t, type Language } from '@statdesk/example-express-portal/i18n';

export interface ActionState {
  error?: { type: string; message: string; issues: { path: string; message: string }[] };
  /** A result to show in place (the codes of a filed message, a lookup's answer), already in the page's language. */
  result?: ActionResult;
}

export interface ActionResult {
  note?: string;
  rows: { label: string; value: string; className: string; ltr?: boolean }[];
  answers?: { when: string; text: string }[];
  link?: { href: string; text: string };
}

export function refusal(error: unknown, lang: Language): ActionState {
  if (error instanceof RateLimitedError) return { error: { type: 'RATE_LIMITED', message: t(lang, 'tooManyRequests'), issues: [] } };
  if (isStatdeskError(error, 'VALIDATION')) {
    // Each field's problem in the page's language, in the SDK's words; the path only places it.
    const said = errorFor(error);
    return { error: { type: 'VALIDATION', message: said.message[lang], issues: said.issues.map((i) => ({ path: i.path, message: i.message[lang] })) } };
  }
  if (isStatdeskError(error, 'NOT_ALLOWED')) return { error: { type: 'NOT_ALLOWED', message: t(lang, 'notAllowed'), issues: [] } };
  if (isStatdeskError(error, 'NOT_FOUND')) return { error: { type: 'NOT_FOUND', message: t(lang, 'pageNotFound'), issues: [] } };
  if (isStatdeskError(error, 'CONFLICT') || isStatdeskError(error, 'INVALID_TRANSITION') || isStatdeskError(error, 'DUPLICATE_COMMAND')) {
    // Told apart: a concurrent change, an action this state refuses (named), a file to attach first.
    return { error: { type: 'CONFLICT', message: errorFor(error).message[lang], issues: [] } };
  }
  if ((error as { code?: unknown } | null)?.code === 'UNAUTHENTICATED') return { error: { type: 'UNAUTHENTICATED', message: t(lang, 'signInFirst'), issues: [] } };
  throw error;
}
