/**
 * Keeps the benchmark code honest without timing anything: the runner finds suites, runs the
 * chosen ones, records a throwing suite as a failed entry, refuses malformed results, and
 * writes the issue's JSON shape; every benchmark the issue names has a suite.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkResult, formatTable, writeResults } from '../../bench/report';
import { discoverSuites, parseRunnerArgs, runSuites } from '../../bench/runner';
import type { BenchResult } from '../../bench/suite';

const ISSUE_IDS = ['durable-postgres', 'durable-sqlite', 'engine-memory', 'http', 'scale', 'timers'];
const KEYS = ['id', 'metric', 'unit', 'statdesk', 'baseline', 'baselineName', 'ratio', 'target', 'pass'];

const suiteSource = (id: string, ratio: number) => `export default async (context) => [{
  id: '${id}', metric: 'ops/s, ' + (context.quick ? 'quick' : 'full'), unit: 'ops/s', statdesk: ${ratio * 100}, baseline: 100,
  baselineName: 'fake baseline', ratio: ${ratio}, target: 0.5, pass: ${ratio >= 0.5}, note: context.databaseUrl,
}];\n`;

let dir = '';
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'statdesk-bench-runner-'));
  await writeFile(path.join(dir, 'fast.ts'), suiteSource('fast', 0.9));
  await writeFile(path.join(dir, 'slow.ts'), suiteSource('slow', 0.25));
  await writeFile(path.join(dir, 'broken.ts'), "export default async () => { throw new Error('no database'); };\n");
  await writeFile(path.join(dir, 'liar.ts'), "export default async () => [{ id: 'liar', metric: 'm', unit: 'u', statdesk: 1, baseline: 2, baselineName: 'b', ratio: 0.5, target: 0.8, pass: true }];\n");
  await writeFile(path.join(dir, 'README.md'), 'not a suite\n');
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const context = (logs: string[] = []) => ({ databaseUrl: 'postgres://example/db', log: (m: string) => logs.push(m) });

describe('bench runner', () => {
  it('parses --quick and --only (repeated or comma-separated), and rejects unknown flags', () => {
    expect(parseRunnerArgs([])).toEqual({ quick: false, only: [] });
    expect(parseRunnerArgs(['--quick', '--only', 'a,b', '--only', 'c'])).toEqual({ quick: true, only: ['a', 'b', 'c'] });
    expect(() => parseRunnerArgs(['--fast'])).toThrow(/fast/);
  });

  it('runs every suite in the folder; a throwing suite and a result whose pass disagrees with its ratio become failed entries', async () => {
    expect(await discoverSuites(dir)).toEqual(['broken', 'fast', 'liar', 'slow']);
    const logs: string[] = [];
    const { results, failed } = await runSuites({ dir, args: { quick: true, only: [] }, context: context(logs) });
    expect(failed).toEqual(['broken', 'liar']);
    expect(results.map((r) => [r.id, r.pass])).toEqual([['broken', false], ['fast', true], ['liar', false], ['slow', false]]);
    expect(results.find((r) => r.id === 'broken')!.note).toBe('failed: no database');
    expect(results.find((r) => r.id === 'liar')!.note).toMatch(/pass is true but ratio 0.5 vs target 0.8/);
    expect(results.find((r) => r.id === 'fast')).toMatchObject({ metric: 'ops/s, quick', note: 'postgres://example/db' });
    expect(logs.some((l) => l.startsWith('[broken] FAILED: Error: no database'))).toBe(true);
  });

  it('reports the results so far after every suite', async () => {
    const seen: string[][] = [];
    await runSuites({ dir, args: { quick: true, only: ['fast', 'slow'] }, context: context(), onProgress: async (so) => void seen.push(so.map((r) => r.id)) });
    expect(seen).toEqual([['fast'], ['fast', 'slow']]);
  });

  it('--only runs just the named suites, and an unknown id names the suites there are', async () => {
    const { results } = await runSuites({ dir, args: { quick: false, only: ['slow'] }, context: context() });
    expect(results).toHaveLength(1);
    expect(results[0]).toMatchObject({ id: 'slow', metric: 'ops/s, full', ratio: 0.25, pass: false });
    await expect(runSuites({ dir, args: { quick: false, only: ['nope'] }, context: context() })).rejects.toThrow('unknown suite nope; suites are: broken, fast, liar, slow');
  });

  it('writes the JSON array with every field of the issue, and prints one table row per result', async () => {
    const { results } = await runSuites({ dir, args: { quick: true, only: ['fast', 'slow'] }, context: context() });
    const file = path.join(dir, 'results', 'latest.json');
    await writeResults(file, results);
    const written = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>[];
    expect(written).toHaveLength(2);
    for (const entry of written) expect(Object.keys(entry)).toEqual(expect.arrayContaining(KEYS));
    expect(written[0]).toMatchObject({ id: 'fast', statdesk: 90, baseline: 100, ratio: 0.9, target: 0.5, pass: true });
    const table = formatTable(results).split('\n');
    expect(table[0]).toMatch(/^id\s+metric\s+statdesk\s+baseline/);
    expect(table.find((l) => l.startsWith('fast'))).toMatch(/90\.0 ops\/s\s+100 ops\/s\s+fake baseline\s+0\.90\s+≥ 0\.50\s+yes$/);
    expect(table.find((l) => l.startsWith('slow'))).toMatch(/0\.25\s+≥ 0\.50\s+NO$/);
  });

  it('refuses results with missing or non-finite figures', () => {
    const good: BenchResult = { id: 'x', metric: 'm', unit: 'u', statdesk: 1, baseline: 1, baselineName: 'b', ratio: 1, target: 1, pass: true };
    expect(checkResult(good)).toBe(good);
    expect(() => checkResult({ ...good, ratio: Number.NaN, pass: false })).toThrow(/ratio must be a finite number/);
    expect(() => checkResult({ ...good, baselineName: '' })).toThrow(/baselineName/);
  });

  it('bench/suites has a suite for every benchmark the issue names', async () => {
    const suitesDir = path.resolve(import.meta.dirname, '../../bench/suites');
    expect(await discoverSuites(suitesDir)).toEqual(expect.arrayContaining(ISSUE_IDS));
  });
});
