/**
 * A report as a table for people: headers and names in Persian or English (never a state path
 * or key when a label is known), the same table whether it is drawn on a page, written to CSV
 * or to a spreadsheet.
 */
import type { WorkflowRegistry } from '../engine/registry';
import type { SlaWorkflowDefinition } from '../sla/with-sla';
import { MESSAGE_KIND_LABELS, type MessageKind } from '../workflows/complaint/kinds';
import type { MonthlyRevenue, MonthlySatisfaction, MonthlySlaCompliance, MonthlyVolume, ReportKind } from './office-reports';

/** A text in Persian and English. */
export interface ReportLabel {
  /** Persian. */
  fa: string;
  /** English. */
  en: string;
}

/** Names for what a report shows; each returns `undefined` to fall back to the default. */
export interface ReportLabels {
  /** A workflow (the office's channel). */
  workflow?(workflow: string): ReportLabel | undefined;
  /** A state of a workflow. */
  state?(workflow: string, state: string): ReportLabel | undefined;
  /** A kind (a complaint's kind). */
  kind?(workflow: string, kind: string): ReportLabel | undefined;
  /** An SLA target. */
  target?(workflow: string, policy: string, target: string): ReportLabel | undefined;
}

/** A cell: text, a number, or Rial (a bigint, written as digits). */
export type ReportCell = string | number | bigint | null;

/** A report drawn as a table. */
export interface ReportTable {
  /** The report's title. */
  title: string;
  /** Column headers. */
  columns: string[];
  /** Rows of cells, one per column. */
  rows: ReportCell[][];
}

/** The report data of each kind. */
export interface ReportData {
  /** SLA compliance rows. */
  sla: MonthlySlaCompliance[];
  /** Volume rows. */
  volumes: MonthlyVolume[];
  /** Revenue months. */
  revenue: MonthlyRevenue[];
  /** Satisfaction months. */
  satisfaction: MonthlySatisfaction[];
}

const WORKFLOWS: Record<string, ReportLabel> = {
  'information-order': { fa: 'سفارش اطلاعات', en: 'Information order' },
  'shop-order': { fa: 'سفارش فروشگاه', en: 'Shop order' },
  complaint: { fa: 'پیام‌ها و شکایات', en: 'Messages and complaints' },
  incident: { fa: 'اختلال سرویس', en: 'Service incident' },
};

const LINES: Record<string, ReportLabel> = {
  quotesPaid: { fa: 'پیش‌فاکتورهای پرداخت‌شده', en: 'Quotes paid' },
  shopSales: { fa: 'فروش فروشگاه', en: 'Shop sales' },
  refunds: { fa: 'بازپرداخت‌ها', en: 'Refunds' },
  net: { fa: 'خالص', en: 'Net' },
};

/** Titles and column headers of each report kind. */
export const REPORT_TEXT: Readonly<Record<ReportKind, { title: ReportLabel; columns: ReportLabel[] }>> = Object.freeze({
  sla: {
    title: { fa: 'رعایت توافق سطح خدمت', en: 'SLA compliance' },
    columns: [
      { fa: 'ماه', en: 'Month' },
      { fa: 'کانال', en: 'Channel' },
      { fa: 'هدف', en: 'Target' },
      { fa: 'رعایت‌شده', en: 'Met' },
      { fa: 'نقض‌شده', en: 'Breached' },
      { fa: 'درصد رعایت', en: 'Compliance %' },
      { fa: 'میانه زمان (ساعت)', en: 'Median time (hours)' },
      { fa: 'صدک ۹۰ زمان (ساعت)', en: 'P90 time (hours)' },
    ],
  },
  volumes: {
    title: { fa: 'حجم درخواست‌ها', en: 'Volumes' },
    columns: [
      { fa: 'ماه', en: 'Month' },
      { fa: 'کانال', en: 'Channel' },
      { fa: 'نوع', en: 'Kind' },
      { fa: 'وضعیت', en: 'State' },
      { fa: 'تعداد', en: 'Count' },
    ],
  },
  revenue: {
    title: { fa: 'درآمد (ریال)', en: 'Revenue (Rial)' },
    columns: [
      { fa: 'ماه', en: 'Month' },
      { fa: 'ردیف', en: 'Line' },
      { fa: 'تعداد', en: 'Count' },
      { fa: 'مبلغ (ریال)', en: 'Amount (Rial)' },
    ],
  },
  satisfaction: {
    title: { fa: 'رضایت شاکیان', en: 'Complainant satisfaction' },
    columns: [
      { fa: 'ماه', en: 'Month' },
      { fa: 'تعداد نظرها', en: 'Ratings' },
      { fa: 'میانگین (۱ تا ۵)', en: 'Average (1–5)' },
      { fa: 'امتیاز ۱', en: 'Score 1' },
      { fa: 'امتیاز ۲', en: 'Score 2' },
      { fa: 'امتیاز ۳', en: 'Score 3' },
      { fa: 'امتیاز ۴', en: 'Score 4' },
      { fa: 'امتیاز ۵', en: 'Score 5' },
    ],
  },
});

