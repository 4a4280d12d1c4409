/**
 * Assignment of an open case to one staff member, for every workflow: claim, assign, reassign and
 * unassign are one engine command (`desk.assign`) written as a `statdesk.assign` history row, so
 * workflows need no assignment states of their own and the audit trail shows every hand-over.
 *
 * Who may do what:
 * - a staff member whose role may act on the case now may claim it (assign themselves) while it
 *   is unassigned, and give back (unassign) a case assigned to them;
 * - a holder of one of the definition's `assignRoles` (a supervisor) may assign anyone, reassign
 *   and unassign.
 */
import { NotAllowedError, ValidationError } from '../errors';
import type { DerivedHistoryEntry } from './definition';
import type { Actor } from './actor';

/** The history event type of an assignment change. */
export const ASSIGN_EVENT = 'statdesk.assign';

/** The payload of a `statdesk.assign` history row. */
export interface AssignmentChange {
  /** Who has the case now (`null`: nobody). */
  assignee: string | null;
  /** Who had it before. */
  previous: string | null;
}

/** The latest assignment recorded in history: a staff id, `null` (unassigned), or `undefined` when never assigned this way. */
export function assigneeFromHistory(history: readonly DerivedHistoryEntry[]): string | null | undefined {
  for (let i = history.length - 1; i >= 0; i--) {
    const row = history[i]!;
    if (row.eventType === ASSIGN_EVENT) return ((row.payload as AssignmentChange | null)?.assignee ?? null) as string | null;
  }
  return undefined;
}

/** The assignee as given, or a `ValidationError` naming `assignee`. */
export function checkAssignee(assignee: unknown): string | null {
  if (assignee === null) return null;
  if (typeof assignee !== 'string' || !assignee.trim() || assignee.length > 100) {
    throw new ValidationError('assignment', [{ path: 'assignee', message: 'must be a staff id (1 to 100 characters) or null' }]);
  }
  return assignee;
}

/**
 * The role under which `actor` may move the case from `current` to `next`, or `NotAllowedError`.
 * `actRoles` are the staff roles that may act on the case in its state.
 */
export function assignmentRole(
  actor: Actor,
  change: { current: string | null; next: string | null },
  rules: { assignRoles: readonly string[]; actRoles: readonly string[] },
): string {
  const supervising = actor.roles.find((r) => rules.assignRoles.includes(r));
  if (supervising) return supervising;
  const acting = actor.roles.find((r) => rules.actRoles.includes(r));
  const claim = change.next === actor.id && change.current === null;
  const giveBack = change.next === null && change.current === actor.id;
  if (acting && (claim || giveBack)) return acting;
  throw new NotAllowedError(change.next === actor.id ? 'claim a case assigned to someone else' : 'assign a case to someone else', actor.roles);
}
