/** Custom information orders: the applicant's list and the new-order form. */
import { stateLabel, t } from '@statdesk/example-express-portal/i18n';
import { createOrder } from '../../lib/actions';
import { pageContext } from '../../lib/page-context';
import { statdesk } from '../../lib/statdesk';
import { ActionForm } from '../components/action-form';
import { SignInFirst } from '../components/sign-in-first';

export default async function OrdersPage() {
  const { lang, user } = await pageContext();
  if (!user) return <SignInFirst lang={lang} />;
  const mine = await statdesk.list({ workflow: 'information-order', ownerId: user.id, limit: 50 });
  return (
    <>
      <h1>{t(lang, 'informationOrders')}</h1>
      <h2>{t(lang, 'myOrders')}</h2>
      {mine.items.length === 0 ? (
        <p>{t(lang, 'noItems')}</p>
      ) : (
        <table className="orders">
          <thead>
            <tr>
              <th>{t(lang, 'order')}</th>
              <th>{t(lang, 'state')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {mine.items.map((v) => (
              <tr key={v.id}>
                <td dir="ltr">{v.id}</td>
                <td>{stateLabel(lang, v.workflow, v.state)}</td>
                <td>
                  <a href={`/orders/${encodeURIComponent(v.id)}`}>{t(lang, 'open')}</a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2>{t(lang, 'newOrder')}</h2>
      <ActionForm action={createOrder} label={t(lang, 'newOrder')}>
        <label>
          {t(lang, 'subject')}
          <input name="subject" />
        </label>
        <label>
          {t(lang, 'description')}
          <textarea name="description" rows={4} />
        </label>
        <label>
          {t(lang, 'geography')}
          <input name="geography" />
        </label>
        <label>
          {t(lang, 'period')}
          <input name="period" />
        </label>
        <button>{t(lang, 'create')}</button>
      </ActionForm>
    </>
  );
}
