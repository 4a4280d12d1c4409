/** One shop order: lines, total, paying at the bank, download links, actions and history. */
import type { ShopOrderView } from '@statdesk/core';
import { digits, stateLabel, t } from '@statdesk/example-express-portal/i18n';
import { money, when } from '@statdesk/example-express-portal/pages/layout';
import { paymentRedirect } from '@statdesk/example-express-portal/shop-orders';
import { pay } from '../../../../lib/actions';
import { instanceOf } from '../../../../lib/instance-of';
import { pageContext } from '../../../../lib/page-context';
import { getPortal } from '../../../../lib/portal';
import { statdesk } from '../../../../lib/statdesk';
import { ActionForm } from '../../../components/action-form';
import { EventForms } from '../../../components/event-forms';
import { CitizenStatus } from '../../../components/citizen-status';
import { HistoryTable } from '../../../components/history-table';
import { SignInFirst } from '../../../components/sign-in-first';

export default async function ShopOrderPage({ params }: { params: Promise<{ id: string }> }) {
  const { lang, user, csrf } = await pageContext();
  if (!user) return <SignInFirst lang={lang} />;
  const view = await instanceOf((await params).id, (workflow) => workflow === 'shop-order');
  const { order } = view.data as ShopOrderView;
  const paying = view.state.startsWith('awaitingPayment.paying');
  const bankUrl = paying ? await paymentRedirect(await getPortal(), view.id, 0) : undefined;
  const history = await statdesk.history(view.id);
  return (
    <>
      <h1>
        {t(lang, 'shopOrder')} <span dir="ltr">{view.id}</span>
      </h1>
      <p>
        {t(lang, 'state')}: <strong className="state">{stateLabel(lang, 'shop-order', view.state)}</strong>
      </p>
      <CitizenStatus lang={lang} workflow="shop-order" state={view.state} />
      <ul>
        {order.lines.map((l) => (
          <li key={l.lineId}>
            {l.title} × {digits(lang, l.quantity)} — {money(lang, l.unitPriceRial)}
          </li>
        ))}
      </ul>
      {order.pricing ? (
        <p>
          {t(lang, 'total')}:{' '}
          <span className="amount" data-rial={String(order.pricing.totalRial)}>
            {money(lang, order.pricing.totalRial)}
          </span>
        </p>
      ) : null}
      {view.availableEvents.includes('pay') ? (
        <ActionForm action={pay} className="inline" label={t(lang, 'pay')} busyText={t(lang, 'paymentPreparing')}>
          <input type="hidden" name="instanceId" value={view.id} />
          <button className="pay">{t(lang, 'pay')}</button>
        </ActionForm>
      ) : null}
      {paying ? <p>{bankUrl ? <a href={bankUrl}>{t(lang, 'goToBank')}</a> : t(lang, 'paymentPreparing')}</p> : null}
      {order.downloads
        .filter((g) => g.token)
        .map((g) => (
          <p key={g.token}>
            <a className="download" href={`/api/downloads/${g.token ?? ''}`}>
              {t(lang, 'download')}
            </a>{' '}
            — {t(lang, 'expiresAt')}: {when(lang, g.expiresAt)}
          </p>
        ))}
      <EventForms lang={lang} view={{ ...view, availableEvents: view.availableEvents.filter((e) => e !== 'pay') }} csrf={csrf} />
      <HistoryTable lang={lang} workflow={view.workflow} rows={history} />
    </>
  );
}
