/**
 * `mikroOrmStorage`: statdesk's storage on PostgreSQL (production) or SQLite (the embedded
 * default), on a MikroORM instance it opens or one the application already has.
 */
import { MikroORM } from '@mikro-orm/core';
import { BetterSqlitePlatform } from '@mikro-orm/better-sqlite';
import { PostgreSqlPlatform } from '@mikro-orm/postgresql';
import { ValidationError } from '@statdesk/core';
import type { Database } from 'better-sqlite3';
import type pg from 'pg';
import { runMigrations, type MigrationReport } from './migrate';
import { ormOptions, type ConnectionOptions, type Dialect } from './orm-config';
import { driverPool } from './sql/driver-pool';
import { PostgresDatabase } from './sql/postgres-database';
import type { SqlDatabase } from './sql/sql-database';
import { SqliteDatabase } from './sql/sqlite-database';
import { SqlStorage } from './sql-storage';

/** Use an ORM your application already has, instead of a connection statdesk opens. */
export interface ExistingOrmOptions {
  /**
   * An application's own MikroORM (PostgreSQL or better-sqlite driver). statdesk's tables live
   * beside the application's; its entities need not be registered (migrations create them).
   */
  orm: MikroORM;
  /** The PostgreSQL schema statdesk's tables are in, when not the connection's default. */
  schema?: string;
}

/** Options of {@link mikroOrmStorage}: a connection to open, or an existing ORM to share. */
export type MikroOrmStorageOptions = (ConnectionOptions | ExistingOrmOptions) & {
  /** Apply pending statdesk migrations before returning (default `false`: run `migrate` yourself). */
  migrate?: boolean;
};

/**
 * statdesk's `Storage` on MikroORM: PostgreSQL for production (several app servers and workers on one
 * database), SQLite for a single process. Create it with {@link mikroOrmStorage}.
 */
export class MikroOrmStorage extends SqlStorage {
  /** @internal use `mikroOrmStorage()`. */
  constructor(
    /** The ORM whose connection pool the storage uses. */
    readonly orm: MikroORM,
    /** The database it talks to. */
    readonly dialect: Dialect,
    /** The PostgreSQL schema of statdesk's tables, if not the default. */
    readonly schema: string | undefined,
    private readonly ownsOrm: boolean,
    db: SqlDatabase,
  ) {
    super(db);
  }

  /** Apply pending statdesk migrations; see `migrate`. */
  migrate(): Promise<MigrationReport> {
    return runMigrations(this.orm, this.dialect, this.schema);
  }

  /** Closes the ORM's connections if this storage opened the ORM; an application's ORM stays open. */
  async close(): Promise<void> {
    if (this.ownsOrm) await this.orm.close(true);
  }
}

/**
 * Opens (or adopts) a MikroORM connection and returns the storage on it; with `migrate: true` it first
 * applies pending statdesk migrations (on PostgreSQL under an advisory lock, so several processes may start at
 * once).
 */
export async function mikroOrmStorage(options: MikroOrmStorageOptions): Promise<MikroOrmStorage> {
  let storage: MikroOrmStorage;
  if ('orm' in options) {
    storage = wrap(options.orm, options.schema, false);
  } else {
    const orm = await MikroORM.init(ormOptions(validated(options)));
    storage = wrap(orm, options.driver === 'postgresql' ? options.schema : undefined, true);
  }
  if (options.migrate) {
    try {
      await storage.migrate();
    } catch (error) {
      await storage.close();
      throw error;
    }
  }
  return storage;
}

function wrap(orm: MikroORM, schema: string | undefined, ownsOrm: boolean): MikroOrmStorage {
  const platform = orm.em.getPlatform();
  if (platform instanceof PostgreSqlPlatform) {
    return new MikroOrmStorage(orm, 'postgresql', schema, ownsOrm, new PostgresDatabase(driverPool<pg.ClientBase>(orm)));
  }
  if (platform instanceof BetterSqlitePlatform) {
    return new MikroOrmStorage(orm, 'sqlite', undefined, ownsOrm, new SqliteDatabase(driverPool<Database>(orm)));
  }
  throw new ValidationError('storage options', [
    { path: 'orm', message: `uses ${platform.constructor.name}; statdesk supports the PostgreSQL and better-sqlite drivers` },
  ]);
}

function validated(options: ConnectionOptions): ConnectionOptions {
  const issues: { path: string; message: string }[] = [];
  if (options.driver === 'postgresql') {
    if (typeof options.clientUrl !== 'string' || !/^postgres(ql)?:\/\//.test(options.clientUrl)) {
      issues.push({ path: 'clientUrl', message: 'must be a postgres:// or postgresql:// URL' });
    }
    if (options.schema !== undefined && !/^[a-z_][a-z0-9_]*$/.test(options.schema)) {
      issues.push({ path: 'schema', message: 'must be a lower-case SQL identifier' });
    }
    for (const [name, value] of Object.entries(options.settings ?? {})) {
      if (!/^[a-z_][a-z0-9_.]*$/.test(name) || /\s/.test(value)) {
        issues.push({ path: `settings.${name}`, message: 'must be a setting name with a value without spaces' });
      }
    }
  } else if (options.driver === 'sqlite') {
    if (typeof options.dbName !== 'string' || options.dbName === '') issues.push({ path: 'dbName', message: 'must be a file path or ":memory:"' });
  } else {
    issues.push({ path: 'driver', message: 'must be "postgresql" or "sqlite"' });
  }
  if (issues.length) throw new ValidationError('storage options', issues);
  return options;
}