/**
 * Names of SLA targets from the workflows' policies (each target's `title`), for
 * `ReportLabels.target`: `{ target: slaTargetTitles(desk.registry) }`.
 */
export function slaTargetTitles(registry: WorkflowRegistry): NonNullable<ReportLabels['target']> {
  return (workflow, policy, target) => {
    const sla = (registry.latest(workflow) as Partial<SlaWorkflowDefinition> | undefined)?.sla;
    return sla?.policy.id === policy ? sla.policy.targets.find((t) => t.name === target)?.title : undefined;
  };
}

const HOUR = 3_600_000;
const hours = (ms: number | null) => (ms === null ? null : Math.round((ms / HOUR) * 100) / 100);
/** Words from a key (`firstResponse` → `first response`): better than a raw key when no label is known. */
const words = (key: string) => key.replace(/[._-]+/g, ' ').replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();

/** The report as a table in `language`, with `labels` for names the SDK does not know. */
export function reportTable<K extends ReportKind>(kind: K, data: ReportData[K], language: 'fa' | 'en', labels: ReportLabels = {}): ReportTable {
  const text = REPORT_TEXT[kind];
  const pick = (label: ReportLabel | undefined, fallback: string) => (label ? label[language] : fallback);
  const workflow = (w: string) => pick(labels.workflow?.(w) ?? WORKFLOWS[w], words(w));
  const table = (rows: ReportCell[][]): ReportTable => ({ title: text.title[language], columns: text.columns.map((c) => c[language]), rows });
  switch (kind) {
    case 'sla':
      return table(
        (data as ReportData['sla']).map((r) => [
          r.month,
          workflow(r.workflow),
          pick(labels.target?.(r.workflow, r.policy, r.target), words(r.target)),
          r.met,
          r.breached,
          r.met + r.breached ? Math.round((r.met / (r.met + r.breached)) * 1000) / 10 : null,
          hours(r.medianMsToMeet),
          hours(r.p90MsToMeet),
        ]),
      );
    case 'volumes':
      return table(
        (data as ReportData['volumes']).map((r) => [
          r.month,
          workflow(r.workflow),
          r.kind === null ? null : pick(labels.kind?.(r.workflow, r.kind) ?? MESSAGE_KIND_LABELS[r.kind as MessageKind], words(r.kind)),
          pick(labels.state?.(r.workflow, r.state), words(r.state)),
          r.count,
        ]),
      );
    case 'revenue':
      return table(
        (data as ReportData['revenue']).flatMap((m) => [
          ...m.lines.map((l): ReportCell[] => [m.month, pick(LINES[l.name], words(l.name)), l.count, l.amountRial]),
          [m.month, LINES.net![language], null, m.netRial],
        ]),
      );
    case 'satisfaction':
      return table(
        (data as ReportData['satisfaction']).map((m) => [
          m.month,
          m.count,
          m.average,
          ...[1, 2, 3, 4, 5].map((score) => m.scores.find((s) => s.score === score)?.count ?? 0),
        ]),
      );
  }
  throw new TypeError(`unknown report kind ${String(kind)}`);
}
