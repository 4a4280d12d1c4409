// `npm run docs:api`: the API reference of every published package, from the TSDoc of its
// exports, into docs/api/ (not committed). Warnings are errors, so the build stays clean: every
// export documented (scripts/typedoc/require-docs.mjs), every link resolving, every type it
// shows reachable in the reference.
import { workspaceEntryPoints } from './scripts/typedoc/workspace-entry-points.mjs';

const entries = workspaceEntryPoints(import.meta.dirname);

/** @type {Partial<import('typedoc').TypeDocOptions>} */
const config = {
  name: 'statdesk',
  entryPoints: entries.map((entry) => entry.file),
  entryPointStrategy: 'resolve',
  tsconfig: './tsconfig.json',
  out: './docs/api',
  readme: 'none',
  plugin: ['./scripts/typedoc/package-module-names.mjs', './scripts/typedoc/require-docs.mjs'],
  excludePrivate: true,
  excludeInternal: true,
  // Protected members are for subclasses inside the packages, not for users.
  excludeProtected: true,
  // The repo's tsc and ESLint check the code; TypeDoc only documents it.
  skipErrorChecking: true,
  // There is no public Git remote yet, so no source links.
  disableSources: true,
  treatWarningsAsErrors: true,
  validation: {
    notExported: true,
    invalidLink: true,
    rewrittenLink: true,
    // Replaced by require-docs.mjs: the same rule, but the inferred shapes of values (a zod
    // schema's or a machine's type, spelled out member by member) are not declarations anyone
    // can comment, so they are not required.
    notDocumented: false,
  },
  requiredToBeDocumented: [
    'Namespace',
    'Enum',
    'EnumMember',
    'Variable',
    'Function',
    'Class',
    'Interface',
    'Property',
    'Method',
    'Accessor',
    'TypeAlias',
  ],
};

export default config;
