/**
 * Reads the portal's database with plain drivers, never through statdesk: what is really on disk
 * (the SQLite file in the data folder, or the PostgreSQL database in DATABASE_URL).
 */
import path from 'node:path';
import Sqlite from 'better-sqlite3';
import pg from 'pg';

export interface RawDatabase {
  dataDir: string;
  databaseUrl?: string;
}

/** Every row of every statdesk table that belongs to the tenant (all rows when a table has no tenant column), as JSON text. */
export async function dumpTenantRows(db: RawDatabase, tenantId: string): Promise<string> {
  const tables = await query<{ name: string }>(
    db,
    db.databaseUrl
      ? "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_name LIKE 'statdesk\\_%'"
      : "SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'statdesk\\_%' ESCAPE '\\'",
  );
  const dumped: unknown[] = [];
  for (const { name } of tables) {
    const rows = await query<Record<string, unknown>>(db, `SELECT * FROM ${name}`);
    for (const row of rows) {
      if ('tenant_id' in row && row.tenant_id !== tenantId) continue;
      // Binary columns are searched as text too.
      dumped.push(Object.fromEntries(Object.entries(row).map(([k, v]) => [k, Buffer.isBuffer(v) ? v.toString('latin1') : typeof v === 'bigint' ? v.toString() : v])));
    }
  }
  return JSON.stringify(dumped);
}

export async function query<T>(db: RawDatabase, sql: string, params: unknown[] = []): Promise<T[]> {
  if (db.databaseUrl) {
    const client = new pg.Client({ connectionString: db.databaseUrl });
    await client.connect();
    try {
      return (await client.query(sql, params)).rows as T[];
    } finally {
      await client.end();
    }
  }
  const sqlite = new Sqlite(path.join(db.dataDir, 'portal.sqlite'), { readonly: true });
  try {
    return sqlite.prepare(sql).all(...params) as T[];
  } finally {
    sqlite.close();
  }
}
