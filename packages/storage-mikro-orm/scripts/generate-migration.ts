/**
 * Generates the next schema migration for one dialect from the entity schemas, against a
 * throwaway database that has every committed migration applied. Check the file in; never edit
 * a committed migration, add a new one.
 *
 *   DATABASE_URL=postgres://… npx tsx --conditions=source packages/storage-mikro-orm/scripts/generate-migration.ts postgresql
 *   npx tsx --conditions=source packages/storage-mikro-orm/scripts/generate-migration.ts sqlite
 */
import { MikroORM } from '@mikro-orm/core';
import { Migrator } from '@mikro-orm/migrations';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { statdeskMigrations } from '../src/migrations';
import { MIGRATIONS_TABLE, ormOptions, type ConnectionOptions } from '../src/orm-config';

const dialect = process.argv[2];
if (dialect !== 'postgresql' && dialect !== 'sqlite') throw new Error('usage: generate-migration.ts postgresql|sqlite');

const path = join(import.meta.dirname, '..', 'src', 'migrations', dialect);
const scratch = 'statdesk_migration_gen';
let connection: ConnectionOptions;
let cleanup = async () => {};
if (dialect === 'postgresql') {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is required for PostgreSQL');
  // A scratch database, so the generated SQL names no schema and the diff sees only our tables.
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`drop database if exists ${scratch}`);
  await admin.query(`create database ${scratch}`);
  const scratchUrl = new URL(url);
  scratchUrl.pathname = `/${scratch}`;
  connection = { driver: 'postgresql', clientUrl: scratchUrl.toString() };
  cleanup = async () => {
    await admin.query(`drop database if exists ${scratch}`);
    await admin.end();
  };
} else {
  const dir = mkdtempSync(join(tmpdir(), 'statdesk-gen-'));
  connection = { driver: 'sqlite', dbName: join(dir, 'gen.sqlite') };
  cleanup = async () => rmSync(dir, { recursive: true, force: true });
}

const orm = await MikroORM.init({
  ...ormOptions(connection),
  extensions: [Migrator],
  migrations: { tableName: MIGRATIONS_TABLE, snapshot: false, path, pathTs: path, emit: 'ts', migrationsList: statdeskMigrations(dialect) },
});
try {
  const migrator = orm.getMigrator();
  await migrator.up();
  const result = await migrator.createMigration(path, false, false);
  process.stdout.write(result.fileName ? `wrote ${result.fileName}; add it to src/migrations/${dialect}/index.ts\n` : 'schema is up to date\n');
} finally {
  await orm.close(true);
  await cleanup();
}
