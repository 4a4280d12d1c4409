/** The demo sign-in: pick a demo user, or register a new applicant. */
import type { Metadata } from 'next';
import { DEMO_USERS } from '@statdesk/example-express-portal/demo-users';
import { t } from '@statdesk/example-express-portal/i18n';
import { register, signIn } from '../../lib/actions';
import { pageContext } from '../../lib/page-context';
import { ActionForm } from '../components/action-form';

export const metadata: Metadata = { title: 'Sign in / ورود' };

export default async function LoginPage() {
  const { lang } = await pageContext();
  return (
    <>
      <h1>{t(lang, 'login')}</h1>
      <p className="note">{t(lang, 'demoOnly')}</p>
      <h2>{t(lang, 'chooseUser')}</h2>
      <ul className="users">
        {DEMO_USERS.map((u) => (
          <li key={u.id}>
            <ActionForm action={signIn} className="inline" label={u.name[lang]}>
              <input type="hidden" name="user" value={u.id} />
              <button data-user={u.id}>
                {t(lang, 'signInAs')} {u.name[lang]}
              </button>
            </ActionForm>
          </li>
        ))}
      </ul>
      <h2>{t(lang, 'register')}</h2>
      <ActionForm action={register} label={t(lang, 'register')}>
        <label>
          {t(lang, 'fullName')}
          <input name="fullName" autoComplete="name" />
        </label>
        <label>
          {t(lang, 'nationalId')}
          <input name="nationalId" inputMode="numeric" dir="ltr" />
        </label>
        <label>
          {t(lang, 'mobile')}
          <input name="mobile" inputMode="tel" dir="ltr" autoComplete="tel" />
        </label>
        <label>
          {t(lang, 'email')}
          <input name="email" type="email" dir="ltr" autoComplete="email" />
        </label>
        <button>{t(lang, 'registerSubmit')}</button>
      </ActionForm>
    </>
  );
}
