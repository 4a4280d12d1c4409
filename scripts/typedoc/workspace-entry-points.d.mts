/** One published subpath of a workspace package. */
export interface WorkspaceEntryPoint {
  /** The npm name, e.g. `@statdesk/core`. */
  readonly packageName: string;
  /** The import specifier, e.g. `@statdesk/testing/conformance`. */
  readonly moduleName: string;
  /** Absolute path of the TypeScript source its `source` export condition names. */
  readonly file: string;
}

/** Every subpath of every non-private `packages/*` package, sorted by module name. */
export function workspaceEntryPoints(root: string): WorkspaceEntryPoint[];
