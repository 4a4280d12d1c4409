/** Who sends a command. The portal identifies people; statdesk only checks roles. */
export interface Actor {
  /** The person's (or service's) id in the portal; recorded in history as who acted. */
  id: string;
  /** The roles the portal granted for this request; every event checks them against its allowed roles. */
  roles: readonly string[];
}

/** The role the engine acts under for timers, SLA escalations and migrations. */
export const SYSTEM_ROLE = 'system';
/** The actor the engine uses for timers, SLA escalations and migrations. */
export const systemActor: Actor = Object.freeze({ id: 'system', roles: Object.freeze([SYSTEM_ROLE]) });
