import { t, type Language } from '@statdesk/example-express-portal/i18n';

/** Shown instead of a page that needs a signed-in person. */
export function SignInFirst({ lang }: { lang: Language }) {
  return (
    <p className="error">
      {t(lang, 'signInFirst')} <a href="/login">{t(lang, 'login')}</a>
    </p>
  );
}
