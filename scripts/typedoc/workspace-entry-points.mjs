// The API reference documents what the published packages export: every `packages/*` package
// that is not private, one entry per subpath in its `exports`, at the file its `source`
// condition names (the same condition the tests and tsconfig resolve). A new package or subpath
// is picked up without touching the TypeDoc config.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * @typedef {object} WorkspaceEntryPoint
 * @property {string} packageName the npm name, e.g. `@statdesk/core`
 * @property {string} moduleName how the reference names it: the import specifier, e.g. `@statdesk/testing/conformance`
 * @property {string} file absolute path of the TypeScript source of that subpath
 */

/**
 * @param {string} root the repository root
 * @returns {WorkspaceEntryPoint[]} sorted by module name; only sources that exist
 */
export function workspaceEntryPoints(root) {
  const packagesDir = join(root, 'packages');
  const entries = [];
  for (const dir of readdirSync(packagesDir).sort()) {
    const manifestPath = join(packagesDir, dir, 'package.json');
    if (!existsSync(manifestPath)) continue;
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
    if (manifest.private === true || typeof manifest.exports !== 'object' || manifest.exports === null) continue;
    for (const [subpath, target] of Object.entries(manifest.exports)) {
      const source = typeof target === 'object' && target !== null ? target.source : undefined;
      if (typeof source !== 'string') continue;
      const file = resolve(packagesDir, dir, source);
      // A package being scaffolded may declare its entry before writing it.
      if (!existsSync(file)) continue;
      const moduleName = subpath === '.' ? manifest.name : `${manifest.name}/${subpath.replace(/^\.\//, '')}`;
      entries.push({ packageName: manifest.name, moduleName, file });
    }
  }
  return entries.sort((a, b) => a.moduleName.localeCompare(b.moduleName));
}
