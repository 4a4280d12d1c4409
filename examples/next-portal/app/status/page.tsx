/** The public service-status page: open incidents of every channel, in their citizen-safe form. */
import { headers } from 'next/headers';
import { label, t } from '@statdesk/example-express-portal/i18n';
import { publicIncidents } from '@statdesk/example-express-portal/incidents';
import { when } from '@statdesk/example-express-portal/pages/layout';
import { clientAddress } from '../../lib/client-address';
import { pageContext } from '../../lib/page-context';
import { getPortal } from '../../lib/portal';

export default async function StatusPage() {
  const { lang } = await pageContext();
  const portal = await getPortal();
  // The same token bucket as the JSON route: the board is public.
  const taken = await portal.publicLimiter.take(`status:${clientAddress(await headers())}`);
  if (!taken.allowed) {
    return (
      <>
        <h1>{t(lang, 'serviceStatus')}</h1>
        <p className="error">{t(lang, 'tooManyRequests')}</p>
      </>
    );
  }
  const incidents = await publicIncidents(portal);
  return (
    <>
      <h1>{t(lang, 'serviceStatus')}</h1>
      {incidents.length === 0 ? (
        <p className="all-clear">{t(lang, 'allServicesUp')}</p>
      ) : (
        <ul className="incidents">
          {incidents.map((i) => (
            <li key={`${i.channel}:${i.reportedAt.toISOString()}`} className="incident">
              <h2>
                {label(lang, i.channel)}: {i.title}
              </h2>
              <p>
                {t(lang, 'state')}: <strong>{label(lang, i.state)}</strong>
              </p>
              <p className="public-message">{i.publicMessage}</p>
              <p>
                {t(lang, 'reportedAt')}: {when(lang, i.reportedAt)}
                {i.restoredAt ? ` — ${t(lang, 'restoredAt')}: ${when(lang, i.restoredAt)}` : ''}
              </p>
              {i.restoration.deadline ? (
                <p>
                  {t(lang, 'restorationDeadline')}: {when(lang, i.restoration.deadline)}
                </p>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
