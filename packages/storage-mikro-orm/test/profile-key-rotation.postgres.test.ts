/** Profile key rotation on PostgreSQL, in a schema of this file's own. */
import { afterAll, beforeAll } from 'vitest';
import { describeKeyRotation } from './support/key-rotation-cases';
import { numbered } from './support/oracle';
import { postgresSchema, type PostgresSchema } from './support/postgres';

let db: PostgresSchema;
beforeAll(async () => {
  db = await postgresSchema('rotation');
});
afterAll(async () => db?.drop());

describeKeyRotation('PostgreSQL', async () => ({
  storage: db.storage,
  query: async (sql, params) => (await db.client.query(numbered(sql), params)).rows,
  reset: async () => void (await db.client.query('TRUNCATE statdesk_profiles')),
}));
