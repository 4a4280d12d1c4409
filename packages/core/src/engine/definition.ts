/**
 * A workflow definition: an XState v5 machine plus what the engine needs to run it safely —
 * per event, a zod schema and the roles that may send it; who may start and read instances;
 * a version; migrations from older versions.
 */
import type { AnyStateMachine, EventFromLogic, InputFrom, SnapshotFrom } from 'xstate';
import type { z } from 'zod';
import { DefinitionError } from '../errors';
import type { InstanceKey, InstanceRef } from '../ports/storage';
import type { WorkItemSlaCondition } from '../ports/work-items';
import type { StaffAlert, StaffAlertContext } from './staff-alerts';
import type { Actor } from './actor';

type MachineEvent<M extends AnyStateMachine> = EventFromLogic<M>;
/** Event types a sender can name: XState's own (`xstate.*`) are the engine's. */
export type ExternalEventType<M extends AnyStateMachine> = Exclude<MachineEvent<M>['type'], `xstate.${string}`>;
type EventFields<M extends AnyStateMachine, K extends string> = Omit<Extract<MachineEvent<M>, { type: K }>, 'type'>;

/**
 * What an `enrich` step may consult: lookups by instance key and the portal's services (a
 * catalogue, a profile store…), inside the command's transaction. It must have no side effects:
 * a command may be retried.
 */
export interface EnrichContext {
  /** The tenant of the command. */
  tenantId: string;
  /** The instance the event goes to; for `create`, the id it will get. */
  instanceId: string;
  /** Who sends the event. */
  actor: Actor;
  /** The command's instant (UTC), from the desk clock. */
  now: Date;
  /** The machine's current context (for `create`: undefined). */
  context: unknown;
  /** Instances of this tenant holding a lookup key, e.g. to detect a duplicate order. */
  findInstancesByKey(name: string, value: string): Promise<InstanceRef[]>;
  /** `DeskOptions.services`, as the portal passed them. */
  services: Readonly<Record<string, unknown>>;
}

/**
 * Server-side facts added to a validated event before the machine sees it (a receipt's
 * duplicates on other orders, a product's current price). What it returns overrides the
 * sender's fields of the same name, so a client can never supply them.
 */
export type Enricher<TFields> = (fields: TFields, context: EnrichContext) => Promise<Partial<TFields>> | Partial<TFields>;

/**
 * How an external event is accepted: its field schema, who may send it, what is personal, and the server-side
 * facts added to it.
 */
export interface EventSpec<TFields = Record<string, unknown>> {
  /** The event's fields other than `type` (an object schema); omit for events without fields. */
  schema?: z.ZodType<TFields>;
  /** Roles allowed to send it. `system` is the engine itself (timers, SLA escalations). */
  roles: readonly string[];
  /**
   * Sent only by the engine (SLA warnings and breaches, timers, a payment reconciler): the HTTP
   * API publishes no route for it and `desk.send` refuses it from every actor but `systemActor`,
   * whatever roles the actor claims.
   */
  internal?: boolean;
  /** Dotted paths of personal fields, dropped before the event reaches history. */
  personal?: readonly string[];
  /** What the event means, for docs and the OpenAPI document. */
  description?: string;
  /**
   * Adds server-side fields (a price from the catalogue, a quote from the tariff book) that the client cannot
   * supply.
   */
  enrich?: Enricher<TFields>;
}

/**
 * How an instance is started: the input schema, who may start one, what is personal, and server-side facts
 * added to the input.
 */
export interface CreateSpec<TInput = unknown> {
  /** Schema of the start input; omit for machines without input. */
  schema?: z.ZodType<TInput>;
  /** Roles allowed to start an instance. */
  roles: readonly string[];
  /** Dotted paths of personal fields in the input, dropped before it reaches history. */
  personal?: readonly string[];
  /** Adds server-side fields to the input before the machine sees it. */
  enrich?: Enricher<TInput>;
}

/** XState's persisted snapshot as the engine stores it (decoded). */
export type PersistedWorkflowSnapshot = Record<string, unknown> & { value: unknown; context?: unknown; status?: string };

