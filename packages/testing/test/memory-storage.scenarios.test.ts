import { describeEngineScenarios } from '../src/conformance';
import { MemoryStorage } from '../src/memory-storage';

describeEngineScenarios({
  name: 'memory',
  setup: async () => {
    const storage = new MemoryStorage();
    return { storage, oracle: storage.oracle };
  },
});
