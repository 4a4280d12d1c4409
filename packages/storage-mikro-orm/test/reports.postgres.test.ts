import { describeReportConformance } from '@statdesk/testing/conformance';
import { afterAll, beforeAll } from 'vitest';
import { postgresSchema, type PostgresSchema } from './support/postgres';

let db: PostgresSchema;
beforeAll(async () => {
  db = await postgresSchema('reports');
});
afterAll(async () => db?.drop());

describeReportConformance({
  name: 'mikro-orm on PostgreSQL',
  setup: async () => {
    await db.truncate();
    return { storage: db.storage };
  },
});