/** Moves a persisted snapshot from an older definition version to this one; must be pure. */
export type SnapshotMigration = (snapshot: PersistedWorkflowSnapshot) => PersistedWorkflowSnapshot;

/** What a definition's `view` receives to decide what a reader sees. */
export interface ViewArgs<M extends AnyStateMachine> {
  /** The instance's current snapshot. */
  snapshot: SnapshotFrom<M>;
  /** Who is reading. */
  actor: Actor;
  /** True when the reader owns the instance (e.g. the citizen who filed it). */
  isOwner: boolean;
}

/** A timer the definition derives from an instance's history (SLA warnings and breaches). */
export interface DerivedTimer {
  /** Unique per instance among derived timers, e.g. `sla.quote.breach`. */
  key: string;
  /** When it fires (UTC). */
  dueAt: Date;
  /** The event delivered when it fires. */
  event: { type: string } & Record<string, unknown>;
}

/** What `derivedTimers` receives after every transition. */
export interface DerivedTimerContext<M extends AnyStateMachine = AnyStateMachine> {
  /** The instance's tenant. */
  tenantId: string;
  /** The instance's id. */
  instanceId: string;
  /** The whole history, including the row being written, oldest first. */
  history: readonly DerivedHistoryEntry[];
  /** The snapshot after the transition. */
  snapshot: SnapshotFrom<M>;
  /** The transition's instant (UTC). */
  now: Date;
}

/** A history row as a derived-timer planner sees it (payload decoded). */
export interface DerivedHistoryEntry {
  /** Position in the instance's history, from 1. */
  seq: number;
  /** When it was written (UTC). */
  at: Date;
  /** The role the actor acted under. */
  actorRole: string;
  /** The event that caused it. */
  eventType: string;
  /** State before (`null` for the creating row). */
  fromState: string | null;
  /** State after. */
  toState: string;
  /** The redacted event payload. */
  payload: unknown;
}

/**
 * What a workflow tells staff work queues about an open instance, derived after every
 * transition (see `WorkflowSpec.workItem`). Missing fields mean: unassigned, not escalated, no SLA.
 */
export interface WorkItemFacts {
  /** The staff member the case is assigned to. */
  assignee?: string | null;
  /** Whether the case sits in a supervisor's escalation queue. */
  escalated?: boolean;
  /** The SLA condition and its deadline at the transition's instant (the SLA layer fills it in). */
  sla?: { condition: WorkItemSlaCondition; dueAt: Date | null };
}

/** A lookup key the definition derives from a snapshot; `unique` defaults to false. */
export type InstanceKeySpec = Omit<InstanceKey, 'unique'> & { unique?: boolean };

/**
 * What {@link defineWorkflow} takes: an XState machine plus everything the engine needs to run it durably —
 * event roles and schemas, ownership, views, migrations, derived timers, lookup keys.
 */
