// TypeDoc plugin: name each entry module by its import specifier (`@statdesk/core`,
// `@statdesk/testing/conformance`) instead of its path (`core/src`), so the reference reads
// the way the packages are imported.
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Converter, ReflectionKind } from 'typedoc';
import { workspaceEntryPoints } from './workspace-entry-points.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** @param {import('typedoc').Application} app */
export function load(app) {
  const nameOf = new Map(workspaceEntryPoints(root).map((entry) => [entry.file, entry.moduleName]));
  app.converter.on(Converter.EVENT_RESOLVE_BEGIN, (context) => {
    for (const module of context.project.getChildrenByKind(ReflectionKind.Module)) {
      const file = context.getSymbolFromReflection(module)?.declarations?.[0]?.getSourceFile().fileName;
      const name = file === undefined ? undefined : nameOf.get(resolve(file));
      if (name !== undefined) module.name = name;
    }
  });
}
