/** One message, as its complainant or the complaints staff see it, with the actions they may take. */
import type { ComplainantView } from '@statdesk/core';
import { label, stateLabel, t } from '@statdesk/example-express-portal/i18n';
import { when } from '@statdesk/example-express-portal/pages/layout';
import { instanceOf } from '../../../lib/instance-of';
import { pageContext } from '../../../lib/page-context';
import { statdesk } from '../../../lib/statdesk';
import { EventForms } from '../../components/event-forms';
import { CitizenStatus } from '../../components/citizen-status';
import { HistoryTable } from '../../components/history-table';
import { SignInFirst } from '../../components/sign-in-first';

/** Staff read the raw context (an ISO string); the complainant's view has `{ at, jalali }`. */
function answeredAt(at: unknown): string | undefined {
  if (typeof at === 'string') return at;
  return typeof at === 'object' && at !== null && typeof (at as { at?: unknown }).at === 'string' ? (at as { at: string }).at : undefined;
}

export default async function ComplaintPage({ params }: { params: Promise<{ id: string }> }) {
  const { lang, user, csrf } = await pageContext();
  if (!user) return <SignInFirst lang={lang} />;
  const view = await instanceOf((await params).id, (workflow) => workflow === 'complaint');
  const data = view.data as Partial<ComplainantView> & { context?: Partial<ComplainantView> };
  const message = (data.trackingCode ? data : (data.context ?? data)) as Partial<ComplainantView>;
  const history = await statdesk.history(view.id);
  return (
    <>
      <h1>
        {label(lang, message.kind ?? 'complaint')} <span dir="ltr">{message.trackingCode ?? ''}</span>
      </h1>
      <p>
        {t(lang, 'state')}: <strong className="state">{stateLabel(lang, 'complaint', view.state)}</strong>
      </p>
      <CitizenStatus lang={lang} workflow="complaint" state={view.state} />
      {message.subject ? (
        <dl>
          <dt>{t(lang, 'subject')}</dt>
          <dd>{message.subject}</dd>
          <dt>{t(lang, 'body')}</dt>
          <dd>{message.body ?? ''}</dd>
        </dl>
      ) : null}
      {message.answers?.length ? (
        <>
          <h2>{t(lang, 'answers')}</h2>
          <ul>
            {message.answers.map((a, i) => (
              <li key={i}>
                <small>{when(lang, answeredAt(a.at))}</small>
                <p>{a.text}</p>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <EventForms lang={lang} view={view} csrf={csrf} />
      <HistoryTable lang={lang} workflow={view.workflow} rows={history} />
    </>
  );
}
