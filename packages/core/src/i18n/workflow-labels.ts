/**
 * What people read for a workflow's identifiers: a label per state, event and role, and a
 * citizen-facing status per state. Records are keyed by the exact identifiers, so a label set
 * that misses one fails the type check; a test also walks every machine against its labels.
 */
import type { LocalizedText } from '../tariffs/localized-text';

/** What a citizen reads about where their case is: one phrase, what happens next, who acts. */
export interface CitizenStatus<R extends string = string> {
  /** One short phrase ("Your payment was verified"). */
  phrase: LocalizedText;
  /** What happens next, when that helps ("The data is being prepared"). */
  next?: LocalizedText;
  /** The role that acts next (its label comes from the same label set). */
  actor?: R;
  /**
   * In a parallel state, leave this region's phrase out when another region has one (a region
   * that has nothing to do, like "no postal items").
   */
  quietInParallel?: boolean;
}

/**
 * The labels of one workflow. `S` are its state paths (every node, dotted: `payment`,
 * `payment.awaitingReceipt`), `E` its event types, `R` its roles.
 */
export interface WorkflowLabels<S extends string = string, E extends string = string, R extends string = string> {
  /** The workflow's name as people call it ("Information order"). */
  workflow: LocalizedText;
  /** Every state node, compound and parallel ones included. */
  states: Readonly<Record<S, LocalizedText>>;
  /** Every event a client or the engine sends. */
  events: Readonly<Record<E, LocalizedText>>;
  /** Every role that takes part. */
  roles: Readonly<Record<R, LocalizedText>>;
  /** What a citizen reads in each state. */
  citizenStatus: Readonly<Record<S, CitizenStatus<R>>>;
}

/** A portal's changes to a label set: any label, in either language, may be replaced. */
export interface WorkflowLabelOverrides<S extends string = string, E extends string = string, R extends string = string> {
  /** The workflow's name. */
  workflow?: Partial<LocalizedText>;
  /** State labels. */
  states?: Partial<Record<S, Partial<LocalizedText>>>;
  /** Event labels. */
  events?: Partial<Record<E, Partial<LocalizedText>>>;
  /** Role labels. */
  roles?: Partial<Record<R, Partial<LocalizedText>>>;
  /** Citizen statuses: a phrase, next step or actor may each be replaced. */
  citizenStatus?: Partial<Record<S, Partial<CitizenStatus<R>>>>;
}

function mergeTexts<K extends string>(base: Readonly<Record<K, LocalizedText>>, changes: Partial<Record<K, Partial<LocalizedText>>> | undefined): Record<K, LocalizedText> {
  const merged = { ...base } as Record<K, LocalizedText>;
  for (const [key, change] of Object.entries(changes ?? {}) as [K, Partial<LocalizedText> | undefined][]) {
    if (!change) continue;
    const current = merged[key] as LocalizedText | undefined;
    merged[key] = { fa: change.fa ?? current?.fa ?? '', en: change.en ?? current?.en ?? '' };
  }
  return merged;
}

/**
 * A label set with a portal's overrides applied (the base is not changed). Overriding a key the
 * base does not have adds it, e.g. a role the portal renamed.
 */
export function overrideLabels<S extends string, E extends string, R extends string>(
  base: WorkflowLabels<S, E, R>,
  overrides: WorkflowLabelOverrides<S, E, R>,
): WorkflowLabels<S, E, R> {
  const citizenStatus = { ...base.citizenStatus } as Record<S, CitizenStatus<R>>;
  for (const [state, change] of Object.entries(overrides.citizenStatus ?? {}) as [S, Partial<CitizenStatus<R>> | undefined][]) {
    if (change) citizenStatus[state] = { ...citizenStatus[state], ...change };
  }
  return {
    workflow: { ...base.workflow, ...overrides.workflow },
    states: mergeTexts(base.states, overrides.states),
    events: mergeTexts(base.events, overrides.events),
    roles: mergeTexts(base.roles, overrides.roles),
    citizenStatus,
  };
}
