// Loads every built package through its exports map, as ESM and as CommonJS, so a broken
// `exports`, a missing declaration file or a bundling mistake fails CI rather than a user.
import { createRequire } from 'node:module';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
const packages = readdirSync(join(import.meta.dirname, '..', 'packages')).filter((name) =>
  existsSync(join(import.meta.dirname, '..', 'packages', name, 'package.json')),
);
let failed = false;
for (const name of packages) {
  const dir = join(import.meta.dirname, '..', 'packages', name);
  const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  const entry = manifest.exports['.'];
  for (const file of [entry.import.types, entry.import.default, entry.require.types, entry.require.default]) {
    if (!existsSync(join(dir, file))) {
      console.error(`${manifest.name}: ${file} is missing`);
      failed = true;
    }
  }
  // Entries other than "." are ESM-only where they need an ESM-only runner (vitest).
  for (const [subpath, target] of Object.entries(manifest.exports)) {
    if (subpath === '.' || typeof target === 'string') continue;
    for (const file of [target.import.types, target.import.default]) {
      if (!existsSync(join(dir, file))) {
        console.error(`${manifest.name}${subpath.slice(1)}: ${file} is missing`);
        failed = true;
      }
    }
  }
  const esm = await import(manifest.name);
  const cjs = require(manifest.name);
  const esmKeys = Object.keys(esm).sort().join();
  const cjsKeys = Object.keys(cjs).filter((k) => k !== 'default').sort().join();
  if (!esmKeys || esmKeys !== cjsKeys) {
    console.error(`${manifest.name}: ESM and CJS builds export different names`);
    failed = true;
  }
  console.log(`${manifest.name}: ${Object.keys(esm).length} exports, ESM and CJS agree`);
}
process.exit(failed ? 1 : 0);
