import { describeReportConformance } from '../src/conformance';
import { MemoryStorage } from '../src/memory-storage';

describeReportConformance({ name: 'memory', setup: async () => ({ storage: new MemoryStorage() }) });
