/** Home: the services of the portal. */
import { t } from '@statdesk/example-express-portal/i18n';
import { pageContext } from '../lib/page-context';

export default async function HomePage() {
  const { lang } = await pageContext();
  return (
    <>
      <h1>{t(lang, 'siteTitle')}</h1>
      <ul className="services">
        <li>
          <a href="/orders">
            {t(lang, 'informationUnit')}: {t(lang, 'informationOrders')}
          </a>
        </li>
        <li>
          <a href="/shop">{t(lang, 'shop')}</a>
        </li>
        <li>
          <a href="/complaints">{t(lang, 'complaints')}</a>
        </li>
        <li>
          <a href="/complaints/lookup">{t(lang, 'lookupTitle')}</a>
        </li>
        <li>
          <a href="/status">{t(lang, 'serviceStatus')}</a>
        </li>
      </ul>
    </>
  );
}
