/**
 * Staff pages: the office's reports for a Solar Hijri month (a table, a bar chart drawn as SVG on
 * the server, and CSV/Excel downloads from the JSON API), and case search. Reports are for
 * supervisors and finance staff; search for every staff role (the API refuses anyone else too).
 */
import { REPORT_KINDS, SEARCH_FIELDS, reportTable, slaTargetTitles, solarMonthOf, solarMonthPeriod, type ReportData, type ReportKind, type ReportTable, type SearchField } from '@statdesk/core';
import type { Express } from 'express';
import { html, type SafeHtml } from '../html';
import { digits, knownLabel, label, t, type Language } from '../i18n';
import type { PortalContext } from '../portal-context';
import { pageOf } from './instance-page';
import { layout, when } from './layout';
import { actorOf, pageState, requireUser, route } from './page-route';

const REPORT_ROLES = ['supervisor', 'finance-officer'];
const KIND_TITLES: Record<ReportKind, { fa: string; en: string }> = {
  sla: { fa: 'رعایت توافق سطح خدمت', en: 'SLA compliance' },
  volumes: { fa: 'حجم درخواست‌ها', en: 'Volumes' },
  revenue: { fa: 'درآمد', en: 'Revenue' },
  satisfaction: { fa: 'رضایت شاکیان', en: 'Satisfaction' },
};

/** A horizontal bar chart of one numeric column, labelled by the row's other text cells. */
function barChart(table: ReportTable, kind: ReportKind, lang: Language): SafeHtml {
  const valueColumn = { sla: 3, volumes: 4, revenue: 3, satisfaction: 1 }[kind];
  const bars = table.rows
    .map((row) => ({ name: row.slice(1, valueColumn).filter((c) => typeof c === 'string').join(' · '), value: Number(row[valueColumn] ?? 0), breached: kind === 'sla' ? Number(row[4] ?? 0) : 0 }))
    .filter((b) => b.value > 0 || b.breached > 0);
  if (!bars.length) return html``;
  const max = Math.max(...bars.map((b) => b.value + b.breached));
  const rowHeight = 28;
  const width = 480;
  return html`<svg class="chart" role="img" aria-label="${table.title}" viewBox="0 0 ${width + 220} ${bars.length * rowHeight + 10}" width="100%">
    ${bars.map((b, i) => {
      const y = i * rowHeight + 5;
      const w = Math.round((b.value / max) * width);
      const wb = Math.round((b.breached / max) * width);
      // In Persian the label's start is its right edge: anchored just left of the bars.
      return html`<g><text x="${lang === 'fa' ? 210 : 0}" y="${y + 17}" font-size="12" direction="${lang === 'fa' ? 'rtl' : 'ltr'}">${b.name}</text>
        <rect x="220" y="${y}" width="${w}" height="20" fill="#2e7d32"><title>${digits(lang, b.value)}</title></rect>
        ${wb ? html`<rect x="${220 + w}" y="${y}" width="${wb}" height="20" fill="#c62828"><title>${digits(lang, b.breached)}</title></rect>` : ''}
        <text x="${226 + w + wb}" y="${y + 15}" font-size="12">${digits(lang, b.value)}${b.breached ? ` / ${digits(lang, b.breached)}` : ''}</text></g>`;
    })}
  </svg>`;
}

function cell(lang: Language, value: unknown): string {
  if (value === null || value === undefined) return '—';
  return digits(lang, typeof value === 'number' ? value.toLocaleString('en') : String(value));
}

