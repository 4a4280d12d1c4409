/**
 * Setup file of the `core-workflows-on-postgres` project: core's workflow tests, unchanged, with
 * every world on a PostgreSQL schema of the shared server and the SQL oracle reading it.
 *
 * Schemas are pooled per test file: a world gets a schema no other open world uses, emptied
 * before it is handed out, so no test sees another's rows; migrating a fresh schema for each of
 * hundreds of worlds would cost more than the tests themselves.
 */
import { releaseWorkflowStorages, useWorkflowStorage, type StorageUnderTest } from '@statdesk/testing';
import { afterAll, afterEach } from 'vitest';
import { numbered, sqlOracle } from './oracle';
import { postgresSchema, type PostgresSchema } from './postgres';

const free: PostgresSchema[] = [];
const all: PostgresSchema[] = [];

useWorkflowStorage(async (): Promise<StorageUnderTest> => {
  let db = free.pop();
  if (db) await db.truncate();
  else {
    db = await postgresSchema('wf', { max: 2 });
    all.push(db);
  }
  const taken = db;
  return {
    storage: taken.storage,
    oracle: sqlOracle(async (sql, params) => (await taken.client.query(numbered(sql), params)).rows),
    teardown: async () => void free.push(taken),
  };
});

afterEach(releaseWorkflowStorages);
afterAll(async () => {
  await Promise.all(all.splice(0).map((db) => db.drop()));
  free.length = 0;
});
