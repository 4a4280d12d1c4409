/**
 * The report reads of `MemoryStorage`, written plainly over its tables: the reference the SQL
 * adapters' aggregate queries must agree with (see `ports/reports.ts` in `@statdesk/core`).
 */
import {
  ValidationError,
  type HistoryRecord,
  type InstanceRecord,
  type JsonValue,
  type ReportPeriod,
  type RevenueLine,
  type RevenueTotal,
  type SatisfactionCount,
  type SatisfactionSource,
  type SlaComplianceCount,
  type SlaOutcomeRecord,
  type VolumeCount,
} from '@statdesk/core';

/** The port's checks, as the SQL adapters make them: a forward period and plain field names. */
function check(period: ReportPeriod, fields: [name: string, path: string][] = []): void {
  if (!(period.from.getTime() < period.to.getTime())) throw new ValidationError('report period', [{ path: 'to', message: 'must be after from' }]);
  for (const [name, path] of fields) {
    if (!/^[A-Za-z_][A-Za-z0-9_]{0,62}$/.test(name)) throw new ValidationError('report', [{ path, message: 'must be a plain field name (letters, digits, _)' }]);
  }
}

const inPeriod = (at: Date, period: ReportPeriod) => at.getTime() >= period.from.getTime() && at.getTime() < period.to.getTime();
const text = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The value at rank ⌈p·n⌉ of `sorted` (ascending), or null when empty. */
function nearestRank(sorted: readonly number[], p: number): number | null {
  if (!sorted.length) return null;
  return sorted[Math.ceil(p * sorted.length) - 1]!;
}

export function memorySlaCompliance(outcomes: Iterable<SlaOutcomeRecord>, period: ReportPeriod): SlaComplianceCount[] {
  check(period);
  const groups = new Map<string, { row: SlaComplianceCount; elapsed: number[] }>();
  for (const o of outcomes) {
    if (o.tenantId !== period.tenantId || !inPeriod(o.decidedAt, period)) continue;
    const k = `${o.workflow}\u0000${o.policy}\u0000${o.target}\u0000${o.clock}\u0000${o.bestEffort}`;
    let g = groups.get(k);
    if (!g) {
      g = {
        row: { workflow: o.workflow, policy: o.policy, target: o.target, clock: o.clock, bestEffort: o.bestEffort, met: 0, breached: 0, medianMsToMeet: null, p90MsToMeet: null },
        elapsed: [],
      };
      groups.set(k, g);
    }
    if (o.outcome === 'met') {
      g.row.met++;
      if (o.elapsedMs !== null) g.elapsed.push(o.elapsedMs);
    } else g.row.breached++;
  }
  return [...groups.values()]
    .map(({ row, elapsed }) => {
      const sorted = elapsed.sort((a, b) => a - b);
      return { ...row, medianMsToMeet: nearestRank(sorted, 0.5), p90MsToMeet: nearestRank(sorted, 0.9) };
    })
    .sort((a, b) => text(a.workflow, b.workflow) || text(a.policy, b.policy) || text(a.target, b.target));
}

export function memoryVolumes(
  instances: Iterable<InstanceRecord>,
  creation: (instance: InstanceRecord) => HistoryRecord | undefined,
  period: ReportPeriod,
  kindField: string,
): VolumeCount[] {
  check(period, [[kindField, 'kindField']]);
  const counts = new Map<string, VolumeCount>();
  for (const i of instances) {
    if (i.tenantId !== period.tenantId || !inPeriod(i.createdAt, period)) continue;
    const kindValue = field(creation(i)?.payload ?? null, kindField);
    const kind = typeof kindValue === 'string' ? kindValue : null;
    const k = `${i.workflow}\u0000${kind ?? '\u0000'}\u0000${i.state}`;
    const row = counts.get(k) ?? { workflow: i.workflow, kind, state: i.state, count: 0 };
    row.count++;
    counts.set(k, row);
  }
  return [...counts.values()].sort(
    (a, b) => text(a.workflow, b.workflow) || (a.kind === b.kind ? 0 : a.kind === null ? -1 : b.kind === null ? 1 : text(a.kind, b.kind)) || text(a.state, b.state),
  );
}

export function memoryRevenue(
  instances: Iterable<InstanceRecord>,
  historyOf: (instance: InstanceRecord) => readonly HistoryRecord[],
  period: ReportPeriod,
  lines: readonly RevenueLine[],
): RevenueTotal[] {
  check(period, lines.map((line, i) => [line.amountField, `lines.${i}.amountField`]));
  const totals = lines.map((line) => ({ name: line.name, count: 0, amountRial: 0n }));
  const list = [...instances].filter((i) => i.tenantId === period.tenantId);
  lines.forEach((line, index) => {
    for (const i of list) {
      if (i.workflow !== line.workflow) continue;
      const rows = historyOf(i);
      for (const row of rows) {
        if (row.eventType !== line.eventType || !inPeriod(row.at, period)) continue;
        const source = [...rows].reverse().find((r) => r.seq <= row.seq && r.eventType === line.amountEventType);
        const amount = rial(field(source?.payload ?? null, line.amountField));
        totals[index]!.count++;
        totals[index]!.amountRial += amount ?? 0n;
      }
    }
  });
  return totals;
}

export function memorySatisfaction(
  instances: Iterable<InstanceRecord>,
  historyOf: (instance: InstanceRecord) => readonly HistoryRecord[],
  period: ReportPeriod,
  source: SatisfactionSource,
): SatisfactionCount[] {
  check(period, [[source.scoreField, 'scoreField']]);
  const counts = new Map<number, number>();
  for (const i of instances) {
    if (i.tenantId !== period.tenantId || i.workflow !== source.workflow) continue;
    for (const row of historyOf(i)) {
      if (row.eventType !== source.eventType || !inPeriod(row.at, period)) continue;
      const score = field(row.payload, source.scoreField);
      if (typeof score === 'number' && Number.isInteger(score)) counts.set(score, (counts.get(score) ?? 0) + 1);
    }
  }
  return [...counts].map(([score, count]) => ({ score, count })).sort((a, b) => a.score - b.score);
}

function field(payload: JsonValue, name: string): JsonValue | undefined {
  return payload !== null && typeof payload === 'object' && !Array.isArray(payload) ? payload[name] : undefined;
}

/** An amount as the engine encodes a bigint (`{"$bigint": "…"}`), or a plain integer. */
function rial(value: JsonValue | undefined): bigint | null {
  if (typeof value === 'number' && Number.isInteger(value)) return BigInt(value);
  const tagged = value !== null && typeof value === 'object' && !Array.isArray(value) ? value.$bigint : undefined;
  return typeof tagged === 'string' && /^-?\d+$/.test(tagged) ? BigInt(tagged) : null;
}
