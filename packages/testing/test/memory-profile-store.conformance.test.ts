import { describeProfileStoreConformance } from '../src/conformance';
import { MemoryProfileStore } from '../src/memory-profile-store';

describeProfileStoreConformance({
  name: 'memory',
  setup: async () => {
    const store = new MemoryProfileStore();
    return { store, oracle: { count: () => store.oracle.count() } };
  },
  // Its data lives only in the process and is gone when it stops: nothing at rest to check.
  keepsNothingAtRest: true,
});
