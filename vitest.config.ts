import { defineConfig } from 'vitest/config';

// One project per package and example. The `source` condition resolves workspace packages to
// their TypeScript sources, so tests never need a build first.
export default defineConfig({
  resolve: { conditions: ['source'] },
  ssr: { resolve: { conditions: ['source'] } },
  test: {
    projects: ['packages/*', 'examples/*', 'scripts', 'packages/storage-mikro-orm/vitest.workflows.config.ts', 'packages/storage-mikro-orm/vitest.workflows-sqlite.config.ts'],
  },
});
