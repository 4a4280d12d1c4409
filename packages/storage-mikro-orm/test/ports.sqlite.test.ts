/** The profile, catalogue and sent-notification suites on SQLite (`:memory:`, on the ORM's connection). */
import { mikroOrmCatalogue, mikroOrmProfileStore, mikroOrmSentNotifications, mikroOrmStorage } from '@statdesk/storage-mikro-orm';
import {
  describeCatalogueConformance,
  describeProfileStoreConformance,
  describeSentNotificationStoreConformance,
} from '@statdesk/testing/conformance';
import { randomBytes } from 'node:crypto';
import type { RawQuery } from './support/oracle';
import { catalogueOracle, profileOracle, sentNotificationsOracle } from './support/port-oracles';
import { ormSqliteConnection } from './support/sqlite-connection';

async function scratch() {
  const storage = await mikroOrmStorage({ driver: 'sqlite', dbName: ':memory:', migrate: true });
  const raw = await ormSqliteConnection(storage);
  const query: RawQuery = async (sql, params) => raw.prepare(sql).all(...params) as Record<string, unknown>[];
  return { storage, query, teardown: () => storage.close() };
}

describeProfileStoreConformance({
  name: 'mikro-orm on SQLite',
  setup: async () => {
    const { storage, query, teardown } = await scratch();
    return { store: mikroOrmProfileStore(storage, { encryptionKey: randomBytes(32) }), oracle: profileOracle(query), teardown };
  },
});

describeCatalogueConformance({
  name: 'mikro-orm on SQLite',
  setup: async () => {
    const { storage, query, teardown } = await scratch();
    return { catalogue: mikroOrmCatalogue(storage), oracle: catalogueOracle(query), teardown };
  },
});

describeSentNotificationStoreConformance({
  name: 'mikro-orm on SQLite',
  setup: async () => {
    const { storage, query, teardown } = await scratch();
    return { store: mikroOrmSentNotifications(storage), oracle: sentNotificationsOracle(query), teardown };
  },
});
