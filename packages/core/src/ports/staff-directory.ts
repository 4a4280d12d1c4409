/**
 * The staff directory port: who works in an office, under which roles, and how to reach them.
 * Staff alerts (an SLA breach, a case assigned to you, new work for a role) are addressed to a
 * staff id or to a role and resolved through it when the alert is sent, so a changed address or
 * a new colleague in a role takes effect at once.
 *
 * Contract (checked by `describeStaffDirectoryConformance` from `@statdesk/testing/conformance`):
 * - every read is scoped by tenant; another tenant's member looks like no member (`undefined`);
 * - `membersWithRole` returns active members holding the role, ordered by id, at most 200;
 * - `putMember` inserts or replaces a member by id; `removeMember` deletes it (unknown ids are ignored);
 * - returned members are copies; contacts are personal data: an adapter keeps them out of logs
 *   and plain columns.
 */
import type { Language } from './notification';

/** One staff member. */
export interface StaffMember {
  /** The member's id: the actor id they sign in with. */
  id: string;
  /** How to address them in a message. */
  displayName: string;
  /** The roles they act under. */
  roles: string[];
  /** Work e-mail address. */
  email?: string;
  /** Iranian mobile, normalised: 09xxxxxxxxx. */
  mobile?: string;
  /** The language they read alerts in. */
  language: Language;
}

/** Reads and writes of the staff directory (see the module contract). */
export interface StaffDirectory {
  /** The member, or `undefined`. */
  member(tenantId: string, staffId: string): Promise<StaffMember | undefined>;
  /** Members holding `role`, ordered by id, at most 200. */
  membersWithRole(tenantId: string, role: string): Promise<StaffMember[]>;
  /** Insert or replace a member. */
  putMember(tenantId: string, member: StaffMember): Promise<void>;
  /** Remove a member; unknown ids are ignored. */
  removeMember(tenantId: string, staffId: string): Promise<void>;
}