export interface WorkflowSpec<M extends AnyStateMachine> {
  /** Stable name, e.g. `information-order`. */
  name: string;
  /** This definition's version; instances stay on the version they started with. */
  version: string;
  /** The XState v5 machine; its context must be JSON-serialisable (bigint and Date are encoded). */
  machine: M;
  /**
   * Every event a client may send, with its schema and roles. Events the machine only receives from timers
   * are not listed.
   */
  events: { [K in ExternalEventType<M>]: EventSpec<EventFields<M, K>> };
  /** How an instance is started. */
  create: CreateSpec<InputFrom<M>>;
  /**
   * Roles that act only on their own records (the citizen): an actor using one of them may
   * send events to, and read, only instances whose owner it is. The creator becomes the owner
   * when it starts the instance under one of these roles.
   */
  ownerRoles?: readonly string[];
  /** Roles that may read any instance of this workflow (staff). Owners always read their own. */
  readRoles?: readonly string[];
  /** What a reader sees; defaults to the state and the whole context. */
  view?: (args: ViewArgs<M>) => unknown;
  /** Functions that move a snapshot from an older version (the key) to this one. */
  migrations?: Readonly<Record<string, SnapshotMigration>>;
  /** Roles allowed to migrate an instance to this version; default `system`. */
  migrateRoles?: readonly string[];
  /**
   * Timers derived from history after every transition (the SLA layer plugs in here). The
   * engine keeps the instance's derived timers equal to what this returns: new ones are
   * scheduled, changed ones moved, missing ones cancelled. It must be a pure function.
   */
  derivedTimers?: (context: DerivedTimerContext<M>) => readonly DerivedTimer[];
  /**
   * Timer event types written to history even when the machine does not react to them (an SLA
   * warning is a fact worth keeping whether or not the workflow escalates on it).
   */
  recordedEvents?: readonly string[];
  /**
   * Lookup keys of an instance, recomputed after every transition (codes to find it by, facts to
   * detect duplicates with). Unique keys are enforced by storage: a clash is a `ConflictError`
   * with `details.entity === 'instance-key'`, and nothing is written.
   */
  keys?: (snapshot: SnapshotFrom<M>) => readonly InstanceKeySpec[];
  /**
   * The notification templates this workflow's `notify` effects name. `createDesk` checks each
   * against the notifier's templates, so a template the notifier does not know stops the desk at
   * start-up instead of dead-lettering the message after the command succeeded.
   */
  notifications?: readonly string[];
  /**
   * The instance's line in staff work queues (assignee, escalation, SLA), recomputed after every
   * transition of an open instance and written in the same transaction. Must be pure.
   */
  workItem?: (context: DerivedTimerContext<M>) => WorkItemFacts;
  /**
   * Roles that may assign a case to any staff member, reassign and unassign it (`desk.assign`);
   * staff who may act on a case may claim it while unassigned. Naming none (the default) turns
   * assignment off for the workflow.
   */
  assignRoles?: readonly string[];
  /**
   * Alerts to staff derived from each transition (see `staffAlertRules`), written as
   * `staff.notify` outbox rows in the same transaction. Must be pure.
   */
  staffAlerts?: (context: StaffAlertContext<M>) => readonly StaffAlert[];
}

/**
 * A validated workflow definition, as the desk registers it. Build one with {@link defineWorkflow}, change
 * one with {@link customiseWorkflow}.
 */
export interface WorkflowDefinition<M extends AnyStateMachine = AnyStateMachine> {
  /** Stable name, e.g. `information-order`. */
  readonly name: string;
  /** This definition's version. */
  readonly version: string;
  /** The XState machine. */
  readonly machine: M;
  /** External events by type. */
  readonly events: Readonly<Record<string, EventSpec<unknown>>>;
  /** How an instance is started. */
  readonly create: CreateSpec<unknown>;
  /** Roles that act only on their own records. */
  readonly ownerRoles: readonly string[];
  /** Roles that may read any instance. */
  readonly readRoles: readonly string[];
  /** What a reader sees. */
  readonly view?: (args: ViewArgs<M>) => unknown;
  /** Migrations into this version, keyed by the version they start from. */
  readonly migrations: Readonly<Record<string, SnapshotMigration>>;
  /** Roles allowed to migrate an instance to this version. */
  readonly migrateRoles: readonly string[];
  /** Timers derived from history (SLA). */
  readonly derivedTimers?: (context: DerivedTimerContext<M>) => readonly DerivedTimer[];
  /** Timer event types kept in history even when the machine ignores them. */
  readonly recordedEvents: readonly string[];
  /** Lookup keys of an instance. */
  readonly keys?: (snapshot: SnapshotFrom<M>) => readonly InstanceKeySpec[];
  /** The notification templates its `notify` effects name (checked by `createDesk`). */
  readonly notifications?: readonly string[];
  /** The instance's line in staff work queues. */
  readonly workItem?: (context: DerivedTimerContext<M>) => WorkItemFacts;
  /** Roles that may assign, reassign and unassign any case. */
  readonly assignRoles: readonly string[];
  /** Alerts to staff derived from each transition. */
  readonly staffAlerts?: (context: StaffAlertContext<M>) => readonly StaffAlert[];
}

const NAME = /^[a-z][a-z0-9-]*$/;

