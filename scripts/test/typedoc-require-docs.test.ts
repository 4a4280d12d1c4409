import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Application, Converter, type ProjectReflection } from 'typedoc';
import { describe, expect, it } from 'vitest';
import { findMissing, type MissingDoc } from '../typedoc/require-docs.mjs';
import { workspaceEntryPoints } from '../typedoc/workspace-entry-points.mjs';

const root = join(import.meta.dirname, '../..');
const fixture = join(import.meta.dirname, 'fixtures/typedoc-require-docs');

async function missingIn(entry: string): Promise<MissingDoc[]> {
  const app = await Application.bootstrap({
    entryPoints: [join(fixture, entry)],
    tsconfig: join(fixture, 'tsconfig.json'),
    skipErrorChecking: true,
    logLevel: 'Error',
  });
  let missing: MissingDoc[] = [];
  app.converter.on(Converter.EVENT_RESOLVE_END, (context) => {
    missing = findMissing(context, app.options.getValue('requiredToBeDocumented'));
  }, -1000);
  const project: ProjectReflection | undefined = await app.convert();
  expect(project).toBeDefined();
  return missing;
}

describe('TypeDoc: every public declaration has TSDoc (scripts/typedoc/require-docs.mjs)', () => {
  it('names each undocumented export and declared member, with where it is', { timeout: 120_000 }, async () => {
    const missing = await missingIn('index.ts');
    expect(missing.map((m) => `${m.name} (${m.kind})`).sort()).toEqual([
      'Documented.unnamed (Property)',
      'Level.High (EnumMember)',
      'Options.missing (Property)',
      'undocumentedFunction (Function)',
    ]);
    expect(missing.find((m) => m.name === 'Documented.unnamed')?.location).toMatch(/fixtures\/typedoc-require-docs\/index\.ts:8$/);
  });
});

describe('TypeDoc entry points', () => {
  it('are every published package subpath, at its `source` file', () => {
    const entries = workspaceEntryPoints(root);
    const names = entries.map((e) => e.moduleName);
    expect(names).toContain('@statdesk/core');
    expect(names).toContain('@statdesk/testing/conformance');
    for (const dir of ['core', 'http', 'express', 'storage-mikro-orm', 'testing']) {
      const manifest = JSON.parse(readFileSync(join(root, 'packages', dir, 'package.json'), 'utf8')) as { name: string };
      expect(names).toContain(manifest.name);
    }
    for (const entry of entries) expect(readFileSync(entry.file, 'utf8').length).toBeGreaterThan(0);
  });
});

