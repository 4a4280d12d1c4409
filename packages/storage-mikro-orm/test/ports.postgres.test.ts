/** The profile, catalogue and sent-notification suites on PostgreSQL, in a schema of this file's own. */
import { mikroOrmCatalogue, mikroOrmProfileStore, mikroOrmSentNotifications } from '@statdesk/storage-mikro-orm';
import {
  describeCatalogueConformance,
  describeProfileStoreConformance,
  describeSentNotificationStoreConformance,
} from '@statdesk/testing/conformance';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll } from 'vitest';
import { numbered, type RawQuery } from './support/oracle';
import { catalogueOracle, profileOracle, sentNotificationsOracle } from './support/port-oracles';
import { postgresSchema, type PostgresSchema } from './support/postgres';

let db: PostgresSchema;
beforeAll(async () => {
  db = await postgresSchema('ports');
});
afterAll(async () => db?.drop());

const query: RawQuery = async (sql, params) => (await db.client.query(numbered(sql), params)).rows;

async function emptied(table: string): Promise<void> {
  await db.client.query(`TRUNCATE ${table}`);
}

describeProfileStoreConformance({
  name: 'mikro-orm on PostgreSQL',
  setup: async () => {
    await emptied('statdesk_profiles');
    return { store: mikroOrmProfileStore(db.storage, { encryptionKey: randomBytes(32) }), oracle: profileOracle(query) };
  },
});

describeCatalogueConformance({
  name: 'mikro-orm on PostgreSQL',
  setup: async () => {
    await emptied('statdesk_products');
    return { catalogue: mikroOrmCatalogue(db.storage), oracle: catalogueOracle(query) };
  },
});

describeSentNotificationStoreConformance({
  name: 'mikro-orm on PostgreSQL',
  setup: async () => {
    await emptied('statdesk_sent_notifications');
    return { store: mikroOrmSentNotifications(db.storage), oracle: sentNotificationsOracle(query) };
  },
});
