/** A schema of its own on the shared PostgreSQL server, for one test file. */
import { mikroOrmStorage, type MikroOrmStorage } from '@statdesk/storage-mikro-orm';
import pg from 'pg';
import { inject } from 'vitest';

export const STATDESK_TABLES = [
  'statdesk_instances',
  'statdesk_history',
  'statdesk_timers',
  'statdesk_outbox',
  'statdesk_commands',
  'statdesk_instance_keys',
  'statdesk_sla_outcomes',
  'statdesk_work_items',
];

export interface PostgresSchema {
  url: string;
  schema: string;
  /** A plain pg client with the schema on its search path: the oracle's and the tests' own reads. */
  client: pg.Client;
  storage: MikroOrmStorage;
  /** Empty every statdesk table. */
  truncate(): Promise<void>;
  drop(): Promise<void>;
}

export function databaseUrl(): string {
  return inject('databaseUrl');
}

export async function postgresSchema(prefix: string, pool?: { max?: number }): Promise<PostgresSchema> {
  const url = databaseUrl();
  const schema = `${prefix}_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const client = new pg.Client({ connectionString: url, options: `-c search_path=${schema}` });
  await client.connect();
  await client.query(`CREATE SCHEMA ${schema}`);
  // Commits skip the WAL flush wait: locking and visibility are unchanged, and the suites test
  // those, not power loss; it keeps a shared CI machine's disk out of the test times.
  const storage = await mikroOrmStorage({
    driver: 'postgresql', clientUrl: url, schema, migrate: true, settings: { synchronous_commit: 'off' }, ...(pool ? { pool } : {}),
  });
  return {
    url,
    schema,
    client,
    storage,
    truncate: async () => void (await client.query(`TRUNCATE ${STATDESK_TABLES.join(', ')}`)),
    drop: async () => {
      await storage.close();
      await client.query(`DROP SCHEMA ${schema} CASCADE`);
      await client.end();
    },
  };
}
