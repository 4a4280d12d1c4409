import { describeStorageConformance } from '@statdesk/testing/conformance';
import { afterAll, beforeAll } from 'vitest';
import { numbered, sqlOracle } from './support/oracle';
import { postgresSchema, type PostgresSchema } from './support/postgres';

let db: PostgresSchema;
beforeAll(async () => {
  db = await postgresSchema('conformance');
});
afterAll(async () => db?.drop());

describeStorageConformance({
  name: 'mikro-orm on PostgreSQL',
  setup: async () => {
    await db.truncate();
    return { storage: db.storage, oracle: sqlOracle(async (sql, params) => (await db.client.query(numbered(sql), params)).rows) };
  },
});
