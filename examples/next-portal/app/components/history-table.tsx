/** An instance's history (who, when, event, from → to); personal fields are already redacted by the desk. */
import type { HistoryEntry } from '@statdesk/core';
import { digits, eventLabel, roleLabel, stateLabel, t, type Language } from '@statdesk/example-express-portal/i18n';
import { when } from '@statdesk/example-express-portal/pages/layout';

export function HistoryTable({ lang, workflow, rows }: { lang: Language; workflow: string; rows: readonly HistoryEntry[] }) {
  return (
    <details className="history">
      <summary>{lang === 'fa' ? 'سابقه' : 'History'}</summary>
      <table>
        <thead>
          <tr>
            <th>#</th>
            <th>{lang === 'fa' ? 'زمان' : 'When'}</th>
            <th>{lang === 'fa' ? 'نقش' : 'Role'}</th>
            <th>{lang === 'fa' ? 'رویداد' : 'Event'}</th>
            <th>{t(lang, 'state')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.seq}>
              <td>{digits(lang, r.seq)}</td>
              <td>{when(lang, r.at)}</td>
              <td>{roleLabel(lang, workflow, r.actorRole)}</td>
              <td>{eventLabel(lang, workflow, r.eventType)}</td>
              <td>
                {r.fromState ? `${stateLabel(lang, workflow, r.fromState)} ${lang === 'fa' ? '←' : '→'} ` : ''}
                {stateLabel(lang, workflow, r.toState)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
