/**
 * The thin SQL layer the storage runs on: statements with `?` placeholders, executed on one
 * pooled driver connection of the MikroORM instance. One round-trip per statement; no unit of
 * work, no identity map (an entity flush costs milliseconds of CPU per commit; this does not).
 */
import type { Dialect } from '../orm-config';

export type SqlRow = Record<string, unknown>;

export interface SqlSession {
  /** Rows of a query (or of a statement with `RETURNING`). */
  all(sql: string, params: readonly unknown[]): Promise<SqlRow[]>;
  /** A statement without result rows; resolves to the number of rows it changed. */
  run(sql: string, params: readonly unknown[]): Promise<number>;
}

export interface SqlDatabase {
  readonly dialect: Dialect;
  /** Statements outside a transaction (each commits on its own). */
  session<T>(fn: (session: SqlSession) => Promise<T>): Promise<T>;
  /**
   * One database transaction: READ COMMITTED on PostgreSQL; on SQLite `BEGIN IMMEDIATE` on the
   * single connection, so transactions run one at a time. Commits when `fn` resolves.
   */
  transaction<T>(fn: (session: SqlSession) => Promise<T>): Promise<T>;
}
