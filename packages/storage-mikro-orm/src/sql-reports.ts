/**
 * The report reads of the `Storage` port (see `ports/reports.ts` in `@statdesk/core`) as
 * aggregate SQL over a `SqlDatabase`: only the aggregated rows leave the database.
 */
import {
  ValidationError,
  type ReportPeriod,
  type ReportReads,
  type RevenueLine,
  type RevenueTotal,
  type SatisfactionCount,
  type SatisfactionSource,
  type SlaComplianceCount,
  type VolumeCount,
} from '@statdesk/core';
import { payloadField, reportStatements } from './sql/report-statements';
import type { SqlDatabase } from './sql/sql-database';
import type { SqlValues } from './sql/sql-values';

const text = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const count = (value: unknown) => Number(value ?? 0);
const numberOrNull = (value: unknown) => (value === null || value === undefined ? null : Number(value));

export class SqlReports implements ReportReads {
  private readonly sql: ReturnType<typeof reportStatements>;

  constructor(
    private readonly db: SqlDatabase,
    private readonly values: SqlValues,
  ) {
    this.sql = reportStatements(db.dialect);
  }

  async reportSlaCompliance(period: ReportPeriod): Promise<SlaComplianceCount[]> {
    const rows = await this.db.session((s) => s.all(this.sql.slaCompliance, this.range(period)));
    return rows
      .map((r) => ({
        workflow: r.workflow as string,
        policy: r.policy as string,
        target: r.target as string,
        clock: r.clock as 'business' | 'wall',
        bestEffort: r.best_effort === true || r.best_effort === 1,
        met: count(r.met),
        breached: count(r.breached),
        medianMsToMeet: numberOrNull(r.median_ms),
        p90MsToMeet: numberOrNull(r.p90_ms),
      }))
      .sort((a, b) => text(a.workflow, b.workflow) || text(a.policy, b.policy) || text(a.target, b.target));
  }

  async reportVolumes(period: ReportPeriod, kindField = 'kind'): Promise<VolumeCount[]> {
    const statement = this.sql.volumes(payloadField(kindField, 'kindField'));
    const rows = await this.db.session((s) => s.all(statement, this.range(period)));
    return rows
      .map((r) => ({ workflow: r.workflow as string, kind: (r.kind as string | null) ?? null, state: r.state as string, count: count(r.n) }))
      .sort(
        (a, b) =>
          text(a.workflow, b.workflow) || (a.kind === b.kind ? 0 : a.kind === null ? -1 : b.kind === null ? 1 : text(a.kind, b.kind)) || text(a.state, b.state),
      );
  }

  async reportRevenue(period: ReportPeriod, lines: readonly RevenueLine[]): Promise<RevenueTotal[]> {
    checkPeriod(period);
    const statements = lines.map((line, i) => this.sql.revenue(payloadField(line.amountField, `lines.${i}.amountField`)));
    return this.db.session(async (s) => {
      const totals: RevenueTotal[] = [];
      for (const [i, line] of lines.entries()) {
        const params = [line.amountEventType, period.tenantId, line.eventType, this.values.time(period.from), this.values.time(period.to), line.workflow];
        const [row] = await s.all(statements[i]!, params);
        totals.push({ name: line.name, count: count(row?.n), amountRial: BigInt((row?.total as string | null) ?? '0') });
      }
      return totals;
    });
  }

  async reportSatisfaction(period: ReportPeriod, source: SatisfactionSource): Promise<SatisfactionCount[]> {
    checkPeriod(period);
    const statement = this.sql.satisfaction(payloadField(source.scoreField, 'scoreField'));
    const params = [period.tenantId, source.eventType, this.values.time(period.from), this.values.time(period.to), source.workflow];
    const rows = await this.db.session((s) => s.all(statement, params));
    return rows.map((r) => ({ score: Number(r.score), count: count(r.n) })).sort((a, b) => a.score - b.score);
  }

  private range(period: ReportPeriod): unknown[] {
    checkPeriod(period);
    return [period.tenantId, this.values.time(period.from), this.values.time(period.to)];
  }
}

function checkPeriod(period: ReportPeriod): void {
  if (!(period.from.getTime() < period.to.getTime())) throw new ValidationError('report period', [{ path: 'to', message: 'must be after from' }]);
}
