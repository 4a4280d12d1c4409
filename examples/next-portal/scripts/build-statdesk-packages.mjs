// @ts-check
/**
 * Compiles the statdesk packages the portal uses to `dist/index.js` and `dist/index.cjs`
 * (JavaScript only: no type declarations, which `npm run build` adds) so that the Next.js
 * server can load them as external packages — one copy per server process (see
 * next.config.mjs). esbuild, a second or two in all; every bare import stays external, so each
 * package keeps importing the others by name.
 */
import path from 'node:path';
import { build } from 'esbuild';

const ROOT = path.resolve(import.meta.dirname, '../../..');
export const PACKAGES = ['core', 'http', 'next', 'files-local', 'notification-smtp', 'payment-zarinpal', 'storage-mikro-orm', 'testing'];

await Promise.all(
  PACKAGES.flatMap((name) => [/** @type {const} */ (['esm', 'index.js']), /** @type {const} */ (['cjs', 'index.cjs'])].map(([format, file]) =>
    build({
      entryPoints: [path.join(ROOT, 'packages', name, 'src/index.ts')],
      outfile: path.join(ROOT, 'packages', name, 'dist', file),
      bundle: true,
      packages: 'external',
      platform: 'node',
      format,
      target: 'node20',
      sourcemap: true,
      logLevel: 'warning',
    }),
  )),
);
