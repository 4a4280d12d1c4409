/**
 * A state value in words, in both languages: its label and the citizen's status. Parallel
 * states (several leaves joined by `|`) speak through the regions that have something to say.
 */
import type { StateValue } from 'xstate';
import { stateToString } from '../engine/state-value';
import type { LocalizedText } from '../tariffs/localized-text';
import type { CitizenStatus, WorkflowLabels } from './workflow-labels';

/** A state as people read it, in both languages. */
export interface StateDescription {
  /** The state's label (parallel: the speaking regions' labels joined). */
  label: LocalizedText;
  /** What the citizen reads. */
  status: {
    /** One phrase. */
    phrase: LocalizedText;
    /** What happens next. */
    next?: LocalizedText;
    /** Who acts next, as a role label. */
    actor?: LocalizedText;
  };
}

const SEPARATOR: LocalizedText = { fa: '؛ ', en: '; ' };

function join(texts: readonly LocalizedText[], separator: LocalizedText): LocalizedText {
  return { fa: texts.map((t) => t.fa).join(separator.fa), en: texts.map((t) => t.en).join(separator.en) };
}

/** The leaf paths of a state value (`a.b|c.d` or an xstate value). */
export function stateLeaves(state: StateValue): string[] {
  return (typeof state === 'string' ? state : stateToString(state)).split('|').filter(Boolean);
}

/**
 * Describes `state` with a workflow's labels. A leaf without a label is shown as its path: the
 * label-completeness test keeps that from happening with shipped workflows.
 */
export function describeState(labels: WorkflowLabels, state: StateValue): StateDescription {
  const leaves = stateLeaves(state);
  const entries = leaves.map((leaf) => ({
    label: labels.states[leaf] ?? { fa: leaf, en: leaf },
    status: labels.citizenStatus[leaf] as CitizenStatus | undefined,
  }));
  const speaking = entries.length > 1 ? entries.filter((e) => !e.status?.quietInParallel) : entries;
  const chosen = speaking.length ? speaking : entries;
  const statuses = chosen.flatMap((e) => (e.status ? [e.status] : []));
  const label = join(
    chosen.map((e) => e.label),
    SEPARATOR,
  );
  const nexts = statuses.flatMap((s) => (s.next ? [s.next] : []));
  const actor = statuses.find((s) => s.actor)?.actor;
  const actorLabel = actor ? labels.roles[actor] : undefined;
  return {
    label,
    status: {
      phrase: statuses.length ? join(statuses.map((s) => s.phrase), { fa: ' ', en: ' ' }) : label,
      ...(nexts.length ? { next: join(nexts, { fa: ' ', en: ' ' }) } : {}),
      ...(actorLabel ? { actor: actorLabel } : {}),
    },
  };
}
