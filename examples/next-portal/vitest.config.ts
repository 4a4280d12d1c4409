import { defineProject } from 'vitest/config';

// The browser suite: globalSetup builds the portal with `next build` and starts `next start`;
// the tests drive Debian's chromium through playwright-core. One file at a time, generous
// timeouts: a production build and a real browser on a small shared machine.
export default defineProject({
  resolve: { conditions: ['source'] },
  ssr: { resolve: { conditions: ['source'] } },
  test: {
    name: 'example-next-portal',
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 180_000,
    hookTimeout: 120_000,
  },
});
