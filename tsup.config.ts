import { defineConfig, type Options } from 'tsup';

/**
 * The shared build every package uses: ESM and CJS with type declarations, one entry map per
 * package. A package's own tsup.config.ts calls this with its entries.
 */
export function packageBuild(entry: Record<string, string>, overrides: Options = {}) {
  return defineConfig({
    entry,
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: true,
    clean: true,
    target: 'node20',
    splitting: false,
    treeshake: true,
    ...overrides,
  });
}

export default packageBuild({ index: 'src/index.ts' });
