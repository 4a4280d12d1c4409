/**
 * One place a portal asks for what people read: the label of a workflow's state, event, role or
 * history entry, the citizen's status, and the shared labels (SLA, tariff levels, receipts…).
 * Built from the shipped label sets; a portal passes its overrides and its own workflows' labels.
 */
import type { StateValue } from 'xstate';
import type { LocalizedText } from '../tariffs/localized-text';
import { complaintLabels } from '../workflows/complaint/labels';
import { incidentLabels } from '../workflows/incident/labels';
import { informationOrderLabels } from '../workflows/information-order/labels';
import { shopOrderLabels } from '../workflows/shop-order/labels';
import { paymentLabels } from '../payments/labels';
import { ENGINE_HISTORY_LABELS } from './common-labels';
import type { Language } from '../ports/notification';
import { describeState, stateLeaves } from './describe-state';
import { overrideLabels, type WorkflowLabelOverrides, type WorkflowLabels } from './workflow-labels';

/** The label sets statdesk ships, by workflow name (incident workflows are named `incident-<channel>`). */
export const SHIPPED_WORKFLOW_LABELS: Readonly<Record<string, WorkflowLabels>> = Object.freeze({
  'information-order': informationOrderLabels,
  'shop-order': shopOrderLabels,
  complaint: complaintLabels,
  incident: incidentLabels,
  payment: paymentLabels,
});

/** A citizen's status in one language: what the portal prints. */
export interface CitizenStatusText {
  /** One phrase (several parallel regions' phrases joined). */
  phrase: string;
  /** What happens next, when the label set says. */
  next?: string;
  /** Who acts next, as a role label. */
  actor?: string;
}

/** Options of {@link createLabelCatalogue}. */
export interface LabelCatalogueOptions {
  /** Label sets of the portal's own workflows, or replacements of shipped ones, by workflow name. */
  workflows?: Record<string, WorkflowLabels>;
  /** Changes to any label set, by workflow name (or `incident` for every incident workflow). */
  overrides?: Record<string, WorkflowLabelOverrides>;
  /** Labels of history entries the engine or the portal writes outside any workflow's events. */
  history?: Record<string, LocalizedText>;
}

/** Labels for people, per workflow and language. */
export interface LabelCatalogue {
  /** The label set of a workflow (incident channels share `incident`'s); undefined when none. */
  labelsOf(workflow: string): WorkflowLabels | undefined;
  /** The workflow's name. */
  workflow(workflow: string, language: Language): string;
  /** A state (a state value, or its string form with `|` between parallel leaves). */
  state(workflow: string, state: StateValue, language: Language): string;
  /** An event type. */
  event(workflow: string, eventType: string, language: Language): string;
  /** A role. */
  role(workflow: string, role: string, language: Language): string;
  /** A history entry's kind: the engine's own kinds, SLA events, or the workflow's events. */
  historyEntry(workflow: string, eventType: string, language: Language): string;
  /** What a citizen reads about a case in `state`. */
  citizenStatus(workflow: string, state: StateValue, language: Language): CitizenStatusText;
  /** True when every identifier given has a label (portals use it in tests). */
  has(workflow: string, kind: 'states' | 'events' | 'roles', id: string): boolean;
}

/** Labels statdesk ships with a portal's additions and overrides applied. */
export function createLabelCatalogue(options: LabelCatalogueOptions = {}): LabelCatalogue {
  const sets: Record<string, WorkflowLabels> = { ...SHIPPED_WORKFLOW_LABELS, ...options.workflows };
  for (const [name, change] of Object.entries(options.overrides ?? {})) {
    const base = sets[name];
    if (base) sets[name] = overrideLabels(base, change);
  }
  const history = { ...ENGINE_HISTORY_LABELS, ...options.history };
  const labelsOf = (workflow: string): WorkflowLabels | undefined => sets[workflow] ?? (workflow.startsWith('incident-') ? sets.incident : undefined);
  // Unknown ids are returned as they are: the label-completeness tests are what keep them away.
  const pick = (text: LocalizedText | undefined, language: Language, id: string) => text?.[language] ?? id;

  const catalogue: LabelCatalogue = {
    labelsOf,
    workflow: (workflow, language) => pick(labelsOf(workflow)?.workflow, language, workflow),
    state(workflow, state, language) {
      const labels = labelsOf(workflow);
      return labels ? describeState(labels, state).label[language] : stateLeaves(state).join('|');
    },
    event: (workflow, eventType, language) => pick(labelsOf(workflow)?.events[eventType] ?? history[eventType], language, eventType),
    role: (workflow, role, language) => pick(labelsOf(workflow)?.roles[role], language, role),
    historyEntry: (workflow, eventType, language) => pick(history[eventType] ?? labelsOf(workflow)?.events[eventType], language, eventType),
    citizenStatus(workflow, state, language) {
      const labels = labelsOf(workflow);
      if (!labels) return { phrase: stateLeaves(state).join('|') };
      const { status } = describeState(labels, state);
      return {
        phrase: status.phrase[language],
        ...(status.next ? { next: status.next[language] } : {}),
        ...(status.actor ? { actor: status.actor[language] } : {}),
      };
    },
    has: (workflow, kind, id) => labelsOf(workflow)?.[kind][id] !== undefined,
  };
  return catalogue;
}
