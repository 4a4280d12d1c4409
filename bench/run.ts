/**
 * `npm run bench [-- --quick] [-- --only <id>]`: runs the suites in bench/suites, prints a table
 * and writes bench/results/latest.json. Exits 0 when a target is missed (the JSON says
 * `pass: false`), 1 when a suite could not run.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatTable, writeResults } from './report';
import { parseRunnerArgs, runSuites } from './runner';

const here = path.dirname(fileURLToPath(import.meta.url));
const args = parseRunnerArgs(process.argv.slice(2));
const databaseUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const out = path.join(here, 'results', 'latest.json');
const started = performance.now();
const { results, failed } = await runSuites({
  dir: path.join(here, 'suites'),
  args,
  context: { databaseUrl, log: (message) => process.stderr.write(`${message}\n`) },
  // Written after every suite too, so an interrupted run keeps what it measured.
  onProgress: (soFar) => writeResults(out, soFar),
});
await writeResults(out, results);
console.log(formatTable(results));
console.log(`\n${results.length} results in ${((performance.now() - started) / 1000).toFixed(0)} s, written to ${path.relative(process.cwd(), out)}`);
if (failed.length) {
  console.error(`suites that failed: ${failed.join(', ')}`);
  process.exitCode = 1;
}
