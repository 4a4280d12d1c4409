import { describeProfileStoreConformance } from '../src/conformance';
import { MemoryProfileStore } from '../src/memory-profile-store';

describeProfileStoreConformance({
  name: 'memory',
  setup: async () => {
    const store = new MemoryProfileStore();
    return { store, oracle: { count: () => store.oracle.count() } };
  },
  disable: {
    'personal fields are not stored in plain text': 'the memory store keeps nothing at rest: its data lives only in the process and is gone when it stops',
  },
});
