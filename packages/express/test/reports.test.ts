/**
 * `GET /reports/:kind` on a real Express server: supervisors and finance staff read the month's
 * figures as JSON, CSV (UTF-8 with a BOM, Persian headers) and XLSX; everyone else is refused
 * with a typed answer, and a bad query names its field.
 */
import { createOfficeReports, type SlaOutcomeRecord } from '@statdesk/core';
import { MemoryStorage } from '@statdesk/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { portal } from './support';

type Portal = Awaited<ReturnType<typeof portal>>;
let running: Portal | undefined;
afterEach(async () => {
  await running?.close();
  running = undefined;
});

const HOUR = 3_600_000;
// Azar 1405 runs from 2026-11-21T20:30Z to 2026-12-21T20:30Z.
const IN_AZAR = new Date('2026-12-01T08:00:00Z');
const outcome = (instanceId: string, met: boolean, elapsedMs: number | null): SlaOutcomeRecord => ({
  tenantId: 'sci', instanceId, workflow: 'information-order', policy: 'information-order', target: 'firstResponse', cycle: 0,
  outcome: met ? 'met' : 'breached', decidedAt: IN_AZAR, stoppedAt: met ? IN_AZAR : null, elapsedMs, clock: 'business', bestEffort: false,
});

async function start(withReports = true): Promise<Portal> {
  const storage = new MemoryStorage();
  await storage.transaction((tx) => tx.recordSlaOutcomes([outcome('o-1', true, 2 * HOUR), outcome('o-2', true, 4 * HOUR), outcome('o-3', false, null)]));
  running = await portal(withReports ? { reports: { source: createOfficeReports({ storage }) } } : {});
  return running;
}

const as = (user: string) => ({ 'x-test-user': user });
const SUPERVISOR = as('sara:supervisor');
const FINANCE = as('farid:finance-officer');

describe('GET /reports/:kind over HTTP', () => {
  it('gives a supervisor the month as JSON, with people\'s labels and the figures', async () => {
    const p = await start();
    const response = await fetch(p.url('/reports/sla?from=1405-09&lang=en'), { headers: SUPERVISOR });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { months: string[]; table: { columns: string[]; rows: unknown[][] }; data: unknown[] };
    expect(body.months).toEqual(['1405-09']);
    expect(body.table.columns).toEqual(['Month', 'Channel', 'Target', 'Met', 'Breached', 'Compliance %', 'Median time (hours)', 'P90 time (hours)']);
    // Two met (2 h, 4 h), one breached: 66.7 % met, median rank 1 (2 h), p90 rank 2 (4 h).
    expect(body.table.rows).toEqual([['1405-09', 'Information order', 'first response', 2, 1, 66.7, 2, 4]]);
    const openapi = (await (await fetch(p.url('/openapi.json'))).json()) as { paths: Record<string, unknown> };
    expect(Object.keys(openapi.paths)).toContain('/reports/{kind}');
    expect(Object.keys(openapi.paths)).not.toContain('/search');
  });

  it('gives finance staff a CSV with a BOM and Persian headers, and an XLSX workbook', async () => {
    const p = await start();
    const csv = await fetch(p.url('/reports/sla?from=1405-09&format=csv'), { headers: FINANCE });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(csv.headers.get('content-disposition')).toContain('sla-1405-09.csv');
    const bytes = new Uint8Array(await csv.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(bytes.slice(3)).split('\r\n');
    expect(lines[0]).toBe('ماه,کانال,هدف,رعایت‌شده,نقض‌شده,درصد رعایت,میانه زمان (ساعت),صدک ۹۰ زمان (ساعت)');
    expect(lines[1]).toBe('1405-09,سفارش اطلاعات,first response,2,1,66.7,2,4');

    const xlsx = await fetch(p.url('/reports/revenue?from=1405-09&to=1405-10&format=xlsx'), { headers: FINANCE });
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(xlsx.headers.get('content-disposition')).toContain('revenue-1405-09_1405-10.xlsx');
    const zip = new Uint8Array(await xlsx.arrayBuffer());
    expect([...zip.slice(0, 2)]).toEqual([0x50, 0x4b]); // "PK": a zip container, as XLSX is
  });

  it('refuses citizens and staff without a report role (403), strangers (401) and unknown reports (404)', async () => {
    const p = await start();
    const status = async (path: string, headers: Record<string, string> = {}) => {
      const response = await fetch(p.url(path), { headers });
      return [response.status, ((await response.json()) as { type: string }).type];
    };
    expect(await status('/reports/sla?from=1405-09', as('citizen-1:applicant'))).toEqual([403, 'NOT_ALLOWED']);
    expect(await status('/reports/revenue?from=1405-09', as('c-1:consultant'))).toEqual([403, 'NOT_ALLOWED']);
    expect(await status('/reports/sla?from=1405-09')).toEqual([401, 'UNAUTHENTICATED']);
    expect(await status('/reports/everything?from=1405-09', SUPERVISOR)).toEqual([404, 'NOT_FOUND']);
  });

  it('answers a bad query with a 400 naming the field', async () => {
    const p = await start();
    const issues = async (query: string) => {
      const response = await fetch(p.url(`/reports/sla${query}`), { headers: SUPERVISOR });
      expect(response.status).toBe(400);
      return ((await response.json()) as { issues: { path: string }[] }).issues.map((i) => i.path);
    };
    expect(await issues('')).toEqual(['from']);
    expect(await issues('?from=1405-13')).toEqual(['from']);
    expect(await issues('?from=1405-09&to=1405-01')).toEqual(['to']);
    expect(await issues('?from=1405-09&format=pdf')).toEqual(['format']);
    expect(await issues('?from=1405-09&lang=de')).toEqual(['lang']);
    expect(await issues('?from=1405-09&tenant=other')).toEqual(['tenant']);
  });

  it('is not served unless the portal configures reports', async () => {
    const p = await start(false);
    const response = await fetch(p.url('/reports/sla?from=1405-09'), { headers: SUPERVISOR });
    expect([response.status, ((await response.json()) as { type: string }).type]).toEqual([404, 'NOT_FOUND']);
  });
});
