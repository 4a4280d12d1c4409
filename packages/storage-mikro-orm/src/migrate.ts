/**
 * Applying statdesk's shipped migrations with `@mikro-orm/migrations`, recorded in their own
 * table (`statdesk_migrations`) so they never mix with an application's migrations.
 */
import { MikroORM, type EntityManager as CoreEntityManager } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import type pg from 'pg';
import { statdeskMigrations } from './migrations';
import { MIGRATIONS_TABLE, ormOptions, type ConnectionOptions, type Dialect } from './orm-config';
import { driverPool } from './sql/driver-pool';

/** What a migration run did. */
export interface MigrationReport {
  /** Names of the migrations applied by this call, oldest first (empty when up to date). */
  applied: string[];
}

/** Any number of processes may call this at once on PostgreSQL: they take turns on an advisory lock. */
const ADVISORY_LOCK = 'statdesk:migrations';

export async function runMigrations(orm: MikroORM, dialect: Dialect, schema: string | undefined): Promise<MigrationReport> {
  const migrator = statdeskMigrator(orm, dialect, schema);
  if (dialect !== 'postgresql') return { applied: (await migrator.up()).map((m) => m.name) };
  const pool = driverPool<pg.ClientBase>(orm);
  const lock = await pool.acquire();
  try {
    await lock.query('SELECT pg_advisory_lock(hashtext($1))', [ADVISORY_LOCK]);
    try {
      return { applied: (await migrator.up()).map((m) => m.name) };
    } finally {
      await lock.query('SELECT pg_advisory_unlock(hashtext($1))', [ADVISORY_LOCK]);
    }
  } finally {
    await pool.release(lock);
  }
}

/**
 * A Migrator over the given ORM that sees statdesk's migration settings instead of the
 * application's: MikroORM reads them from the entity manager's configuration, so that one
 * setting is answered by a thin view over it.
 */
function statdeskMigrator(orm: MikroORM, dialect: Dialect, schema: string | undefined): Migrator {
  const config = orm.config;
  const settings = {
    ...config.get('migrations'),
    tableName: schema ? `${schema}.${MIGRATIONS_TABLE}` : MIGRATIONS_TABLE,
    migrationsList: statdeskMigrations(dialect),
    transactional: true,
    allOrNothing: true,
    snapshot: false,
    silent: true,
  };
  const view = new Proxy(config, {
    get(target, property) {
      if (property === 'get') {
        return (key: string, fallback?: unknown) => (key === 'migrations' ? settings : target.get(key as never, fallback as never));
      }
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
  const em: CoreEntityManager = orm.em.fork();
  const scoped = new Proxy(em, {
    get(target, property) {
      if (property === 'config') return view;
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
  return new Migrator(scoped as unknown as EntityManager);
}

/**
 * Bring statdesk's tables up to date: on a storage from `mikroOrmStorage`, or on a database
 * given by connection options (opened for the call and closed again). Run it at start-up.
 */
export async function migrate(target: { migrate(): Promise<MigrationReport> } | ConnectionOptions): Promise<MigrationReport> {
  if ('migrate' in target) return target.migrate();
  const orm = await MikroORM.init(ormOptions(target));
  try {
    return await runMigrations(orm, target.driver, target.driver === 'postgresql' ? target.schema : undefined);
  } finally {
    await orm.close(true);
  }
}
