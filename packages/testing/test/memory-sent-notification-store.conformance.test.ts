import { MemorySentNotificationStore } from '@statdesk/core';
import { describeSentNotificationStoreConformance } from '../src/conformance';

describeSentNotificationStoreConformance({
  name: 'memory',
  setup: async () => {
    const store = new MemorySentNotificationStore();
    return { store, oracle: { count: () => store.size } };
  },
});
