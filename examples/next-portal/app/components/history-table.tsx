/** An instance's history (who, when, event, from → to); personal fields are already redacted by the desk. */
import type { HistoryEntry } from '@statdesk/core';
import { digits, label, t, type Language } from '@statdesk/example-express-portal/i18n';
import { when } from '@statdesk/example-express-portal/pages/layout';

export function HistoryTable({ lang, rows }: { lang: Language; rows: readonly HistoryEntry[] }) {
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
              <td>{r.actorRole}</td>
              <td>{label(lang, r.eventType)}</td>
              <td>
                {r.fromState ? label(lang, r.fromState) : '∅'} → {label(lang, r.toState)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
