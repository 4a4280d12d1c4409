import { t } from '@statdesk/example-express-portal/i18n';
import { currentLanguage } from '../lib/session';

export default async function NotFound() {
  const lang = await currentLanguage();
  return (
    <>
      <h1>{t(lang, 'error')}</h1>
      <p className="error">{t(lang, 'pageNotFound')}</p>
    </>
  );
}
