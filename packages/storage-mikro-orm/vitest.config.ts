import { defineProject } from 'vitest/config';

export default defineProject({
  resolve: { conditions: ['source'] },
  ssr: { resolve: { conditions: ['source'] } },
  test: {
    name: 'storage-mikro-orm',
    include: ['test/**/*.test.ts'],
    // DATABASE_URL's PostgreSQL, or a throwaway embedded one when it is unset.
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
