/**
 * The demo session in Next.js: the same signed `{ user, csrf }` cookie as the Express portal
 * (encoded and checked by its framework-free `encodeSession`/`decodeSession`), read with
 * `cookies()` in server components, route handlers and server actions, written only by server
 * actions (sign-in, registration, sign-out) — Next allows setting cookies nowhere else.
 */
import { cookies } from 'next/headers';
import type { Identity } from '@statdesk/next';
import { decodeSession, encodeSession, LANGUAGE_COOKIE, newCsrfToken, SESSION_COOKIE, type Session } from '@statdesk/example-express-portal/session';
import { findUser, type PortalUser } from '@statdesk/example-express-portal/users';
import type { Language } from '@statdesk/example-express-portal/i18n';
import { getPortal } from './portal';

export async function readSession(): Promise<Session | undefined> {
  const raw = (await cookies()).get(SESSION_COOKIE)?.value;
  if (!raw) return undefined;
  return decodeSession(raw, (await getPortal()).sessionSecret);
}

/** Signs a person in (or out, without `user`), with a new CSRF token each time. */
export async function writeSession(user: string | undefined): Promise<void> {
  const portal = await getPortal();
  const session: Session = user ? { user, csrf: newCsrfToken() } : { csrf: newCsrfToken() };
  (await cookies()).set(SESSION_COOKIE, encodeSession(session, portal.sessionSecret), {
    httpOnly: true,
    sameSite: 'lax',
    secure: portal.baseUrl().startsWith('https:'),
    path: '/',
  });
}

export async function currentUser(): Promise<PortalUser | undefined> {
  const session = await readSession();
  return session?.user ? findUser(await getPortal(), session.user) : undefined;
}

/** The signed-in person as statdesk sees them, or `null`. */
export async function currentIdentity(): Promise<Identity | null> {
  const user = await currentUser();
  return user ? { tenantId: (await getPortal()).tenantId, actor: { id: user.id, roles: [...user.roles] } } : null;
}

export async function currentLanguage(): Promise<Language> {
  return (await cookies()).get(LANGUAGE_COOKIE)?.value === 'en' ? 'en' : 'fa';
}

export function isStaffUser(user: PortalUser | undefined): boolean {
  return Boolean(user?.roles.some((r) => !['applicant', 'citizen', 'customer'].includes(r)));
}
