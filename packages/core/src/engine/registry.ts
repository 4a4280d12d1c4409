import { DefinitionError } from '../errors';
import type { WorkflowDefinition } from './definition';

/**
 * Every registered definition by name and version. New instances start on a workflow's
 * current version (the last one registered unless chosen); old versions stay registered so
 * instances started on them keep running.
 */
export class WorkflowRegistry {
  private readonly byName = new Map<string, Map<string, WorkflowDefinition>>();
  private readonly current = new Map<string, string>();

  constructor(definitions: readonly WorkflowDefinition[], currentVersions: Readonly<Record<string, string>> = {}) {
    for (const def of definitions) this.register(def);
    for (const [name, version] of Object.entries(currentVersions)) {
      this.get(name, version);
      this.current.set(name, version);
    }
  }

  private register(def: WorkflowDefinition): void {
    let versions = this.byName.get(def.name);
    if (!versions) this.byName.set(def.name, (versions = new Map()));
    if (versions.has(def.version)) throw new DefinitionError(`Workflow "${def.name}" version ${def.version} is registered twice`);
    versions.set(def.version, def);
    this.current.set(def.name, def.version);
  }

  /** The definition an instance runs on. */
  get(name: string, version: string): WorkflowDefinition {
    const def = this.byName.get(name)?.get(version);
    if (!def) throw new DefinitionError(`Workflow "${name}" version ${version} is not registered`);
    return def;
  }

  /** The version new instances of `name` start on. */
  latest(name: string): WorkflowDefinition | undefined {
    const version = this.current.get(name);
    return version === undefined ? undefined : this.byName.get(name)?.get(version);
  }

  /** Names of the registered workflows. */
  names(): string[] {
    return [...this.byName.keys()];
  }

  /** The registered versions of a workflow, in registration order. */
  versions(name: string): string[] {
    return [...(this.byName.get(name)?.keys() ?? [])];
  }
}
