import type { Application, Context } from 'typedoc';

/** An exported declaration or declared member without TSDoc. */
export interface MissingDoc {
  /** TypeDoc's full name, e.g. `@statdesk/core.Desk.dispatch`. */
  readonly name: string;
  /** TypeDoc's reflection kind, e.g. `Property`. */
  readonly kind: string;
  /** `path:line` of the declaration, relative to the repository. */
  readonly location: string;
}

/** TypeDoc plugin entry: reports every missing TSDoc as a validation warning. */
export function load(app: Application): void;

/** The undocumented declarations of a converted project (run at `Converter.EVENT_RESOLVE_END`). */
export function findMissing(context: Context, required: readonly string[]): MissingDoc[];
