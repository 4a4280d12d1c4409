/**
 * The engine's shared scenarios (`describeEngineScenarios`), end to end on PostgreSQL: a desk on
 * this storage behaves as it does on the in-memory reference.
 */
import { describeEngineScenarios } from '@statdesk/testing/conformance';
import { afterAll, beforeAll } from 'vitest';
import { numbered, sqlOracle } from './support/oracle';
import { postgresSchema, type PostgresSchema } from './support/postgres';

let db: PostgresSchema;

beforeAll(async () => {
  db = await postgresSchema('scenarios');
});
afterAll(async () => db?.drop());

describeEngineScenarios({
  name: 'postgresql',
  setup: async () => {
    await db.truncate();
    return { storage: db.storage, oracle: sqlOracle(async (sql, params) => (await db.client.query(numbered(sql), params)).rows) };
  },
});