/**
 * Checks a workflow spec (kebab-case name, events the machine handles, roles, schemas) and returns the
 * definition the desk runs. Throws `DefinitionError` naming what is wrong.
 */
export function defineWorkflow<M extends AnyStateMachine>(spec: WorkflowSpec<M>): WorkflowDefinition<M> {
  if (!NAME.test(spec.name)) throw new DefinitionError(`Workflow name "${spec.name}" must be kebab-case (a-z, 0-9, -)`);
  if (!spec.version.trim()) throw new DefinitionError(`Workflow "${spec.name}" needs a version`);
  const events = spec.events as Record<string, EventSpec<unknown>>;
  for (const [type, event] of Object.entries(events)) {
    if (type.startsWith('xstate.') || type.startsWith('statdesk.')) {
      throw new DefinitionError(`Workflow "${spec.name}": event type "${type}" is reserved`);
    }
    if (!event.roles.length) throw new DefinitionError(`Workflow "${spec.name}": event "${type}" names no role that may send it`);
  }
  if (!spec.create.roles.length) throw new DefinitionError(`Workflow "${spec.name}": create names no role`);
  return Object.freeze({
    name: spec.name,
    version: spec.version,
    machine: spec.machine,
    events: Object.freeze({ ...events }),
    create: spec.create as CreateSpec<unknown>,
    ownerRoles: Object.freeze([...(spec.ownerRoles ?? [])]),
    readRoles: Object.freeze([...(spec.readRoles ?? [])]),
    ...(spec.view ? { view: spec.view } : {}),
    migrations: Object.freeze({ ...(spec.migrations ?? {}) }),
    migrateRoles: Object.freeze([...(spec.migrateRoles ?? ['system'])]),
    ...(spec.derivedTimers ? { derivedTimers: spec.derivedTimers } : {}),
    recordedEvents: Object.freeze([...(spec.recordedEvents ?? [])]),
    ...(spec.keys ? { keys: spec.keys } : {}),
    ...(spec.notifications ? { notifications: Object.freeze([...spec.notifications]) } : {}),
    ...(spec.workItem ? { workItem: spec.workItem } : {}),
    assignRoles: Object.freeze([...(spec.assignRoles ?? [])]),
    ...(spec.staffAlerts ? { staffAlerts: spec.staffAlerts } : {}),
  });
}

/** What {@link customiseWorkflow} changes in a shipped workflow. */
export interface Customisation<M extends AnyStateMachine> {
  /** The customised definition's own version, e.g. `1.0.0+sci-tehran`. Must differ from the base. */
  version: string;
  /** Guards, actions, delays… replaced through XState's `machine.provide`. */
  provide?: Parameters<M['provide']>[0];
  /** Per-event role changes, e.g. let a supervisor also verify receipts. */
  roles?: Partial<Record<ExternalEventType<M>, readonly string[]>>;
  /** Migrations into the customised version (e.g. from the base version). */
  migrations?: Readonly<Record<string, SnapshotMigration>>;
}

/**
 * The same workflow with a portal's own rules. The result has its own version, so instances
 * that started on the base keep running on the base.
 */
export function customiseWorkflow<M extends AnyStateMachine>(
  base: WorkflowDefinition<M>,
  change: Customisation<M>,
): WorkflowDefinition<M> {
  if (change.version === base.version) {
    throw new DefinitionError(`A customised "${base.name}" needs its own version (base is ${base.version})`);
  }
  const events: Record<string, EventSpec<unknown>> = { ...base.events };
  for (const [type, roles] of Object.entries(change.roles ?? {}) as [string, readonly string[]][]) {
    const event = events[type];
    if (!event) throw new DefinitionError(`Workflow "${base.name}" has no event "${type}" to change roles of`);
    events[type] = { ...event, roles };
  }
  const machine = (change.provide ? base.machine.provide(change.provide as never) : base.machine) as M;
  return defineWorkflow({
    ...base,
    version: change.version,
    machine,
    events: events as WorkflowSpec<M>['events'],
    create: base.create as WorkflowSpec<M>['create'],
    migrations: { ...base.migrations, ...change.migrations },
  });
}
