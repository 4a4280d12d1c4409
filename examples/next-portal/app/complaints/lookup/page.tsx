/** The public complaint lookup by tracking code and complaint code (no sign-in; rate limited per client). */
import { t } from '@statdesk/example-express-portal/i18n';
import { lookUpComplaint } from '../../../lib/actions';
import { pageContext } from '../../../lib/page-context';
import { ActionForm } from '../../components/action-form';

export default async function ComplaintLookupPage() {
  const { lang } = await pageContext();
  return (
    <>
      <h1>{t(lang, 'lookupTitle')}</h1>
      <ActionForm action={lookUpComplaint} label={t(lang, 'lookupTitle')}>
        <label>
          {t(lang, 'trackingCode')}
          <input name="trackingCode" dir="ltr" inputMode="numeric" autoComplete="off" />
        </label>
        <label>
          {t(lang, 'complaintCode')}
          <input name="complaintCode" dir="ltr" inputMode="numeric" autoComplete="off" />
        </label>
        <button>{t(lang, 'lookup')}</button>
      </ActionForm>
    </>
  );
}
