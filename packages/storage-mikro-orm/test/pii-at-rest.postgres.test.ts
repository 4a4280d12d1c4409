/** The planted-ID scan on PostgreSQL, in a schema of this file's own, read with a plain pg client. */
import { describePiiAtRest } from './support/pii-at-rest-cases';
import { postgresSchema } from './support/postgres';

describePiiAtRest('PostgreSQL', async () => {
  const db = await postgresSchema('pii');
  return {
    storage: db.storage,
    reader: {
      // Every table of the schema, from the catalogue (not a list that could miss a new one).
      tables: async () =>
        (await db.client.query<{ table_name: string }>("SELECT table_name FROM information_schema.tables WHERE table_schema = $1 AND table_type = 'BASE TABLE' ORDER BY table_name", [db.schema])).rows.map(
          (r) => r.table_name,
        ),
      rows: async (table) => (await db.client.query(`SELECT * FROM "${table.replaceAll('"', '""')}"`)).rows as Record<string, unknown>[],
    },
    close: () => db.drop(),
  };
});
