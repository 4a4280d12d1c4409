/**
 * What can be said to an incident, by whom. Public messages are what citizens read on the status
 * page; staff notes and descriptions never leave the desk, and notes are kept out of history
 * (they may name people).
 */
import { z } from 'zod';

const text = (max: number) => z.string().trim().min(1).max(max);

/** Schema of a new incident: public title and message, staff-only description. */
export const incidentInputSchema = z.strictObject({
  /** Public title, e.g. "Mobile app cannot sign in". */
  title: text(200),
  /** First public message on the status page. */
  publicMessage: text(1000),
  /** Staff-only description (symptoms, systems affected). */
  description: text(4000).optional(),
});

/** The zod schemas of the incident workflow's events. */
export const incidentEventSchemas = {
  acknowledge: z.strictObject({ publicMessage: text(1000).optional() }),
  update: z.strictObject({ publicMessage: text(1000) }),
  note: z.strictObject({ text: text(4000) }),
  restore: z.strictObject({ publicMessage: text(1000).optional(), cause: text(2000).optional() }),
  reopen: z.strictObject({ reason: text(1000), publicMessage: text(1000).optional() }),
  close: z.strictObject({}),
  dismiss: z.strictObject({ reason: text(1000) }),
};

/** A validated new incident. */
export type IncidentInput = z.output<typeof incidentInputSchema>;

/** Who may report, handle and dismiss incidents. */
export interface IncidentRoles {
  /** Who may report an incident (monitoring runs as `system`). Default operator, supervisor, system. */
  reporter: readonly string[];
  /** Who works incidents: acknowledge, update, note, restore, reopen, close. Default operator, supervisor. */
  operator: readonly string[];
  /** Who may dismiss a report as not an incident, and reads every incident. Default supervisor. */
  supervisor: readonly string[];
}

/** The default incident roles. */
export const DEFAULT_INCIDENT_ROLES: IncidentRoles = {
  reporter: ['operator', 'supervisor', 'system'],
  operator: ['operator', 'supervisor'],
  supervisor: ['supervisor'],
};
