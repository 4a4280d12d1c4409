/**
 * The loop both durable suites share: at each concurrency, alternate the adapter and its
 * hand-written baseline, and report the medians, their ratio and each side's CPU per command.
 */
import { compare, type Variant } from '../harness';
import { throughputRatio, type BenchResult } from '../suite';

export interface DurableComparison {
  id: string;
  adapter: Variant;
  baseline: Variant;
  /** The baseline as the results name it, e.g. `hand-written pg SQL`. */
  baselineName: string;
  /** The baseline's short name in logs and notes, e.g. `pg`. */
  baselineLabel: string;
  concurrency: readonly number[];
  rounds: number;
  durationMs: number;
  target: number;
  /** The durability settings both sides ran with, first in each note. */
  settings: string;
  log(message: string): void;
}

export async function compareDurableCommands(c: DurableComparison): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  for (const clients of c.concurrency) {
    const result = await compare([c.adapter, c.baseline], { clients, durationMs: c.durationMs, rounds: c.rounds, warmups: 1 });
    const a = result.results[c.adapter.name]!;
    const b = result.results[c.baseline.name]!;
    const fmt = (xs: number[]) => xs.map((x) => x.toFixed(0)).join(' ');
    c.log(`${clients} client(s): adapter [${fmt(a.rounds)}], ${c.baselineLabel} [${fmt(b.rounds)}] commands/s`);
    const ratio = throughputRatio(a.median, b.median);
    results.push({
      id: c.id, metric: `commands/s, ${clients} client${clients > 1 ? 's' : ''}`, unit: 'commands/s', statdesk: a.median, baseline: b.median,
      baselineName: c.baselineName, ratio, target: c.target, pass: ratio >= c.target,
      note: `${c.settings}; ${c.rounds} rounds of ${c.durationMs} ms after a warm-up, medians; `
        + `Node CPU per command: adapter ${a.cpuMsPerOp.toFixed(2)} ms, ${c.baselineLabel} ${b.cpuMsPerOp.toFixed(2)} ms`,
    });
  }
  return results;
}
