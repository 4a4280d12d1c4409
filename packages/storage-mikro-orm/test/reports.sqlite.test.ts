import { mikroOrmStorage } from '@statdesk/storage-mikro-orm';
import { describeReportConformance } from '@statdesk/testing/conformance';

describeReportConformance({
  name: 'mikro-orm on SQLite :memory:',
  setup: async () => {
    const storage = await mikroOrmStorage({ driver: 'sqlite', dbName: ':memory:', migrate: true });
    return { storage, teardown: () => storage.close() };
  },
});
