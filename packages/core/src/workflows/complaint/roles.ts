/** Who takes part in a message's lifecycle. A portal may rename the roles to match its own. */
export interface ComplaintRoles {
  /** The person who filed the message: the owner role (acts only on their own messages). */
  citizen: string;
  /** Staff who acknowledge, review and answer at stage 1. */
  officer: string;
  /** Staff who review at stage 2 and may do anything an officer does. */
  supervisor: string;
  /** The engine itself (SLA breaches and windows). */
  system: string;
}

/** The default role names: `citizen`, `officer`, `supervisor`, `system`. */
export const DEFAULT_COMPLAINT_ROLES: Readonly<ComplaintRoles> = Object.freeze({
  citizen: 'citizen',
  officer: 'complaints-officer',
  supervisor: 'supervisor',
  system: 'system',
});
