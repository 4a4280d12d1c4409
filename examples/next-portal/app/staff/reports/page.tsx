/**
 * The office's reports for a Solar Hijri month, for supervisors and finance staff: a bar chart
 * drawn as SVG on the server, the table, and CSV/Excel downloads from the JSON API.
 */
import { createOfficeReports, REPORT_KINDS, reportTable, slaTargetTitles, solarMonthOf, solarMonthPeriod, type ReportData, type ReportKind } from '@statdesk/core';
import { digits, knownLabel, t } from '@statdesk/example-express-portal/i18n';
import { pageContext } from '../../../lib/page-context';
import { getPortal } from '../../../lib/portal';
import { SignInFirst } from '../../components/sign-in-first';

const REPORT_ROLES = ['supervisor', 'finance-officer'];
const KIND_TITLES: Record<ReportKind, { fa: string; en: string }> = {
  sla: { fa: 'رعایت توافق سطح خدمت', en: 'SLA compliance' },
  volumes: { fa: 'حجم درخواست‌ها', en: 'Volumes' },
  revenue: { fa: 'درآمد', en: 'Revenue' },
  satisfaction: { fa: 'رضایت شاکیان', en: 'Satisfaction' },
};
const VALUE_COLUMN: Record<ReportKind, number> = { sla: 3, volumes: 4, revenue: 3, satisfaction: 1 };

export default async function ReportsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { lang, user } = await pageContext();
  if (!user) return <SignInFirst lang={lang} />;
  if (!user.roles.some((r) => REPORT_ROLES.includes(r))) return <p className="error">{t(lang, 'notAllowed')}</p>;
  const query = await searchParams;
  const portal = await getPortal();
  const kind = (REPORT_KINDS as readonly string[]).includes(String(query.kind)) ? (query.kind as ReportKind) : 'sla';
  const month = solarMonthPeriod(typeof query.month === 'string' && query.month ? query.month : solarMonthOf(portal.desk.clock.now()));
  const reports = createOfficeReports({ storage: portal.storage });
  const months = [month];
  const data = await {
    sla: () => reports.slaCompliance(portal.tenantId, months),
    volumes: () => reports.volumes(portal.tenantId, months),
    revenue: () => reports.revenue(portal.tenantId, months),
    satisfaction: () => reports.satisfaction(portal.tenantId, months),
  }[kind]();
  const table = reportTable(kind, data as ReportData[ReportKind], lang, { workflow: knownLabel, state: (_w, s) => knownLabel(s), target: slaTargetTitles(portal.desk.registry) });
  const api = (format: string) => `/api/reports/${kind}?from=${month.month}&format=${format}&lang=${lang}`;
  const column = VALUE_COLUMN[kind];
  const bars = table.rows
    .map((row) => ({ name: row.slice(1, column).filter((c) => typeof c === 'string').join(' · '), value: Number(row[column] ?? 0) }))
    .filter((b) => b.value > 0);
  const max = Math.max(1, ...bars.map((b) => b.value));
  return (
    <>
      <h1>
        {t(lang, 'reports')}: {table.title} ({digits(lang, month.month)})
      </h1>
      <form method="get" action="/staff/reports" className="report-form">
        <label>
          {t(lang, 'reportKind')}{' '}
          <select name="kind" defaultValue={kind}>
            {REPORT_KINDS.map((k) => (
              <option key={k} value={k}>
                {KIND_TITLES[k][lang]}
              </option>
            ))}
          </select>
        </label>{' '}
        <label>
          {t(lang, 'reportMonth')} <input name="month" defaultValue={month.month} required />
        </label>{' '}
        <button>{t(lang, 'show')}</button>
      </form>
      <p className="exports">
        <a className="button" download href={api('csv')}>
          {t(lang, 'downloadCsv')}
        </a>{' '}
        <a className="button" download href={api('xlsx')}>
          {t(lang, 'downloadXlsx')}
        </a>
      </p>
      {bars.length ? (
        <svg className="chart" role="img" aria-label={table.title} viewBox={`0 0 700 ${bars.length * 28 + 10}`} width="100%">
          {bars.map((b, i) => (
            <g key={i}>
              {/* In Persian the label's start is its right edge: anchored just left of the bars. */}
              <text x={lang === 'fa' ? 210 : 0} y={i * 28 + 22} fontSize="12" direction={lang === 'fa' ? 'rtl' : 'ltr'}>
                {b.name}
              </text>
              <rect x="220" y={i * 28 + 5} width={Math.round((b.value / max) * 400)} height="20" fill="#2e7d32" />
              <text x={226 + Math.round((b.value / max) * 400)} y={i * 28 + 20} fontSize="12">
                {digits(lang, b.value)}
              </text>
            </g>
          ))}
        </svg>
      ) : null}
      {table.rows.length ? (
        <table className="report">
          <thead>
            <tr>
              {table.columns.map((c) => (
                <th key={c}>{c}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((row, i) => (
              <tr key={i}>
                {row.map((c, j) => (
                  <td key={j}>{c === null ? '—' : digits(lang, typeof c === 'number' ? c.toLocaleString('en') : String(c))}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p>{t(lang, 'noFigures')}</p>
      )}
    </>
  );
}
