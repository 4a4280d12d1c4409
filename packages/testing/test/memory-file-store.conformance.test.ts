import { describeFileStoreConformance } from '../src/conformance';
import { MemoryFileStore } from '../src/memory-file-store';

describeFileStoreConformance({
  name: 'memory',
  setup: async () => {
    const store = new MemoryFileStore();
    return { store, oracle: store.oracle };
  },
});
