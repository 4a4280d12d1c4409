import { fileURLToPath } from 'node:url';
import { defineProject } from 'vitest/config';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

// Core's workflow tests (information order, shop, complaints, incidents), the same files that
// run on memory in the `core` project, run again end to end on PostgreSQL: only the storage
// behind the harnesses changes (see test/support/workflows-on-postgres.setup.ts).
export default defineProject({
  resolve: { conditions: ['source'] },
  ssr: { resolve: { conditions: ['source'] } },
  test: {
    name: 'core-workflows-on-postgres',
    dir: here('../core/test/workflows'),
    include: ['**/*.test.ts'],
    globalSetup: [here('test/global-setup.ts')],
    setupFiles: [here('test/support/workflows-on-postgres.setup.ts')],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
