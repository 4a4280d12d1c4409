/**
 * SQL on SQLite through the better-sqlite3 connection of the MikroORM pool (knex keeps exactly
 * one for SQLite). Holding that connection for a whole transaction serialises transactions in
 * this process; `BEGIN IMMEDIATE` takes the write lock up front, so other processes on the same
 * file wait (busy timeout) instead of failing half-way. A storage call made inside a running
 * transaction (same async context) joins it rather than waiting for itself.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Database, Statement } from 'better-sqlite3';
import { toConflict } from './conflicts';
import type { DriverPool } from './driver-pool';
import type { SqlDatabase, SqlRow, SqlSession } from './sql-database';

export class SqliteDatabase implements SqlDatabase {
  readonly dialect = 'sqlite' as const;
  private readonly held = new AsyncLocalStorage<SqlSession>();
  private readonly statements = new WeakMap<Database, Map<string, Statement>>();

  constructor(
    private readonly pool: DriverPool<Database>,
    private readonly busyTimeoutMs = 5_000,
  ) {}

  session<T>(fn: (session: SqlSession) => Promise<T>): Promise<T> {
    const current = this.held.getStore();
    if (current) return fn(current);
    return this.withConnection(async (db) => fn(this.sessionOn(db)));
  }

  transaction<T>(fn: (session: SqlSession) => Promise<T>): Promise<T> {
    const current = this.held.getStore();
    if (current) return this.nested(current, fn);
    return this.withConnection(async (db) => {
      const session = this.sessionOn(db);
      db.exec('BEGIN IMMEDIATE');
      let result: T;
      try {
        result = await this.held.run(session, () => fn(session));
      } catch (error) {
        if (db.inTransaction) db.exec('ROLLBACK');
        throw error;
      }
      try {
        db.exec('COMMIT');
      } catch (error) {
        if (db.inTransaction) db.exec('ROLLBACK');
        throw toConflict(error);
      }
      return result;
    });
  }

  /** A transaction inside a transaction: a savepoint, so its failure undoes only its own writes. */
  private async nested<T>(session: SqlSession, fn: (session: SqlSession) => Promise<T>): Promise<T> {
    await session.run('SAVEPOINT statdesk_nested', []);
    try {
      const result = await fn(session);
      await session.run('RELEASE statdesk_nested', []);
      return result;
    } catch (error) {
      await session.run('ROLLBACK TO statdesk_nested', []);
      await session.run('RELEASE statdesk_nested', []);
      throw error;
    }
  }

  private async withConnection<T>(fn: (db: Database) => Promise<T>): Promise<T> {
    const db = await this.pool.acquire();
    try {
      if (!this.statements.has(db)) this.prepareConnection(db);
      return await fn(db);
    } finally {
      await this.pool.release(db);
    }
  }

  private prepareConnection(db: Database): void {
    db.pragma(`busy_timeout = ${this.busyTimeoutMs}`);
    // WAL lets readers in other processes proceed while one writes (files only).
    if (!db.memory) db.pragma('journal_mode = WAL');
    this.statements.set(db, new Map());
  }

  private sessionOn(db: Database): SqlSession {
    const cache = this.statements.get(db)!;
    const prepare = (sql: string) => {
      let statement = cache.get(sql);
      if (!statement) cache.set(sql, (statement = db.prepare(sql)));
      return statement;
    };
    return {
      all: async (sql, params) => {
        try {
          return prepare(sql).all(...params) as SqlRow[];
        } catch (error) {
          throw toConflict(error);
        }
      },
      run: async (sql, params) => {
        try {
          return prepare(sql).run(...params).changes;
        } catch (error) {
          throw toConflict(error);
        }
      },
    };
  }
}
