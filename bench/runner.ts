/**
 * The benchmark runner: finds every suite in a folder (`<id>.ts`, default export a
 * {@link BenchSuite}), runs them one after the other, and returns their results. A suite that
 * throws is recorded as a failed entry, so the JSON still names every id.
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { checkResult, failedResult } from './report';
import type { BenchContext, BenchResult, BenchSuite } from './suite';

/** What `npm run bench -- …` accepts. */
export interface RunnerArgs {
  quick: boolean;
  /** Suite ids to run (all when empty). */
  only: string[];
}

/** Parses `--quick` and `--only <id>` (repeatable, or comma-separated). */
export function parseRunnerArgs(argv: readonly string[]): RunnerArgs {
  const { values } = parseArgs({
    args: [...argv],
    options: { quick: { type: 'boolean', default: false }, only: { type: 'string', multiple: true, default: [] } },
    strict: true,
    allowPositionals: false,
  });
  return { quick: values.quick ?? false, only: (values.only ?? []).flatMap((v) => v.split(',')).filter(Boolean) };
}

/** Suite ids in a folder (file names without `.ts`), sorted. */
export async function discoverSuites(dir: string): Promise<string[]> {
  const names = await readdir(dir);
  return names.filter((n) => n.endsWith('.ts') && !n.endsWith('.d.ts')).map((n) => n.slice(0, -3)).sort();
}

/** Where the suites are, which to run, and what every suite is handed. */
export interface RunSuitesOptions {
  dir: string;
  args: RunnerArgs;
  context: Omit<BenchContext, 'quick'>;
  /** Called with every result so far after each suite (the runner writes the JSON as it goes). */
  onProgress?: (results: readonly BenchResult[]) => Promise<void>;
}

/** Runs the chosen suites in order; an unknown `--only` id is an error naming the ids there are. */
export async function runSuites({ dir, args, context, onProgress }: RunSuitesOptions): Promise<{ results: BenchResult[]; failed: string[] }> {
  const ids = await discoverSuites(dir);
  const unknown = args.only.filter((id) => !ids.includes(id));
  if (unknown.length) throw new Error(`unknown suite ${unknown.join(', ')}; suites are: ${ids.join(', ')}`);
  const chosen = args.only.length ? ids.filter((id) => args.only.includes(id)) : ids;
  const results: BenchResult[] = [];
  const failed: string[] = [];
  for (const id of chosen) {
    const started = performance.now();
    context.log(`[${id}] starting${args.quick ? ' (quick)' : ''}`);
    try {
      const module = (await import(pathToFileURL(path.join(dir, `${id}.ts`)).href)) as { default?: unknown };
      if (typeof module.default !== 'function') throw new Error(`bench/suites/${id}.ts has no default export suite`);
      const suite = module.default as BenchSuite;
      const produced = await suite({ ...context, quick: args.quick, log: (m) => context.log(`[${id}] ${m}`) });
      if (!produced.length) throw new Error('the suite returned no results');
      for (const result of produced) {
        if (result.id !== id) throw new Error(`the suite returned a result with id "${result.id}"`);
        results.push(checkResult(result));
      }
    } catch (error) {
      failed.push(id);
      context.log(`[${id}] FAILED: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      results.push(failedResult(id, error));
    }
    context.log(`[${id}] done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    await onProgress?.(results);
  }
  return { results, failed };
}
