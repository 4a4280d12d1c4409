import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeFileStoreConformance } from '@statdesk/testing/conformance';
import { localFileStore } from '../src';
import { diskOracle } from './disk-oracle';

describeFileStoreConformance({
  name: 'local disk',
  setup: async () => {
    const root = await mkdtemp(join(tmpdir(), 'statdesk-files-'));
    return {
      store: localFileStore({ root }),
      oracle: diskOracle(root),
      teardown: () => rm(root, { recursive: true, force: true }),
    };
  },
});
