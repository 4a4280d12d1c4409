/** The staff work queues: open cases this person may act on, most urgent first, with SLA deadlines and warnings. */
import { label, stateLabel, t, urgencyLabel } from '@statdesk/example-express-portal/i18n';
import { pageOf } from '@statdesk/example-express-portal/pages/instance-page';
import { when } from '@statdesk/example-express-portal/pages/layout';
import { caseReference, staffQueues } from '@statdesk/example-express-portal/staff-queues';
import { pageContext } from '../../lib/page-context';
import { getPortal } from '../../lib/portal';
import { statdesk } from '../../lib/statdesk';
import { SignInFirst } from '../components/sign-in-first';

export default async function StaffPage() {
  const { lang, user } = await pageContext();
  if (!user) return <SignInFirst lang={lang} />;
  const { actor } = await statdesk.requireIdentity();
  const queues = await staffQueues(await getPortal(), actor);
  return (
    <>
      <h1>{t(lang, 'staffQueue')}</h1>
      {queues.map(({ workflow, items }) => (
        <section key={workflow} className="queue" data-workflow={workflow} aria-labelledby={`queue-${workflow}`}>
          <h2 id={`queue-${workflow}`}>{label(lang, workflow)}</h2>
          {items.length === 0 ? (
            <p>{t(lang, 'noItems')}</p>
          ) : (
            <table>
              <thead>
                <tr>
                  <th>#</th>
                  <th>{t(lang, 'state')}</th>
                  <th>{t(lang, 'urgency')}</th>
                  <th>{t(lang, 'sla')}</th>
                  <th />
                </tr>
              </thead>
              <tbody>
                {items.map(({ view, sla }) => (
                  <tr key={view.id} className={`urgency-${sla?.urgency ?? 'none'}`} data-id={view.id}>
                    <td dir="auto">{caseReference(view)}</td>
                    <td>{stateLabel(lang, view.workflow, view.state)}</td>
                    <td>
                      {sla?.urgency === 'breached' || sla?.urgency === 'at-risk' ? <span aria-hidden="true">⚠ </span> : null}
                      {urgencyLabel(lang, sla?.urgency ?? 'none')}
                    </td>
                    <td>{sla?.nextDeadline ? <span className="deadline" data-at={sla.nextDeadline.at.toISOString()}>{when(lang, sla.nextDeadline.at)}</span> : '—'}</td>
                    <td>
                      <a href={pageOf(view)}>{t(lang, 'open')}</a>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      ))}
    </>
  );
}
