/**
 * Staff alerts: messages to the office's own people — an SLA warning or breach (to the case's
 * assignee and the supervisors), a case assigned to you, new work for a role (a new order, a
 * receipt to verify, a complainant's reply). A definition derives them from each transition with
 * `staffAlerts`; the engine writes them as `staff.notify` outbox rows in the transition's own
 * transaction, so each is sent once per transition whatever the retries, workers and restarts.
 * Recipients are a staff id or a role, resolved through the `StaffDirectory` when sent
 * (`staffAlertHandler`), never stored with the alert.
 */
import type { SnapshotFrom, AnyStateMachine } from 'xstate';
import type { JsonValue } from '../ports/json';
import type { Notifier } from '../ports/notification';
import type { StaffDirectory, StaffMember } from '../ports/staff-directory';
import { ASSIGN_EVENT, type AssignmentChange } from './assignment';
import type { OutboxEffect } from './effects';

/** The outbox effect type of a staff alert. */
export const STAFF_ALERT_EFFECT = 'staff.notify';

/** Who an alert is for: one staff member, or everyone holding a role. */
export type StaffAlertRecipient = { staffId: string } | { role: string };

/** One alert, as a definition derives it and the outbox keeps it. */
export interface StaffAlert {
  /** Everyone it goes to; a person reached twice (assignee and supervisor) gets it once. */
  to: StaffAlertRecipient[];
  /** Template id, e.g. `staff.sla-breach`. */
  template: string;
  /** Template parameters: references only, no personal data. */
  params: Record<string, JsonValue>;
}

/** What `staffAlerts` sees of a transition. */
export interface StaffAlertContext<M extends AnyStateMachine = AnyStateMachine> {
  /** The event written (`statdesk.assign` for an assignment). */
  eventType: string;
  /** Its redacted payload. */
  payload: unknown;
  /** State before (`null` on create). */
  fromState: string | null;
  /** State after. */
  toState: string;
  /** Who acted. */
  actorId: string;
  /** The case's assignee after the transition. */
  assignee: string | null;
  /** The snapshot after the transition. */
  snapshot: SnapshotFrom<M>;
}

/** New work a role (or the assignee) hears about: entering a state, or an event. */
export interface NewWorkAlert {
  /** Alert when the case enters this state… */
  state?: string;
  /** …or when this event is written. */
  event?: string;
  /** Who hears of it. */
  roles: readonly string[];
  /** Tell the assignee instead of the roles when the case has one. */
  preferAssignee?: boolean;
  /** Template id. */
  template: string;
}

/** The alerts every shipped workflow sends (see {@link staffAlertRules}). */
export interface StaffAlertRules<M extends AnyStateMachine = AnyStateMachine> {
  /** The case's reference as staff know it (an order number, a tracking code); never an id. */
  reference: (snapshot: SnapshotFrom<M>) => string;
  /** Who hears of warnings and breaches besides the assignee. */
  supervisorRoles: readonly string[];
  /** New work worth telling someone about. */
  newWork?: readonly NewWorkAlert[];
}

/**
 * The standard alerts: an SLA warning (`staff.sla-warning`) or breach (`staff.sla-breach`) to the
 * assignee and the supervisors; `staff.case-assigned` to whoever was given the case by someone
 * else; and the definition's new-work alerts.
 */
export function staffAlertRules<M extends AnyStateMachine>(rules: StaffAlertRules<M>): (context: StaffAlertContext<M>) => StaffAlert[] {
  return (context) => {
    const caseRef = rules.reference(context.snapshot);
    const alerts: StaffAlert[] = [];
    const sla = context.payload as { kind?: unknown; policy?: unknown } | null;
    if (context.eventType.startsWith('sla.') && sla && typeof sla.policy === 'string' && (sla.kind === 'warning' || sla.kind === 'breach')) {
      alerts.push({
        to: [...(context.assignee ? [{ staffId: context.assignee }] : []), ...rules.supervisorRoles.map((role) => ({ role }))],
        template: sla.kind === 'warning' ? 'staff.sla-warning' : 'staff.sla-breach',
        params: { caseRef },
      });
    }
    if (context.eventType === ASSIGN_EVENT) {
      const { assignee } = context.payload as AssignmentChange;
      if (assignee && assignee !== context.actorId) alerts.push({ to: [{ staffId: assignee }], template: 'staff.case-assigned', params: { caseRef } });
    }
    for (const work of rules.newWork ?? []) {
      const entered = work.state !== undefined && context.toState === work.state && context.fromState !== work.state;
      if (!entered && (work.event === undefined || context.eventType !== work.event)) continue;
      const to = work.preferAssignee && context.assignee ? [{ staffId: context.assignee }] : work.roles.map((role) => ({ role }));
      alerts.push({ to, template: work.template, params: { caseRef } });
    }
    return alerts;
  };
}

/** Options of {@link staffAlertHandler}. */
export interface StaffAlertHandlerOptions {
  /** Resolves staff ids and roles to people. */
  directory: StaffDirectory;
  /** Sends to a staff member: its recipient `profileId` is the staff id (see `staffContacts`). */
  notifier: Notifier;
}

/**
 * The `staff.notify` effect handler: resolves the alert's recipients through the staff directory
 * and sends each person one message (e-mail when they have an address, else SMS) in their
 * language. Each person's message has its own idempotency key, so a retry after a partial failure
 * sends only what is missing.
 */
export function staffAlertHandler(options: StaffAlertHandlerOptions): (effect: OutboxEffect) => Promise<void> {
  return async (effect) => {
    const alert = effect.payload as StaffAlert;
    const people = new Map<string, StaffMember>();
    for (const to of alert.to) {
      const found = 'staffId' in to ? [await options.directory.member(effect.tenantId, to.staffId)] : await options.directory.membersWithRole(effect.tenantId, to.role);
      for (const person of found) if (person && !people.has(person.id)) people.set(person.id, person);
    }
    for (const person of people.values()) {
      if (!person.email && !person.mobile) continue;
      await options.notifier.send({
        recipient: { tenantId: effect.tenantId, profileId: person.id },
        channel: person.email ? 'email' : 'sms',
        template: alert.template,
        params: alert.params,
        language: person.language,
        idempotencyKey: `${effect.idempotencyKey}:${person.id}`,
      });
    }
  };
}

/** The staff directory as a notifier's contact directory: a staff id's official contact is its work address. */
export function staffContacts(directory: StaffDirectory) {
  return {
    async officialContact(tenantId: string, staffId: string) {
      const person = await directory.member(tenantId, staffId);
      if (!person) return undefined;
      return {
        ...(person.email ? { email: person.email } : {}),
        ...(person.mobile ? { mobile: person.mobile } : {}),
        language: person.language,
        displayName: person.displayName,
      };
    },
  };
}
