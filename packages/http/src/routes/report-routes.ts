/**
 * `GET /reports/:kind?from=1405-09&to=1405-11&format=csv&lang=fa`: a report (`sla`, `volumes`,
 * `revenue`, `satisfaction`) for Solar Hijri months, to supervisors and finance staff only, as
 * JSON (the table and the figures), CSV or XLSX.
 */
import {
  NotAllowedError,
  NotFoundError,
  REPORT_KINDS,
  reportTable,
  solarMonthRange,
  ValidationError,
  type ReportData,
  type ReportKind,
  type ValidationIssue,
} from '@statdesk/core';
import { attachmentDisposition } from '../content-disposition';
import { jsonResponse } from '../json';
import { DEFAULT_REPORT_ROLES } from '../report-options';
import { reportCsv, reportXlsx } from '../report-export';
import type { RequestScope } from '../request-scope';

const FORMATS = ['json', 'csv', 'xlsx'] as const;
const LANGUAGES = ['fa', 'en'] as const;
const PARAMS = new Set(['from', 'to', 'format', 'lang']);

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

interface ReportQuery {
  from: string;
  to: string;
  format: (typeof FORMATS)[number];
  lang: (typeof LANGUAGES)[number];
}

function parseReportQuery(query: URLSearchParams): ReportQuery {
  const issues: ValidationIssue[] = [];
  for (const name of new Set(query.keys())) {
    if (!PARAMS.has(name)) issues.push({ path: name, message: 'is not a report parameter (from, to, format, lang)', code: 'unrecognized_key' });
    else if (query.getAll(name).length > 1) issues.push({ path: name, message: 'is given more than once' });
  }
  const from = query.get('from');
  if (!from) issues.push({ path: 'from', message: 'is required: a Solar Hijri month written YYYY-MM, e.g. 1405-09' });
  const oneOf = <T extends string>(name: string, allowed: readonly T[], fallback: T): T => {
    const value = query.get(name) ?? fallback;
    if ((allowed as readonly string[]).includes(value)) return value as T;
    issues.push({ path: name, message: `must be one of ${allowed.join(', ')}` });
    return fallback;
  };
  const format = oneOf('format', FORMATS, 'json');
  const lang = oneOf('lang', LANGUAGES, 'fa');
  if (issues.length || !from) throw new ValidationError('report query', issues);
  return { from, to: query.get('to') ?? from, format, lang };
}

/** `GET /reports/:kind`. */
export async function getReport(scope: RequestScope): Promise<Response> {
  const settings = scope.runtime.options.reports;
  if (!settings) throw new NotFoundError('route', 'GET /reports/:kind');
  const identity = await scope.requireIdentity();
  const roles = settings.roles ?? DEFAULT_REPORT_ROLES;
  if (!identity.actor.roles.some((role) => roles.includes(role))) throw new NotAllowedError('read reports', identity.actor.roles);
  const kind = scope.param('kind');
  if (!(REPORT_KINDS as readonly string[]).includes(kind)) throw new NotFoundError('report', kind);
  const query = parseReportQuery(scope.url.searchParams);
  const months = solarMonthRange(query.from, query.to);

  const { source } = settings;
  const tenantId = identity.tenantId;
  const data = await ({
    sla: () => source.slaCompliance(tenantId, months),
    volumes: () => source.volumes(tenantId, months),
    revenue: () => source.revenue(tenantId, months),
    satisfaction: () => source.satisfaction(tenantId, months),
  } satisfies Record<ReportKind, () => Promise<unknown>>)[kind as ReportKind]();
  const table = reportTable(kind as ReportKind, data as ReportData[ReportKind], query.lang, settings.labels);
  const range = months.length === 1 ? months[0]!.month : `${months[0]!.month}_${months[months.length - 1]!.month}`;
  const filename = `${kind}-${range}.${query.format}`;

  switch (query.format) {
    case 'json':
      return jsonResponse(200, { kind, months: months.map((m) => m.month), table, data });
    case 'csv':
      return fileResponse(reportCsv(table), 'text/csv; charset=utf-8', filename);
    case 'xlsx':
      return fileResponse(await reportXlsx(table, query.lang), XLSX_TYPE, filename);
  }
}

function fileResponse(bytes: Uint8Array<ArrayBuffer>, contentType: string, filename: string): Response {
  return new Response(bytes, {
    status: 200,
    headers: {
      'content-type': contentType,
      'content-length': String(bytes.byteLength),
      'content-disposition': attachmentDisposition(filename),
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    },
  });
}
