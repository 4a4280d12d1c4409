/**
 * The citizen-safe status of an incident, built from its history: channel, title, state,
 * reported and restored times, the public messages over time, and whether the restoration
 * target was kept. Staff notes, descriptions, causes, reasons and actor ids are left out.
 */
import type { SlaHistoryEntry } from '../../sla/conditions';
import { RESTORATION_TARGET } from './incident.sla';
import type { IncidentWorkflow } from './incident.workflow';

/** A service incident's public state. */
export type IncidentPublicState = 'reported' | 'investigating' | 'restored' | 'closed' | 'dismissed';

/** The public status page of one channel's incident. */
export interface IncidentPublicStatus {
  /** The affected channel. */
  channel: string;
  /** Public title. */
  title: string;
  /** Public state. */
  state: IncidentPublicState;
  /** When it was reported. */
  reportedAt: Date;
  /** The latest restoration, or null while the service is still down. */
  restoredAt: Date | null;
  /** The latest public message. */
  publicMessage: string;
  /** Each change of state or public message, oldest first. */
  timeline: { at: Date; state: IncidentPublicState; publicMessage: string }[];
  /** The restoration objective, its budget, deadline and whether it was missed. */
  restoration: {
    objective: 'best-effort' | 'committed';
    budgetMs: number | null;
    /** When service should be back (while down). */
    deadline: Date | null;
    missed: boolean;
  };
}

const PUBLIC_STATES = new Set<string>(['reported', 'investigating', 'restored', 'closed', 'dismissed']);

/**
 * The public status of an incident from its history at `now`: state, timeline and restoration deadline; staff
 * notes and descriptions stay out.
 */
export function incidentPublicStatus(workflow: Pick<IncidentWorkflow, 'channel' | 'sla'>, history: readonly SlaHistoryEntry[], now: Date): IncidentPublicStatus {
  const rows = [...history].sort((a, b) => a.seq - b.seq);
  const created = rows[0];
  if (!created || created.eventType !== 'statdesk.create') throw new TypeError('an incident history starts with its creation');
  const input = created.payload as { title: string; publicMessage: string };
  const timeline: IncidentPublicStatus['timeline'] = [];
  let message = input.publicMessage;
  let restoredAt: Date | null = null;
  for (const row of rows) {
    const state = row.toState as IncidentPublicState;
    if (!PUBLIC_STATES.has(state)) continue;
    const said = (row.payload as { publicMessage?: unknown } | null)?.publicMessage;
    if (row !== created && typeof said === 'string') message = said;
    if (state === 'restored' && row.fromState !== 'restored') restoredAt = row.at;
    if (state !== 'restored' && state !== 'closed') restoredAt = null;
    const last = timeline.at(-1);
    if (!last || last.state !== state || last.publicMessage !== message) timeline.push({ at: row.at, state, publicMessage: message });
  }
  const status = workflow.sla.status(rows, now).find((s) => s.target === RESTORATION_TARGET);
  const last = timeline.at(-1)!;
  return {
    channel: workflow.channel,
    title: input.title,
    state: last.state,
    reportedAt: created.at,
    restoredAt,
    publicMessage: message,
    timeline,
    restoration: {
      objective: status?.bestEffort ? 'best-effort' : 'committed',
      budgetMs: status?.budgetMs ?? null,
      deadline: status && status.phase === 'running' ? status.deadline : null,
      missed: status?.breach != null,
    },
  };
}
