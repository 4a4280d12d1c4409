/**
 * Builds the portal once (the statdesk packages' JavaScript, then `next build`) and starts it (`next start`) on a free port with a fresh
 * SQLite data folder, for the browser tests. The portal always runs on SQLite here, even when
 * DATABASE_URL is set for the PostgreSQL suites, so it never touches their database.
 * `STATDESK_NEXT_REUSE_BUILD=1` skips the build when `.next` exists (for quick local reruns).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, open, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { ARTEFACTS, BROWSER_REQUIRED, HAS_BROWSER, MISSING_BROWSER } from './browser-support';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Where the built portal listens, e.g. `http://localhost:41234`; empty when the browser suite does not run. */
    portalUrl: string;
  }
}

const PORTAL_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const NEXT_BIN = createRequire(import.meta.url).resolve('next/dist/bin/next');

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (!HAS_BROWSER) {
    if (BROWSER_REQUIRED) throw new Error(MISSING_BROWSER);
    console.warn(`example-next-portal: skipping the browser tests — ${MISSING_BROWSER}`);
    project.provide('portalUrl', '');
    return async () => {};
  }
  await mkdir(ARTEFACTS, { recursive: true });
  const env: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: '1', NODE_ENV: 'production' };
  delete env.DATABASE_URL;
  if (!(process.env.STATDESK_NEXT_REUSE_BUILD === '1' && existsSync(path.join(PORTAL_DIR, '.next', 'BUILD_ID')))) {
    await run([path.join(PORTAL_DIR, 'scripts/build-statdesk-packages.mjs')], env, path.join(ARTEFACTS, 'packages-build.log'));
    await run([NEXT_BIN, 'build', '--webpack'], env, path.join(ARTEFACTS, 'next-build.log'));
  }

  const port = await freePort();
  const dataDir = await mkdtemp(path.join(tmpdir(), 'statdesk-next-portal-'));
  const log = path.join(ARTEFACTS, 'next-start.log');
  const server = await start([NEXT_BIN, 'start', '-p', String(port)], { ...env, PORT: String(port), PORTAL_DATA_DIR: dataDir, PORTAL_POLL_MS: '100' }, log);
  const url = `http://localhost:${port}`;
  try {
    await waitUntilUp(url, server, log);
  } catch (error) {
    await stop(server);
    throw error;
  }
  project.provide('portalUrl', url);
  return async () => {
    await stop(server);
    await rm(dataDir, { recursive: true, force: true });
  };
}

async function run(args: string[], env: NodeJS.ProcessEnv, logFile: string): Promise<void> {
  const out = await open(logFile, 'w');
  try {
    const child = spawn(process.execPath, args, { cwd: PORTAL_DIR, env, stdio: ['ignore', out.fd, out.fd] });
    const code = await new Promise<number | null>((resolve, reject) => {
      child.once('error', reject);
      child.once('exit', resolve);
    });
    if (code !== 0) throw new Error(`\`${args.map((a) => path.basename(a)).join(' ')}\` failed (exit ${code}):\n${(await readFile(logFile, 'utf8')).slice(-4000)}`);
  } finally {
    await out.close();
  }
}

async function start(args: string[], env: NodeJS.ProcessEnv, logFile: string): Promise<ChildProcess> {
  const out = await open(logFile, 'w');
  const child = spawn(process.execPath, args, { cwd: PORTAL_DIR, env, stdio: ['ignore', out.fd, out.fd] });
  child.once('exit', () => void out.close().catch(() => undefined));
  return child;
}

async function waitUntilUp(url: string, server: ChildProcess, logFile: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) break;
    try {
      // instrumentation.ts starts the desk (database, migrations, seed data) as the server starts.
      if ((await fetch(url, { signal: AbortSignal.timeout(20_000) })).ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`the Next.js portal did not come up at ${url}:\n${(await readFile(logFile, 'utf8')).slice(-4000)}`);
}

async function stop(server: ChildProcess): Promise<void> {
  if (server.exitCode !== null) return;
  const exited = new Promise((resolve) => server.once('exit', resolve));
  server.kill('SIGTERM');
  const timer = setTimeout(() => server.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}
