/**
 * Bundles the crash child into one ES module, once per test file. A crash test starts a process
 * per kill; loading the sources through tsx costs ~2.3 s of CPU per start, the bundle ~0.8 s.
 * Workspace packages (from source), xstate and zod go into the bundle; MikroORM, pg and
 * better-sqlite3 (dynamic and native requires) stay external, so the bundle is written where
 * the repository's node_modules resolve them.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';

export interface BundledChild {
  file: string;
  remove(): void;
}

export async function bundleChild(entry: string, repoRoot: string): Promise<BundledChild> {
  const dir = join(repoRoot, 'node_modules', '.cache', `statdesk-crash-${process.pid}`);
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'child.mjs');
  await build({
    entryPoints: [entry],
    outfile: file,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    conditions: ['source'],
    external: ['@mikro-orm/*', 'pg', 'pg-*', 'better-sqlite3', 'knex'],
    // CommonJS dependencies inside the bundle call require().
    banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
    logLevel: 'error',
  });
  return { file, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
