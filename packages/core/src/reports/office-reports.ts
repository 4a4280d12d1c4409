/**
 * The office's reports by Solar Hijri month: each month is one aggregate read of the storage
 * (see `ports/reports.ts`), so a report costs a few queries however many cases the office has.
 */
import { ValidationError } from '../errors';
import type { RevenueLine, SatisfactionSource, SlaComplianceCount, VolumeCount } from '../ports/reports';
import type { Storage } from '../ports/storage';
import { DEFAULT_REVENUE_LINES, DEFAULT_SATISFACTION_SOURCE } from './report-sources';
import type { SolarMonthPeriod } from './solar-month';

/** The kinds of report. */
export const REPORT_KINDS = ['sla', 'volumes', 'revenue', 'satisfaction'] as const;
/** A kind of report: SLA compliance, volumes, revenue or satisfaction. */
export type ReportKind = (typeof REPORT_KINDS)[number];

/** SLA compliance of one target in one month. */
export interface MonthlySlaCompliance extends SlaComplianceCount {
  /** The Solar Hijri month, `YYYY-MM`. */
  month: string;
}

/** Instances created in one month, by workflow, kind and state. */
export interface MonthlyVolume extends VolumeCount {
  /** The Solar Hijri month, `YYYY-MM`. */
  month: string;
}

/** One month's revenue, in Rial. */
export interface MonthlyRevenue {
  /** The Solar Hijri month, `YYYY-MM`. */
  month: string;
  /** Each line (`quotesPaid`, `shopSales`, `refunds`, …): how many and how much. */
  lines: { name: string; count: number; amountRial: bigint }[];
  /** Sum of the lines, refunds (and any line named in `negativeLines`) subtracted. */
  netRial: bigint;
}

/** One month's satisfaction ratings. */
export interface MonthlySatisfaction {
  /** The Solar Hijri month, `YYYY-MM`. */
  month: string;
  /** How many ratings of each score. */
  scores: { score: number; count: number }[];
  /** How many ratings. */
  count: number;
  /** Their mean, rounded to two decimals; null without ratings. */
  average: number | null;
}

/** Options of {@link createOfficeReports}. */
export interface OfficeReportOptions {
  /** Where the figures are aggregated. */
  storage: Storage;
  /** Revenue lines (default: quotes paid, shop sales, refunds). */
  revenueLines?: readonly RevenueLine[];
  /** Lines subtracted from the net (default: `refunds`). */
  negativeLines?: readonly string[];
  /** Where ratings are (default: the complaint's `rate`). */
  satisfaction?: SatisfactionSource;
}

/** The office's reports, month by month, for one tenant. */
export interface OfficeReports {
  /** SLA compliance per workflow, target and month. */
  slaCompliance(tenantId: string, months: readonly SolarMonthPeriod[]): Promise<MonthlySlaCompliance[]>;
  /** Volumes per month, workflow, kind and state. */
  volumes(tenantId: string, months: readonly SolarMonthPeriod[]): Promise<MonthlyVolume[]>;
  /** Revenue per month. */
  revenue(tenantId: string, months: readonly SolarMonthPeriod[]): Promise<MonthlyRevenue[]>;
  /** Satisfaction per month. */
  satisfaction(tenantId: string, months: readonly SolarMonthPeriod[]): Promise<MonthlySatisfaction[]>;
}

/** The office's reports over `storage`, by Solar Hijri month (see {@link solarMonthRange}). */
export function createOfficeReports(options: OfficeReportOptions): OfficeReports {
  const { storage } = options;
  const lines = options.revenueLines ?? DEFAULT_REVENUE_LINES;
  const negative = new Set(options.negativeLines ?? ['refunds']);
  const source = options.satisfaction ?? DEFAULT_SATISFACTION_SOURCE;
  const each = async <T>(tenantId: string, months: readonly SolarMonthPeriod[], read: (m: SolarMonthPeriod) => Promise<T>): Promise<T[]> => {
    if (!tenantId) throw new ValidationError('report', [{ path: 'tenantId', message: 'is required' }]);
    const results: T[] = [];
    for (const month of months) results.push(await read(month));
    return results;
  };
  const period = (tenantId: string, m: SolarMonthPeriod) => ({ tenantId, from: m.from, to: m.to });
  return {
    slaCompliance: async (tenantId, months) =>
      (await each(tenantId, months, async (m) => (await storage.reportSlaCompliance(period(tenantId, m))).map((row) => ({ month: m.month, ...row })))).flat(),
    volumes: async (tenantId, months) =>
      (await each(tenantId, months, async (m) => (await storage.reportVolumes(period(tenantId, m))).map((row) => ({ month: m.month, ...row })))).flat(),
    revenue: (tenantId, months) =>
      each(tenantId, months, async (m) => {
        const totals = await storage.reportRevenue(period(tenantId, m), lines);
        const netRial = totals.reduce((sum, t) => (negative.has(t.name) ? sum - t.amountRial : sum + t.amountRial), 0n);
        return { month: m.month, lines: totals, netRial };
      }),
    satisfaction: (tenantId, months) =>
      each(tenantId, months, async (m) => {
        const scores = await storage.reportSatisfaction(period(tenantId, m), source);
        const count = scores.reduce((n, s) => n + s.count, 0);
        const total = scores.reduce((n, s) => n + s.score * s.count, 0);
        return { month: m.month, scores, count, average: count ? Math.round((total / count) * 100) / 100 : null };
      }),
  };
}
