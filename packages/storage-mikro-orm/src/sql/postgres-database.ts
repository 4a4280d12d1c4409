/**
 * SQL on PostgreSQL through node-postgres connections from the MikroORM pool. Statements are
 * written with `?` and numbered once; results use pg's default type parsers (timestamptz as
 * `Date`, jsonb as values) whatever the ORM configured for its own queries.
 */
import pg from 'pg';
import { toStorageError } from './unavailable';
import type { DriverPool } from './driver-pool';
import type { SqlDatabase, SqlRow, SqlSession } from './sql-database';

type PgConnection = pg.ClientBase;

const defaultTypes = pg.types;

export class PostgresDatabase implements SqlDatabase {
  readonly dialect = 'postgresql' as const;
  private readonly numbered = new Map<string, string>();

  constructor(private readonly pool: DriverPool<PgConnection>) {}

  async session<T>(fn: (session: SqlSession) => Promise<T>): Promise<T> {
    const connection = await this.acquire();
    try {
      return await fn(this.sessionOn(connection));
    } finally {
      await this.pool.release(connection);
    }
  }

  async transaction<T>(fn: (session: SqlSession) => Promise<T>): Promise<T> {
    const connection = await this.acquire();
    try {
      try {
        await connection.query('BEGIN ISOLATION LEVEL READ COMMITTED');
      } catch (error) {
        throw toStorageError(error);
      }
      let result: T;
      try {
        result = await fn(this.sessionOn(connection));
      } catch (error) {
        // On a lost connection the rollback fails too; the first error is the one to report.
        await connection.query('ROLLBACK').catch(() => {});
        throw error;
      }
      try {
        await connection.query('COMMIT');
      } catch (error) {
        // A commit whose connection broke may or may not have landed: a retry with the same
        // idempotency key finds out without doing the command twice.
        throw toStorageError(error);
      }
      return result;
    } finally {
      await this.pool.release(connection);
    }
  }

  private async acquire(): Promise<PgConnection> {
    try {
      return await this.pool.acquire();
    } catch (error) {
      throw toStorageError(error);
    }
  }

  private sessionOn(connection: PgConnection): SqlSession {
    return {
      all: async (sql, params) => (await this.query(connection, sql, params)).rows as SqlRow[],
      run: async (sql, params) => (await this.query(connection, sql, params)).rowCount ?? 0,
    };
  }

  private async query(connection: PgConnection, sql: string, params: readonly unknown[]): Promise<pg.QueryResult> {
    try {
      return await connection.query({ text: this.number(sql), values: params as unknown[], types: defaultTypes });
    } catch (error) {
      throw toStorageError(error);
    }
  }

  /** `?` → `$1, $2, …` (statements here never contain a literal `?`). */
  private number(sql: string): string {
    let text = this.numbered.get(sql);
    if (text === undefined) {
      let n = 0;
      text = sql.replace(/\?/g, () => `$${++n}`);
      this.numbered.set(sql, text);
    }
    return text;
  }
}
