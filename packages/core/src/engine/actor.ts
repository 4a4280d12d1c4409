/** Who sends a command. The portal identifies people; statdesk only checks roles. */
export interface Actor {
  id: string;
  roles: readonly string[];
}

/** The role the engine acts under for timers, SLA escalations and migrations. */
export const SYSTEM_ROLE = 'system';
export const systemActor: Actor = Object.freeze({ id: 'system', roles: Object.freeze([SYSTEM_ROLE]) });
