/** Questions, criticism, suggestions and complaints: the person's messages and the form to file one. */
import { MESSAGE_KINDS } from '@statdesk/core';
import { label, stateLabel, t } from '@statdesk/example-express-portal/i18n';
import { fileComplaint } from '../../lib/actions';
import { pageContext } from '../../lib/page-context';
import { statdesk } from '../../lib/statdesk';
import { ActionForm } from '../components/action-form';
import { SignInFirst } from '../components/sign-in-first';

export default async function ComplaintsPage() {
  const { lang, user } = await pageContext();
  const mine = user ? await statdesk.list({ workflow: 'complaint', ownerId: user.id, limit: 50 }) : undefined;
  return (
    <>
      <h1>{t(lang, 'complaints')}</h1>
      <p>
        <a href="/complaints/lookup">{t(lang, 'lookupTitle')}</a>
      </p>
      {mine ? (
        <>
          <h2>{t(lang, 'myMessages')}</h2>
          {mine.items.length === 0 ? (
            <p>{t(lang, 'noItems')}</p>
          ) : (
            <table>
              <tbody>
                {mine.items.map((v) => (
                  <tr key={v.id}>
                    <td>{stateLabel(lang, v.workflow, v.state)}</td>
                    <td>
                      <a href={`/complaints/${encodeURIComponent(v.id)}`}>{t(lang, 'open')}</a>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      ) : null}
      <h2>{t(lang, 'fileMessage')}</h2>
      {user ? (
        <ActionForm action={fileComplaint} label={t(lang, 'fileMessage')}>
          <label>
            {t(lang, 'kind')}
            <select name="kind">
              {MESSAGE_KINDS.map((k) => (
                <option key={k} value={k}>
                  {label(lang, k)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t(lang, 'subject')}
            <input name="subject" />
          </label>
          <label>
            {t(lang, 'body')}
            <textarea name="body" rows={5} />
          </label>
          <button>{t(lang, 'send')}</button>
        </ActionForm>
      ) : (
        <SignInFirst lang={lang} />
      )}
    </>
  );
}
