import { describeStaffDirectoryConformance } from '../src/conformance';
import { MemoryStaffDirectory } from '../src';

describeStaffDirectoryConformance({ name: 'memory', setup: async () => ({ directory: new MemoryStaffDirectory() }) });
