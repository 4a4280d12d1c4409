/**
 * The page frame: right to left in Persian, left to right in English, the navigation, the
 * language switch (a plain link, so it works from the keyboard) and the demo sign-in state.
 * Every page is rendered per request: they read the session cookie.
 */
import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { t } from '@statdesk/example-express-portal/i18n';
import { signOut } from '../lib/actions';
import { isStaffUser } from '../lib/session';
import { pageContext } from '../lib/page-context';
import './globals.css';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  const { lang } = await pageContext();
  return { title: { default: t(lang, 'siteTitle'), template: `%s — ${t(lang, 'siteTitle')}` } };
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  const { lang, user } = await pageContext();
  const other = lang === 'fa' ? 'en' : 'fa';
  return (
    <html lang={lang} dir={lang === 'fa' ? 'rtl' : 'ltr'}>
      <body>
        <a className="skip" href="#main">
          {lang === 'fa' ? 'پرش به محتوا' : 'Skip to content'}
        </a>
        <header>
          <strong className="site-title">{t(lang, 'siteTitle')}</strong>
          <nav aria-label={lang === 'fa' ? 'منوی اصلی' : 'Main menu'}>
            <a href="/">{t(lang, 'home')}</a>
            <a href="/orders">{t(lang, 'informationOrders')}</a>
            <a href="/shop">{t(lang, 'products')}</a>
            <a href="/complaints">{t(lang, 'complaints')}</a>
            <a href="/status">{t(lang, 'serviceStatus')}</a>
            {isStaffUser(user) ? <a href="/staff">{t(lang, 'staffQueue')}</a> : null}
            {isStaffUser(user) ? <a href="/staff/search">{t(lang, 'searchCases')}</a> : null}
            {user?.roles.some((r) => r === 'supervisor' || r === 'finance-officer') ? <a href="/staff/reports">{t(lang, 'reports')}</a> : null}
            <a href={`/lang?to=${other}`} lang={other} className="lang-switch">
              {lang === 'fa' ? t(lang, 'english') : t(lang, 'persian')}
            </a>
            {user ? (
              <form action={signOut} className="inline">
                <span className="signed-in">
                  {t(lang, 'signedInAs')}: {user.name[lang]}
                </span>{' '}
                <button>{t(lang, 'logout')}</button>
              </form>
            ) : (
              <a href="/login">{t(lang, 'login')}</a>
            )}
          </nav>
        </header>
        <main id="main" tabIndex={-1}>
          {children}
        </main>
        <footer>
          <p>{t(lang, 'demoOnly')}</p>
          <p>
            <a href="/api/openapi.json">{t(lang, 'openapi')}</a>
          </p>
        </footer>
      </body>
    </html>
  );
}
