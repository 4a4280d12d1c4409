import { fileURLToPath } from 'node:url';
import { defineProject } from 'vitest/config';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

// Core's payment and refund workflow tests (races forced by a storage wrapper, gateway trouble,
// refunds), the same files that run on memory in `core` and on PostgreSQL in
// `core-workflows-on-postgres`, run again on SQLite files (see test/support/workflows-on-sqlite.setup.ts).
export default defineProject({
  resolve: { conditions: ['source'] },
  ssr: { resolve: { conditions: ['source'] } },
  test: {
    name: 'core-workflows-on-sqlite',
    dir: here('../core/test/workflows'),
    include: ['payments/**/*.test.ts', 'refunds/**/*.test.ts'],
    setupFiles: [here('test/support/workflows-on-sqlite.setup.ts')],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
