/** Case search for staff: by order number, tracking code, receipt tracking number or national ID. */
import { createStaffSearch, SEARCH_FIELDS, type SearchField } from '@statdesk/core';
import { label, t } from '@statdesk/example-express-portal/i18n';
import { pageOf } from '@statdesk/example-express-portal/pages/instance-page';
import { when } from '@statdesk/example-express-portal/pages/layout';
import { pageContext } from '../../../lib/page-context';
import { getPortal } from '../../../lib/portal';
import { statdesk } from '../../../lib/statdesk';
import { SignInFirst } from '../../components/sign-in-first';

export default async function SearchPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { lang, user } = await pageContext();
  if (!user) return <SignInFirst lang={lang} />;
  const query = await searchParams;
  const by = (SEARCH_FIELDS as readonly string[]).includes(String(query.by)) ? (query.by as SearchField) : 'order';
  const q = typeof query.q === 'string' ? query.q.trim() : '';
  const portal = await getPortal();
  const { actor } = await statdesk.requireIdentity();
  const found = q ? await createStaffSearch({ desk: portal.desk, profiles: portal.profiles }).search(portal.tenantId, by, q, actor) : null;
  return (
    <>
      <h1>{t(lang, 'searchCases')}</h1>
      <form method="get" action="/staff/search" className="search-form">
        <label>
          {t(lang, 'searchBy')}{' '}
          <select name="by" defaultValue={by}>
            {SEARCH_FIELDS.map((f) => (
              <option key={f} value={f}>
                {t(lang, `by.${f}`)}
              </option>
            ))}
          </select>
        </label>{' '}
        <label>
          {t(lang, 'searchValue')} <input name="q" defaultValue={q} maxLength={100} required />
        </label>{' '}
        <button>{t(lang, 'search')}</button>
      </form>
      {found === null ? null : found.length === 0 ? (
        <p>{t(lang, 'noResults')}</p>
      ) : (
        <table className="results">
          <thead>
            <tr>
              <th>{t(lang, 'channel')}</th>
              <th>{t(lang, 'state')}</th>
              <th>{t(lang, 'createdAt')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {found.map((view) => (
              <tr key={view.id}>
                <td>{label(lang, view.workflow)}</td>
                <td>{label(lang, view.state)}</td>
                <td>{when(lang, view.createdAt)}</td>
                <td>
                  <a href={pageOf(view)}>{t(lang, 'open')}</a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
