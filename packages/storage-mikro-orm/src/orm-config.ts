/**
 * MikroORM options for statdesk's own ORM instance, for PostgreSQL or SQLite. The storage opens
 * one of these when it is not handed an existing `MikroORM`.
 */
import type { Options } from '@mikro-orm/core';
import { BetterSqliteDriver } from '@mikro-orm/better-sqlite';
import { PostgreSqlDriver } from '@mikro-orm/postgresql';
import { statdeskEntities } from './entities';

/** The databases the storage supports. */
export type Dialect = 'postgresql' | 'sqlite';

/** A PostgreSQL connection for statdesk to open. */
export interface PostgresConnectionOptions {
  /** Selects PostgreSQL. */
  driver: 'postgresql';
  /** `postgres://user@host:5432/db`. */
  clientUrl: string;
  /** A schema other than `public` for statdesk's tables (it must exist). */
  schema?: string;
  /** Connection pool bounds; the default max of 10 suits one app server. */
  pool?: { min?: number; max?: number };
  /**
   * Session settings for every connection, e.g. `{ statement_timeout: '5s', application_name:
   * 'portal-worker' }` (sent as `-c name=value` startup options).
   */
  settings?: Record<string, string>;
}

/** A SQLite database file for statdesk to open (better-sqlite3). */
export interface SqliteConnectionOptions {
  /** Selects SQLite. */
  driver: 'sqlite';
  /** A file path, or `:memory:` for a database that lives as long as the storage. */
  dbName: string;
}

/** A database for statdesk to open: PostgreSQL or SQLite. */
export type ConnectionOptions = PostgresConnectionOptions | SqliteConnectionOptions;

/** The table umzug records applied statdesk migrations in, apart from the app's own. */
export const MIGRATIONS_TABLE = 'statdesk_migrations';

export function ormOptions(connection: ConnectionOptions): Options {
  const common = {
    entities: statdeskEntities,
    // The storage never uses the identity map; this keeps the ORM from warning about it.
    allowGlobalContext: true,
    debug: false,
    migrations: { tableName: MIGRATIONS_TABLE, snapshot: false, silent: true },
  } satisfies Options;
  if (connection.driver === 'postgresql') {
    const settings = Object.entries(connection.settings ?? {}).map(([name, value]) => `-c ${name}=${value}`);
    return {
      ...common,
      driver: PostgreSqlDriver,
      clientUrl: connection.clientUrl,
      pool: { min: connection.pool?.min ?? 0, max: connection.pool?.max ?? 10 },
      // Through the search path, not MikroORM's `schema`: the shipped migrations and the storage's
      // SQL name no schema, so one set of both serves any schema.
      driverOptions: {
        ...(connection.schema ? { searchPath: [connection.schema] } : {}),
        ...(settings.length ? { connection: { options: settings.join(' ') } } : {}),
      },
    };
  }
  return {
    ...common,
    driver: BetterSqliteDriver,
    dbName: connection.dbName,
  };
}
