import { describeStorageConformance } from '../src/conformance';
import { MemoryStorage } from '../src/memory-storage';

describeStorageConformance({
  name: 'memory',
  setup: async () => {
    const storage = new MemoryStorage();
    return { storage, oracle: storage.oracle };
  },
});
