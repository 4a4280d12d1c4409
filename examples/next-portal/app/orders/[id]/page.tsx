/** One information order: request, messages, quote, receipts, delivery links, actions, history. */
import { digits, stateLabel, t } from '@statdesk/example-express-portal/i18n';
import { money, when } from '@statdesk/example-express-portal/pages/layout';
import { instanceOf } from '../../../lib/instance-of';
import { pageContext } from '../../../lib/page-context';
import { statdesk } from '../../../lib/statdesk';
import { EventForms } from '../../components/event-forms';
import { CitizenStatus } from '../../components/citizen-status';
import { HistoryTable } from '../../components/history-table';
import { SignInFirst } from '../../components/sign-in-first';

interface OrderData {
  request?: { subject: string; description: string; geography?: string; period?: string };
  messages?: { seq: number; at: string; from: string; text: string }[];
  quote?: { total: bigint; validUntil: string };
  payment?: { dueAt?: string; receipts: { attempt: number; bankTracking: string; amount: bigint; outcome?: string; review?: { outcome: string } }[] };
  delivery?: { files: { key: string; title?: string }[]; link?: { token?: string; expiresAt: string; downloadsLeft?: number; revoked?: boolean } };
}

export default async function OrderPage({ params }: { params: Promise<{ id: string }> }) {
  const { lang, user, csrf } = await pageContext();
  if (!user) return <SignInFirst lang={lang} />;
  const { id } = await params;
  const view = await instanceOf(id, (workflow) => workflow === 'information-order');
  const data = view.data as OrderData;
  const link = data.delivery?.link;
  const history = await statdesk.history(view.id);
  return (
    <>
      <h1>
        {t(lang, 'order')} <span dir="ltr">{view.id}</span>
      </h1>
      <p>
        {t(lang, 'state')}: <strong className="state">{stateLabel(lang, 'information-order', view.state)}</strong>
      </p>
      <CitizenStatus lang={lang} workflow="information-order" state={view.state} />
      {data.request ? (
        <dl>
          <dt>{t(lang, 'subject')}</dt>
          <dd>{data.request.subject}</dd>
          <dt>{t(lang, 'description')}</dt>
          <dd>{data.request.description}</dd>
        </dl>
      ) : null}
      {data.messages?.length ? (
        <>
          <h2>{t(lang, 'messages')}</h2>
          <ul className="thread">
            {data.messages.map((m) => (
              <li key={m.seq}>
                <small>
                  {when(lang, m.at)} — {m.from}
                </small>
                <p>{m.text}</p>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {data.quote ? (
        <>
          <h2>{t(lang, 'quote')}</h2>
          <dl>
            <dt>{t(lang, 'total')}</dt>
            <dd className="amount" data-rial={String(data.quote.total)}>
              {money(lang, data.quote.total)}
            </dd>
            <dt>{t(lang, 'validUntil')}</dt>
            <dd>{when(lang, data.quote.validUntil)}</dd>
          </dl>
        </>
      ) : null}
      {data.payment?.dueAt ? (
        <p className="deadline">
          {t(lang, 'payBy')}: {when(lang, data.payment.dueAt)}
        </p>
      ) : null}
      {data.payment?.receipts.length ? (
        <>
          <h2>{t(lang, 'receipts')}</h2>
          <ul>
            {data.payment.receipts.map((r) => (
              <li key={r.attempt}>
                {digits(lang, r.attempt)}: <span dir="ltr">{r.bankTracking}</span> — {money(lang, r.amount)} — {r.outcome ?? r.review?.outcome ?? ''}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {link?.token && !link.revoked ? (
        <>
          <h2>{t(lang, 'delivery')}</h2>
          <ul className="downloads">
            {(data.delivery?.files ?? []).map((file, i) => (
              <li key={file.key}>
                <a className="download" href={`/api/downloads/${link.token}.${i + 1}`}>
                  {t(lang, 'download')}: {file.title ?? digits(lang, i + 1)}
                </a>
              </li>
            ))}
          </ul>
          <p>
            {t(lang, 'expiresAt')}: {when(lang, link.expiresAt)} — {t(lang, 'downloadsLeft')}: {digits(lang, link.downloadsLeft ?? 0)}
          </p>
        </>
      ) : null}
      <EventForms lang={lang} view={view} csrf={csrf} />
      <HistoryTable lang={lang} workflow={view.workflow} rows={history} />
    </>
  );
}
