/**
 * The demo session: a cookie holding `{ user, csrf }`, signed with HMAC-SHA256 so a browser
 * cannot change who it is. Every visitor gets one (signed in or not), so every form carries a
 * CSRF token. The cookie is HttpOnly and SameSite=Lax; the token is checked on every unsafe
 * request (form field `_csrf`, or header `x-csrf-token` for the JSON API).
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Request, Response } from 'express';

export const SESSION_COOKIE = 'portal_session';
export const LANGUAGE_COOKIE = 'portal_lang';

export interface Session {
  /** The signed-in user's id, absent for a visitor. */
  user?: string;
  csrf: string;
}

export interface SessionCodec {
  read(req: Request): Session | undefined;
  write(res: Response, session: Session): void;
}

export function createSessionCodec(secret: string, options: { secure: boolean }): SessionCodec {
  return {
    read(req) {
      const raw = readCookie(req, SESSION_COOKIE);
      return raw ? decodeSession(raw, secret) : undefined;
    },
    write(res, session) {
      res.cookie(SESSION_COOKIE, encodeSession(session, secret), { httpOnly: true, sameSite: 'lax', secure: options.secure, path: '/' });
    },
  };
}

/** The signed cookie value for a session (framework-free: the Next.js portal uses it too). */
export function encodeSession(session: Session, secret: string): string {
  const payload = Buffer.from(JSON.stringify(session), 'utf8').toString('base64url');
  return `${payload}.${signPayload(payload, secret)}`;
}

/** The session a cookie value holds, or `undefined` when it is malformed or its signature is wrong. */
export function decodeSession(raw: string, secret: string): Session | undefined {
  const [payload, signature] = raw.split('.');
  if (!payload || !signature || !sameText(signature, signPayload(payload, secret))) return undefined;
  try {
    const parsed = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as unknown;
    if (typeof parsed !== 'object' || parsed === null) return undefined;
    const { user, csrf } = parsed as Record<string, unknown>;
    if (typeof csrf !== 'string' || (user !== undefined && typeof user !== 'string')) return undefined;
    return user === undefined ? { csrf } : { user, csrf };
  } catch {
    return undefined;
  }
}

function signPayload(payload: string, secret: string): string {
  return createHmac('sha256', secret).update(payload).digest('base64url');
}

export function newCsrfToken(): string {
  return randomBytes(24).toString('base64url');
}

/** Compares in constant time (for tokens and signatures). */
export function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export function readCookie(req: Request, name: string): string | undefined {
  const header = req.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const at = part.indexOf('=');
    if (at < 0) continue;
    if (part.slice(0, at).trim() === name) {
      try {
        return decodeURIComponent(part.slice(at + 1).trim());
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}
