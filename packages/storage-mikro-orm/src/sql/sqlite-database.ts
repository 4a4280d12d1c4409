/**
 * SQL on SQLite through the better-sqlite3 connection of the MikroORM pool (knex keeps exactly
 * one for SQLite). Transactions run one at a time in this process, in arrival order; `BEGIN
 * IMMEDIATE` takes the write lock up front, so other processes on the same file wait (busy
 * timeout) instead of failing half-way. A storage call made inside a running transaction (same
 * async context) joins it rather than waiting for itself.
 *
 * Borrowing the connection from knex's pool costs more CPU than a whole transaction's
 * statements (timeouts, validation, several promise hops), so the connection is borrowed once
 * and kept while work keeps coming: it goes back to the pool when this process's queue runs
 * dry (after the current turn of the event loop) or at once when the ORM's own queries wait for it.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Database, Statement } from 'better-sqlite3';
import { toStorageError } from './unavailable';
import type { DriverPool } from './driver-pool';
import type { SqlDatabase, SqlRow, SqlSession } from './sql-database';

/** A pool connection with its statement cache and the session over it. */
interface PreparedConnection {
  db: Database;
  session: SqlSession;
  begin: Statement;
  commit: Statement;
  rollback: Statement;
}

export class SqliteDatabase implements SqlDatabase {
  readonly dialect = 'sqlite' as const;
  private readonly held = new AsyncLocalStorage<SqlSession>();
  private readonly prepared = new WeakMap<Database, PreparedConnection>();
  /** The pool connection this storage holds between turns, if any. */
  private connection: PreparedConnection | undefined;
  private busy = false;
  private readonly waiting: (() => void)[] = [];
  private returnScheduled = false;

  constructor(
    private readonly pool: DriverPool<Database>,
    private readonly busyTimeoutMs = 5_000,
  ) {}

  session<T>(fn: (session: SqlSession) => Promise<T>): Promise<T> {
    const current = this.held.getStore();
    if (current) return fn(current);
    return this.turn((c) => fn(c.session));
  }

  transaction<T>(fn: (session: SqlSession) => Promise<T>): Promise<T> {
    const current = this.held.getStore();
    if (current) return this.nested(current, fn);
    return this.turn(async (c) => {
      try {
        c.begin.run();
      } catch (error) {
        throw toStorageError(error);
      }
      let result: T;
      try {
        result = await this.held.run(c.session, () => fn(c.session));
      } catch (error) {
        if (c.db.inTransaction) c.rollback.run();
        throw error;
      }
      try {
        c.commit.run();
      } catch (error) {
        if (c.db.inTransaction) c.rollback.run();
        throw toStorageError(error);
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

  /** Runs `fn` alone on the connection, after the turns that asked before it. */
  private async turn<T>(fn: (connection: PreparedConnection) => Promise<T>): Promise<T> {
    if (this.busy) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.busy = true;
    try {
      return await fn(this.connection ?? (await this.borrow()));
    } finally {
      this.pass();
    }
  }

  /** Hands the connection to the next turn, or gives it back to the pool when nobody here needs it. */
  private pass(): void {
    // The ORM's own queries wait on the pool: let them in before this process's next turn.
    if (this.pool.othersWaiting()) this.giveBack();
    const next = this.waiting.shift();
    if (next) return next();
    this.busy = false;
    if (this.connection && !this.returnScheduled) {
      // Not at once: a caller that starts its next transaction as this one resolves keeps it.
      this.returnScheduled = true;
      setImmediate(() => {
        this.returnScheduled = false;
        if (!this.busy) this.giveBack();
      });
    }
  }

  private async borrow(): Promise<PreparedConnection> {
    const db = await this.pool.acquire();
    let connection = this.prepared.get(db);
    if (!connection) {
      connection = this.prepare(db);
      this.prepared.set(db, connection);
    }
    return (this.connection = connection);
  }

  private giveBack(): void {
    const connection = this.connection;
    if (!connection) return;
    this.connection = undefined;
    void this.pool.release(connection.db);
  }

  private prepare(db: Database): PreparedConnection {
    db.pragma(`busy_timeout = ${this.busyTimeoutMs}`);
    // WAL lets readers in other processes proceed while one writes (files only).
    if (!db.memory) db.pragma('journal_mode = WAL');
    const cache = new Map<string, Statement>();
    const statement = (sql: string) => {
      let prepared = cache.get(sql);
      if (!prepared) cache.set(sql, (prepared = db.prepare(sql)));
      return prepared;
    };
    const session: SqlSession = {
      all: async (sql, params) => {
        try {
          return statement(sql).all(...params) as SqlRow[];
        } catch (error) {
          throw toStorageError(error);
        }
      },
      run: async (sql, params) => {
        try {
          return statement(sql).run(...params).changes;
        } catch (error) {
          throw toStorageError(error);
        }
      },
    };
    return { db, session, begin: db.prepare('BEGIN IMMEDIATE'), commit: db.prepare('COMMIT'), rollback: db.prepare('ROLLBACK') };
  }
}
