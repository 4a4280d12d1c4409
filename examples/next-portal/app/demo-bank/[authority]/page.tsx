/** The demo bank: stands in for the card gateway's own page (the in-process gateway simulator has none). */
import { notFound } from 'next/navigation';
import { isStatdeskError } from '@statdesk/core';
import { t } from '@statdesk/example-express-portal/i18n';
import { money } from '@statdesk/example-express-portal/pages/layout';
import { paymentByAuthority } from '@statdesk/example-express-portal/shop-orders';
import { pageContext } from '../../../lib/page-context';
import { getPortal } from '../../../lib/portal';

export default async function DemoBankPage({ params }: { params: Promise<{ authority: string }> }) {
  const { lang } = await pageContext();
  const { authority } = await params;
  const payment = await paymentByAuthority(await getPortal(), authority).catch((error: unknown) => {
    if (isStatdeskError(error, 'NOT_FOUND')) notFound();
    throw error;
  });
  return (
    <>
      <h1>{t(lang, 'demoBank')}</h1>
      <p className="note">{t(lang, 'demoBankNote')}</p>
      <p>
        {t(lang, 'total')}: <span className="amount">{money(lang, payment.amountRial)}</span>
      </p>
      <form method="post" action={`/demo-bank/${encodeURIComponent(authority)}/decide`} className="inline">
        <input type="hidden" name="outcome" value="pay" />
        <button className="pay-now">{t(lang, 'payNow')}</button>
      </form>{' '}
      <form method="post" action={`/demo-bank/${encodeURIComponent(authority)}/decide`} className="inline">
        <input type="hidden" name="outcome" value="cancel" />
        <button>{t(lang, 'cancelPayment')}</button>
      </form>
    </>
  );
}
