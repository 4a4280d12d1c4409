/**
 * What the runner does with results: check their shape, write them as JSON, print them as a
 * table. Kept apart from the runner so a test can drive it with made-up results.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { BenchResult } from './suite';

/** Fields every result must carry, in the order the JSON and the table show them. */
const NUMBER_FIELDS = ['statdesk', 'baseline', 'ratio', 'target'] as const;
const TEXT_FIELDS = ['id', 'metric', 'unit', 'baselineName'] as const;

/**
 * Throws when a suite hands back something that is not a well-formed result (so a broken suite
 * cannot write a JSON that looks fine): every field present, numbers finite, `pass` agreeing
 * with `ratio >= target`.
 */
export function checkResult(result: BenchResult): BenchResult {
  for (const field of TEXT_FIELDS) {
    if (typeof result[field] !== 'string' || result[field] === '') throw new Error(`bench result ${result.id ?? '?'}: ${field} must be a non-empty string`);
  }
  for (const field of NUMBER_FIELDS) {
    if (typeof result[field] !== 'number' || !Number.isFinite(result[field])) {
      throw new Error(`bench result ${result.id} (${result.metric}): ${field} must be a finite number, got ${String(result[field])}`);
    }
  }
  if (result.pass !== result.ratio >= result.target) {
    throw new Error(`bench result ${result.id} (${result.metric}): pass is ${result.pass} but ratio ${result.ratio} vs target ${result.target}`);
  }
  return result;
}

/** The entry written when a suite throws: every field present, `pass: false`, the error in `note`. */
export function failedResult(id: string, error: unknown): BenchResult {
  const message = error instanceof Error ? error.message : String(error);
  return { id, metric: 'suite failed', unit: '-', statdesk: 0, baseline: 0, baselineName: '-', ratio: 0, target: 0, pass: false, note: `failed: ${message}` };
}

/** Writes the results as a JSON array (the shape), creating the folder when needed. */
export async function writeResults(file: string, results: readonly BenchResult[]): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, `${JSON.stringify(results, null, 2)}\n`);
}

/** A plain-text table: one row per result, figures rounded for reading (the JSON keeps them exact). */
export function formatTable(results: readonly BenchResult[]): string {
  const header = ['id', 'metric', 'statdesk', 'baseline', 'baseline is', 'ratio', 'target', 'pass'];
  const rows = results.map((r) => [
    r.id,
    r.metric,
    `${figure(r.statdesk)} ${r.unit}`,
    `${figure(r.baseline)} ${r.unit}`,
    r.baselineName,
    r.ratio.toFixed(2),
    `≥ ${r.target.toFixed(2)}`,
    r.pass ? 'yes' : 'NO',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: readonly string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd();
  const notes = results.filter((r) => r.note).map((r) => `  ${r.id} (${r.metric}): ${r.note}`);
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line), ...(notes.length ? ['', 'notes:', ...notes] : [])].join('\n');
}

function figure(value: number): string {
  if (value >= 100) return value.toFixed(0);
  if (value >= 1) return value.toFixed(1);
  return value.toPrecision(2);
}