export function mountReports(app: Express, context: PortalContext): void {
  app.get(
    '/staff/reports',
    route(async (req, res) => {
      const page = pageState(res);
      const { lang } = page;
      const user = requireUser(res);
      if (!user.roles.some((r) => REPORT_ROLES.includes(r))) {
        res.status(403).type('html').send(layout(page, t(lang, 'reports'), html`<p class="error">${t(lang, 'notAllowed')}</p>`));
        return;
      }
      const kind = (REPORT_KINDS as readonly string[]).includes(String(req.query.kind)) ? (req.query.kind as ReportKind) : 'sla';
      const month = solarMonthPeriod(typeof req.query.month === 'string' && req.query.month ? req.query.month : solarMonthOf(context.desk.clock.now()));
      const months = [month];
      const data = await {
        sla: () => context.reports.slaCompliance(context.tenantId, months),
        volumes: () => context.reports.volumes(context.tenantId, months),
        revenue: () => context.reports.revenue(context.tenantId, months),
        satisfaction: () => context.reports.satisfaction(context.tenantId, months),
      }[kind]();
      const table = reportTable(kind, data as ReportData[ReportKind], lang, { workflow: knownLabel, state: (_w, s) => knownLabel(s), target: slaTargetTitles(context.desk.registry) });
      const api = (format: string) => `/api/reports/${kind}?from=${month.month}&format=${format}&lang=${lang}`;
      const form = html`<form method="get" action="/staff/reports" class="report-form">
        <label>${t(lang, 'reportKind')} <select name="kind">${REPORT_KINDS.map((k) => html`<option value="${k}" ${k === kind ? 'selected' : ''}>${KIND_TITLES[k][lang]}</option>`)}</select></label>
        <label>${t(lang, 'reportMonth')} <input name="month" value="${month.month}" pattern="[0-9۰-۹]{4}-[0-9۰-۹]{2}" required></label>
        <button>${t(lang, 'show')}</button></form>
        <p class="exports"><a class="button" download href="${api('csv')}">${t(lang, 'downloadCsv')}</a> <a class="button" download href="${api('xlsx')}">${t(lang, 'downloadXlsx')}</a></p>`;
      const body = table.rows.length
        ? html`${barChart(table, kind, lang)}<table class="report"><tr>${table.columns.map((c) => html`<th>${c}</th>`)}</tr>
            ${table.rows.map((row) => html`<tr>${row.map((c) => html`<td>${cell(lang, c)}</td>`)}</tr>`)}</table>`
        : html`<p>${t(lang, 'noFigures')}</p>`;
      res.type('html').send(layout(page, `${t(lang, 'reports')}: ${table.title} (${digits(lang, month.month)})`, html`${form}${body}`));
    }),
  );

  app.get(
    '/staff/search',
    route(async (req, res) => {
      const page = pageState(res);
      const { lang } = page;
      const user = requireUser(res);
      const by = (SEARCH_FIELDS as readonly string[]).includes(String(req.query.by)) ? (req.query.by as SearchField) : 'order';
      const q = typeof req.query.q === 'string' ? req.query.q.trim() : '';
      const form = html`<form method="get" action="/staff/search" class="search-form">
        <label>${t(lang, 'searchBy')} <select name="by">${SEARCH_FIELDS.map((f) => html`<option value="${f}" ${f === by ? 'selected' : ''}>${t(lang, `by.${f}`)}</option>`)}</select></label>
        <label>${t(lang, 'searchValue')} <input name="q" value="${q}" maxlength="100" required></label>
        <button>${t(lang, 'search')}</button></form>`;
      let results = html``;
      if (q) {
        const found = await context.search.search(context.tenantId, by, q, actorOf(user));
        results = found.length
          ? html`<table class="results"><tr><th>${t(lang, 'channel')}</th><th>${t(lang, 'state')}</th><th>${t(lang, 'createdAt')}</th><th></th></tr>
              ${found.map((view) => html`<tr><td>${label(lang, view.workflow)}</td><td>${label(lang, view.state)}</td><td>${when(lang, view.createdAt)}</td><td><a href="${pageOf(view)}">${t(lang, 'open')}</a></td></tr>`)}</table>`
          : html`<p>${t(lang, 'noResults')}</p>`;
      }
      res.type('html').send(layout(page, t(lang, 'searchCases'), html`${form}${results}`));
    }),
  );
}
