#!/usr/bin/env node
// The consumer test: statdesk as a portal team gets it. It packs every package under packages/
// (the tarballs npm would publish), installs them into a new project outside the workspace with
// the newest xstate and zod the peer ranges allow, and there
//   1. checks every tarball carries README.md, LICENSE and the files its exports name, and
//      that the examples refuse to pack;
//   2. type-checks docs/snippets/getting-started/*.ts and every ```ts block of README.md and
//      packages/*/README.md under module NodeNext, strict, skipLibCheck false (an ESM project);
//   3. runs a small Express server built from the getting-started files and sends it one request;
//   4. runs the getting-started vitest unit test of a customised workflow;
//   5. asserts one copy of xstate and of zod in the tree (`npm ls`).
// Run after `npm run build` (CI: .ci/run; by hand: `npm run test:consumer`). It needs the npm
// registry. STATDESK_CONSUMER_KEEP=1 keeps the temp project for a look afterwards.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..');
const started = Date.now();
const step = (text) => console.log(`consumer-test [${((Date.now() - started) / 1000).toFixed(0)}s] ${text}`);
const run = (command, args, cwd, extra = {}) => execFileSync(command, args, { cwd, stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8', ...extra });
const json = (file) => JSON.parse(readFileSync(file, 'utf8'));
class ConsumerTestFailure extends Error {}
const fail = (message) => {
  throw new ConsumerTestFailure(message);
};

/** The newest published version in a range, from the registry. */
function newest(name, range) {
  const found = JSON.parse(run('npm', ['view', `${name}@${range}`, 'version', '--json'], ROOT));
  const versions = Array.isArray(found) ? found : [found];
  if (!versions.length) fail(`no ${name} release satisfies ${range}`);
  const parts = (v) => v.split(/[.+-]/).slice(0, 3).map(Number);
  return versions.sort((a, b) => parts(a).reduce((order, n, i) => order || n - parts(b)[i], 0)).at(-1);
}

const packageDirs = readdirSync(path.join(ROOT, 'packages'))
  .map((name) => path.join(ROOT, 'packages', name))
  .filter((dir) => existsSync(path.join(dir, 'package.json')));
const unbuilt = packageDirs.filter((dir) => !existsSync(path.join(dir, 'dist')));
if (unbuilt.length) {
  console.error(`consumer-test: ${unbuilt.map((dir) => path.relative(ROOT, dir)).join(', ')} not built: run \`npm run build\` first`);
  process.exit(1);
}

const work = mkdtempSync(path.join(tmpdir(), 'statdesk-consumer-'));
const tarballs = path.join(work, 'tarballs');
const project = path.join(work, 'portal');
mkdirSync(tarballs);
mkdirSync(path.join(project, 'src', 'readme'), { recursive: true });

try {
  // 1. Pack: `-w packages` selects every workspace under packages/ (the examples are private and refuse to pack).
  step('packing');
  const packed = JSON.parse(run('npm', ['pack', '-w', 'packages', '--pack-destination', tarballs, '--json', '--silent'], ROOT));
  if (packed.length !== packageDirs.length) fail(`packed ${packed.length} tarballs for ${packageDirs.length} packages`);
  for (const tarball of packed) {
    const files = new Set(tarball.files.map((f) => f.path));
    const manifest = json(path.join(ROOT, 'packages', tarball.name.replace('@statdesk/', ''), 'package.json'));
    const named = Object.values(manifest.exports).flatMap((target) =>
      typeof target === 'string' ? [target] : Object.entries(target).flatMap(([condition, t]) => (condition === 'source' ? [] : typeof t === 'string' ? [t] : Object.values(t))),
    );
    const missing = ['README.md', 'LICENSE', ...named.map((f) => f.replace(/^\.\//, ''))].filter((f) => !files.has(f));
    if (missing.length) fail(`${tarball.name}: the tarball lacks ${missing.join(', ')}`);
    for (const dependency of ['xstate', 'zod']) {
      if (manifest.dependencies?.[dependency]) fail(`${tarball.name}: ${dependency} must be a peer dependency, not a dependency`);
    }
  }

  // The examples are private and refuse to pack.
  for (const example of readdirSync(path.join(ROOT, 'examples'))) {
    let packed = true;
    try {
      run('npm', ['pack', '--dry-run', '-w', `examples/${example}`], ROOT, { stdio: 'ignore' });
    } catch {
      packed = false;
    }
    if (packed) fail(`examples/${example} packs; an example must refuse to (private, prepack fails)`);
  }

  // 2. A new ESM project, as docs/getting-started.md sets it up.
  step(`installing ${packed.length} tarballs`);
  const rootManifest = json(path.join(ROOT, 'package.json'));
  const core = json(path.join(ROOT, 'packages/core/package.json'));
  const dev = rootManifest.devDependencies;
  const manifest = {
    name: 'consumer-portal',
    private: true,
    type: 'module',
    dependencies: {
      ...Object.fromEntries(packed.map((t) => [t.name, `file:../tarballs/${t.filename}`])),
      xstate: newest('xstate', core.peerDependencies.xstate),
      zod: newest('zod', core.peerDependencies.zod),
      express: '^5',
    },
    devDependencies: { '@types/express': '^5', '@types/node': dev['@types/node'], typescript: dev.typescript, vitest: dev.vitest },
  };
  writeFileSync(path.join(project, 'package.json'), JSON.stringify(manifest, null, 2));
  writeFileSync(
    path.join(project, 'tsconfig.json'),
    JSON.stringify(
      {
        compilerOptions: {
          target: 'ES2022',
          module: 'NodeNext',
          moduleResolution: 'NodeNext',
          strict: true,
          skipLibCheck: false,
          esModuleInterop: true,
          verbatimModuleSyntax: true,
          types: ['node'],
          outDir: 'dist',
        },
        include: ['src'],
      },
      null,
      2,
    ),
  );
  // One install, as a team would write its package.json. The peers are pinned to the newest
  // release their range allows (asked of the registry above), so the rest may come from npm's cache.
  run('npm', ['install', '--no-audit', '--no-fund', '--ignore-scripts', '--prefer-offline'], project);
  // Install scripts were skipped (the tarballs have none); the one native addon is the
  // workspace's build of the same better-sqlite3 release, rather than a 3-minute compile here.
  const addon = 'node_modules/better-sqlite3';
  if (json(path.join(ROOT, addon, 'package.json')).version === json(path.join(project, addon, 'package.json')).version) {
    mkdirSync(path.join(project, addon, 'build/Release'), { recursive: true });
    copyFileSync(path.join(ROOT, addon, 'build/Release/better_sqlite3.node'), path.join(project, addon, 'build/Release/better_sqlite3.node'));
  } else {
    run('npm', ['rebuild', 'better-sqlite3'], project);
  }
  const versions = Object.fromEntries(['xstate', 'zod'].map((name) => [name, json(path.join(project, 'node_modules', name, 'package.json')).version]));
  step(`installed with xstate ${versions.xstate}, zod ${versions.zod}`);

  // One copy of each peer in the whole tree: two would make the SDK's types and the portal's differ.
  for (const name of ['xstate', 'zod']) {
    const copies = run('npm', ['ls', name, '--all', '--parseable'], project).split('\n').filter(Boolean);
    const unique = new Set(copies.map((line) => line.trim()));
    if (unique.size !== 1) fail(`expected one copy of ${name}, found ${unique.size}:\n${[...unique].join('\n')}`);
  }

  // 3. The docs' files and the READMEs' blocks, compiled as the portal's own source.
  const snippets = path.join(ROOT, 'docs/snippets/getting-started');
  for (const file of readdirSync(snippets)) copyFileSync(path.join(snippets, file), path.join(project, 'src', file));
  const readmes = ['README.md', ...packageDirs.map((dir) => path.relative(ROOT, path.join(dir, 'README.md')))];
  let blockCount = 0;
  for (const readme of readmes) {
    const text = readFileSync(path.join(ROOT, readme), 'utf8');
    for (const [, code] of text.matchAll(/^```ts\n([\s\S]*?)^```$/gm)) {
      blockCount++;
      writeFileSync(path.join(project, 'src/readme', `${readme.replace(/[\\/]/g, '__').replace(/\.md$/, '')}-${blockCount}.ts`), code);
    }
  }
  // Every export of every package, so each declaration file is checked (skipLibCheck false).
  const entries = packageDirs.flatMap((dir) => {
    const manifest = json(path.join(dir, 'package.json'));
    return Object.keys(manifest.exports).filter((subpath) => subpath !== './package.json').map((subpath) => manifest.name + subpath.slice(1));
  });
  writeFileSync(
    path.join(project, 'src/every-entry.ts'),
    entries.map((entry, i) => `import type * as entry${i} from '${entry}';\nexport type Entry${i} = keyof typeof entry${i};\n`).join(''),
  );
  writeFileSync(
    path.join(project, 'src/smoke-server.ts'),
    [
      "// One request to the getting-started Express app, on the getting-started desk (SQLite).",
      "import { mkdtemp } from 'node:fs/promises';",
      "import { tmpdir } from 'node:os';",
      "import path from 'node:path';",
      "import { createPortalDesk } from './desk.js';",
      "import { createPortalApp } from './server.js';",
      '',
      "const dataDir = await mkdtemp(path.join(tmpdir(), 'statdesk-consumer-data-'));",
      "const { desk, storage, files } = await createPortalDesk({ dataDir, publicUrl: 'http://localhost', smtp: { host: 'localhost', user: 'u', pass: 'p' }, kavenegarKey: 'k', zarinpalMerchantId: '1344b5d4-0048-11e8-94db-005056a205be' });",
      "const app = createPortalApp(desk, files, { currentUser: async () => null, csrfValid: () => true });",
      'const server = app.listen(0);',
      "await new Promise((resolve) => server.once('listening', resolve));",
      'const address = server.address();',
      "if (!address || typeof address === 'string') throw new Error('no port');",
      'const response = await fetch(`http://127.0.0.1:${address.port}/api/statdesk/openapi.json`);',
      'const document = (await response.json()) as { openapi?: string; paths?: Record<string, unknown> };',
      'server.close();',
      'await storage.close();',
      "if (response.status !== 200 || !document.openapi || !Object.keys(document.paths ?? {}).length) throw new Error(`GET openapi.json answered ${response.status}`);",
      "console.log(`consumer-test: GET /api/statdesk/openapi.json answered ${response.status} with ${Object.keys(document.paths ?? {}).length} paths`);",
      '',
    ].join('\n'),
  );
  step(`type-checking ${readdirSync(snippets).length} getting-started files and ${blockCount} README blocks (NodeNext, strict, skipLibCheck false)`);
  try {
    run(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.json'], project);
  } catch (error) {
    fail(`the type check failed:\n${error.stdout}`);
  }

  // 4. The server answers one request, from the compiled JavaScript.
  step('running the Express server');
  process.stdout.write(run(process.execPath, ['dist/smoke-server.js'], project));

  // 5. The getting-started unit test of the customised workflow.
  step('running the getting-started unit test');
  process.stdout.write(run(process.execPath, ['node_modules/vitest/vitest.mjs', 'run', '--root', '.', '--dir', 'src'], project, { env: { ...process.env, CI: '1' } }));
  step('passed');
} catch (error) {
  console.error(`consumer-test: ${error instanceof ConsumerTestFailure ? error.message : error.stack}`);
  process.exitCode = 1;
} finally {
  if (process.env.STATDESK_CONSUMER_KEEP) console.log(`consumer-test: kept ${work}`);
  else rmSync(work, { recursive: true, force: true });
}
