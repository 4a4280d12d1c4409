/** What the citizen reads about a case: one phrase, then what happens next and who acts (the SDK's words). */
import { labels, type Language } from '@statdesk/example-express-portal/i18n';

export function CitizenStatus({ lang, workflow, state }: { lang: Language; workflow: string; state: string }) {
  const status = labels.citizenStatus(workflow, state, lang);
  return (
    <div className="citizen-status">
      <p className="status-phrase">{status.phrase}</p>
      {status.next ? <p className="status-next">{status.next}</p> : null}
      {status.actor ? (
        <p className="status-actor">
          {lang === 'fa' ? 'اقدام بعدی با' : 'Next step by'}: {status.actor}
        </p>
      ) : null}
    </div>
  );
}
