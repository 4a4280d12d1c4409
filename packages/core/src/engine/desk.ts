/**
 * The desk: the engine a portal embeds. Every change goes through one command pipeline —
 * load → validate → authorise → pure `transition()` → one atomic write (snapshot by
 * compare-and-set, history row, timers, outbox rows, idempotency key) → dispatch the outbox
 * after commit. Timers are rows delivered through the same pipeline, so restarts and extra
 * worker processes change nothing.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { AnyEventObject, AnyMachineSnapshot } from 'xstate';
import type { z } from 'zod';
import { issueFromZod } from '../zod-issue';
import {
  ConflictError,
  DefinitionError,
  DuplicateCommandError,
  InvalidTransitionError,
  NotAllowedError,
  NotFoundError,
  ValidationError,
  isStatdeskError,
  type ValidationIssue,
} from '../errors';
import { systemClock, type Clock } from '../ports/clock';
import type { FileStore } from '../ports/files';
import type { JsonValue } from '../ports/json';
import type { Notifier } from '../ports/notification';
import type { BusinessCalendar } from '../calendar/calendar.schema';
import type { PaymentGateway } from '../ports/payment';
import type {
  HistoryRecord,
  InstanceRecord,
  InstanceRef,
  InstanceStatus,
  OutboxRecord,
  Page,
  Storage,
  StorageTransaction,
  TimerRecord,
} from '../ports/storage';
import { SYSTEM_ROLE, systemActor, type Actor } from './actor';
import { backoffDelay } from './backoff';
import { CalendarWatch, deskCalendars } from './calendar-watch';
import { checkNotificationTemplates } from './notification-templates-check';
import type { DerivedHistoryEntry, EventSpec, PersistedWorkflowSnapshot, WorkflowDefinition } from './definition';
import type { SlaBinding } from '../sla/with-sla';
import { workItemOrder, type WorkItemRecord } from '../ports/work-items';
import { ASSIGN_EVENT, assigneeFromHistory, assignmentRole, checkAssignee, type AssignmentChange } from './assignment';
import { STAFF_ALERT_EFFECT, staffAlertHandler } from './staff-alerts';
import type { StaffDirectory } from '../ports/staff-directory';
import { toWorkQueuePage, workQueueStorageQuery, type WorkQueueItem, type WorkQueueQuery } from './work-queue';
import type { NotifyEffect, OutboxEffect } from './effects';
import { GENESIS_HASH, hashHistory, verifyHistoryChain, type HistoryVerification } from './history-chain';
import { canonicalJson, decodeJson, encodeJson } from './json-codec';
import { redactPersonalData } from './redaction';
import { WorkflowRegistry } from './registry';
import { stateToString } from './state-value';
import { handlesEventType } from './handles-event';
import { declaredEvent, isEngineActor } from './event-types';
import { planTransition } from './transition-plan';
import { initialMachineTransition, restoreMachineSnapshot, transitionMachine } from './pure-machine';

/**
 * Where the desk reports problems it handles itself (a failed effect, a stuck timer). Messages and fields
 * never contain personal data.
 */
export interface Logger {
  /** Something went wrong and will be retried or was skipped. */
  warn(message: string, fields?: Record<string, unknown>): void;
  /** Something failed for good (a dead-lettered effect, an unexpected error in a worker). */
  error(message: string, fields?: Record<string, unknown>): void;
}

/** Runs one outbox effect. Throw to have it retried with backoff. */
export type EffectHandler = (effect: OutboxEffect, context: EffectContext) => Promise<void>;

/** What an effect handler gets besides the effect: the desk's clock and its adapters. */
export interface EffectContext {
  /** The desk's clock. */
  clock: Clock;
  /** The desk's notifier, if configured. */
  notifier?: Notifier;
  /** The desk's payment gateway, if configured. */
  payments?: PaymentGateway;
  /** The desk's file store, if configured. */
  files?: FileStore;
}

/** Options of {@link createDesk}: storage, the workflows, adapters, and how the outbox and timers run. */
export interface DeskOptions {
  /** Where instances, history, timers, the outbox and command results are kept. */
  storage: Storage;
  /** Every workflow definition (and older versions still running) the desk serves. */
  workflows: readonly WorkflowDefinition[];
  /** Which registered version new instances start on, by workflow name (default: last registered). */
  currentVersions?: Readonly<Record<string, string>>;
  /** The clock commands and timers read (default the system clock; tests pass a `TestClock`). */
  clock?: Clock;
  /** Delivers `notify` effects. */
  notifier?: Notifier;
  /** The payment gateway effect handlers may use. */
  payments?: PaymentGateway;
  /** The file store effect handlers and enrich steps may use. */
  files?: FileStore;
  /**
   * Staff alerts (SLA warnings and breaches, new work, assignments; see `staff-alerts.ts`): the
   * directory that resolves staff ids and roles to people, and the notifier that reaches them
   * (default `notifier`). Without it, definitions' `staffAlerts` are not written.
   */
  staffAlerts?: { directory: StaffDirectory; notifier?: Notifier };
  /** Handlers by effect type; `notify` is built in (it needs `notifier`). */
  effects?: Readonly<Record<string, EffectHandler>>;
  /** Where problems are logged (default the console). */
  logger?: Logger;
  /**
   * Calendars whose holiday years the worker watches (besides those bound to the workflows' SLA):
   * a Solar Hijri year without holidays, now or within 60 days, is logged as `holidays-not-loaded`.
   */
  calendars?: readonly BusinessCalendar[];
  /**
   * How often a command that lost a compare-and-set race is retried from a fresh load before
   * `ConflictError` reaches the caller. Commands with `expectedVersion` are never retried.
   */
  conflictRetries?: number;
  /**
   * Outbox delivery: attempts before dead-lettering, backoff delays (ms), the claim lease (ms), batch size,
   * and what happens right after a commit.
   */
  outbox?: {
    maxAttempts?: number;
    baseDelayMs?: number;
    maxDelayMs?: number;
    leaseMs?: number;
    batchSize?: number;
    /**
     * Rows claimed under one lease (default 10). A row starts only while at least half the lease
     * is left, its lease renewed first when less is: keep `leaseMs` at least twice the slowest
     * effect's timeout (default 60 s), whatever the batch.
     */
    claimSize?: number;
    /** After a commit: dispatch in the background (default), wait for it, or leave it to workers. */
    afterCommit?: 'background' | 'await' | 'off';
  };
  /**
   * Timer delivery: the claim lease (ms), how many due timers one run claims, and how many are delivered per
   * transaction.
   */
  timers?: {
    leaseMs?: number;
    /** How many due timers one `runDueTimers` claims (default 100). */
    batchSize?: number;
    /**
     * How many claimed timers are delivered in one storage transaction (default 50; 1 delivers
     * each on its own). A batch that conflicts or throws is rolled back and its timers are
     * delivered one by one, so one bad timer delays the others a little but never blocks them.
     * Larger batches cost fewer commits but hold their instances' row locks longer.
     */
    deliveriesPerTransaction?: number;
  };
  /** Services the definitions' `enrich` steps may consult (a catalogue, a profile store…). */
  services?: Readonly<Record<string, unknown>>;
  /** Identifies this process in claims; default a random id. */
  workerId?: string;
  /** Source of randomness for backoff jitter (tests pin it). */
  random?: () => number;
}

/** Starts a workflow instance. */
export interface CreateCommand {
  /** The tenant (office) it belongs to. */
  tenantId: string;
  /** The workflow's name; the instance starts on its current version. */
  workflow: string;
  /** Who starts it; must hold one of the definition's `create.roles`. */
  actor: Actor;
  /** The start input, validated by the definition's schema. */
  input?: unknown;
  /** Choose the instance id (e.g. a portal's order number); default a random UUID. */
  instanceId?: string;
  /** Makes a retried create return the first result instead of starting a second instance. */
  idempotencyKey?: string;
}

/** Sends an event to an instance. */
export interface SendCommand {
  /** The instance's tenant. */
  tenantId: string;
  /** The instance's id. */
  instanceId: string;
  /** Who sends it; must hold one of the event's roles (and own the instance under an owner role). */
  actor: Actor;
  /** The event: `type` plus its fields, validated by the event's schema. */
  event: { type: string } & Record<string, unknown>;
  /** Reject with `ConflictError` unless the instance is still at this version. */
  expectedVersion?: number;
  /** Makes a retried send return the first result instead of applying the event twice. */
  idempotencyKey?: string;
}

/** What a create, send or migrate did: where the instance is now. */
export interface CommandResult {
  /** The instance's tenant. */
  tenantId: string;
  /** The instance's id. */
  instanceId: string;
  /** The workflow's name. */
  workflow: string;
  /** The definition version it runs on. */
  definitionVersion: string;
  /** The state after the command, flattened (`payment.awaitingReceipt`). */
  state: string;
  /** `active`, or `done` in a final state. */
  status: InstanceStatus;
  /** The instance's row version after the command. */
  version: number;
  /** The history row the command wrote. */
  historySeq: number;
  /** True when this is the stored result of an earlier command with the same idempotency key. */
  replayed: boolean;
}

/** An instance as a reader may see it: its record and the definition's view for this reader. */
export interface InstanceView {
  /** The tenant. */
  tenantId: string;
  /** The instance id. */
  id: string;
  /** The workflow's name. */
  workflow: string;
  /** The definition version it runs on. */
  definitionVersion: string;
  /** The current state, flattened. */
  state: string;
  /** `active` or `done`. */
  status: InstanceStatus;
  /** Row version; pass it as `expectedVersion` to act only on what was seen. */
  version: number;
  /** The owning actor (the citizen), if any. */
  ownerId: string | null;
  /** When it was started (UTC). */
  createdAt: Date;
  /** When it last changed (UTC). */
  updatedAt: Date;
  /** The definition's view for this reader (default: `{ value, context }`). */
  data: unknown;
  /** Event types this actor may send in the current state (guards aside: the command decides). */
  availableEvents: string[];
}

/** One row of an instance's history, as readers get it (payload redacted of personal data). */
export interface HistoryEntry {
  /** Position in history, from 1. */
  seq: number;
  /** When (UTC). */
  at: Date;
  /** Who acted. */
  actorId: string;
  /** The role they acted under. */
  actorRole: string;
  /** The event (or `create`). */
  eventType: string;
  /** State before; `null` for the creating row. */
  fromState: string | null;
  /** State after. */
  toState: string;
  /** The definition version that handled it. */
  definitionVersion: string;
  /** The event without its personal fields. */
  payload: unknown;
}

/** What `desk.read` answers: the reader's view, and the instance's history when asked for. */
export interface InstanceReading {
  /** The instance as this actor may see it (what `desk.get` answers). */
  view: InstanceView;
  /** Its history, oldest first (what `desk.history` answers), read without loading the instance again. */
  history(): Promise<HistoryEntry[]>;
}

/** What one `runDueTimers` did. */
export interface TimerRunResult {
  /** Timers whose event was delivered. */
  delivered: number;
  /** Timers consumed without a transition: cancelled meanwhile, delivered by another worker, or stale. */
  skipped: number;
  /** Timers whose delivery failed; they are claimed again after the lease. */
  failed: number;
}

/** What one `dispatchOutbox` did. */
export interface OutboxRunResult {
  /** Effects done. */
  sent: number;
  /** Effects that failed and are scheduled again with backoff. */
  retried: number;
  /** Effects dead-lettered (permanent failure or attempts used up). */
  dead: number;
}

/**
 * The desk: runs workflow instances durably. Every command validates, checks roles, applies the machine, and
 * writes the instance, history, timers and outbox in one transaction; workers deliver timers and effects
 * exactly once.
 */
export interface Desk {
  /** The clock the desk reads. */
  readonly clock: Clock;
  /** The registered workflow definitions. */
  readonly registry: WorkflowRegistry;
  /**
   * Starts an instance; rejects with `ValidationError`, `NotAllowedError` or `DuplicateCommandError`, writing
   * nothing.
   */
  create(command: CreateCommand): Promise<CommandResult>;
  /**
   * Sends an event; rejects with `ValidationError`, `NotAllowedError`, `NotFoundError`,
   * `InvalidTransitionError` or `ConflictError`, writing nothing.
   */
  send(command: SendCommand): Promise<CommandResult>;
  /** An instance as this actor may see it (`NotFoundError` if they may not). */
  get(ref: InstanceRef, actor: Actor): Promise<InstanceView>;
  /** A page of a workflow's instances this actor may see, oldest first. */
  list(query: ListQuery, actor: Actor): Promise<Page<InstanceView>>;
  /**
   * A page of the staff work queue, most urgent first (breached, then nearest deadline): open
   * instances of workflows the actor may read that its roles may act on. `NotAllowedError` for
   * citizens, for a workflow the actor may not read and for a role it does not hold.
   */
  queue(query: WorkQueueQuery, actor: Actor): Promise<Page<WorkQueueItem>>;
  /** The instance's history, oldest first, if this actor may read it. */
  history(ref: InstanceRef, actor: Actor): Promise<HistoryEntry[]>;
  /**
   * `get` and, on demand, `history` from one load of the instance, for readers that show both (a view
   * with its SLA summary). `NotFoundError` if this actor may not read it.
   */
  read(ref: InstanceRef, actor: Actor): Promise<InstanceReading>;
  /** Checks the instance's hash chain (the audit trail) for edits, gaps and truncation. */
  verifyHistory(ref: InstanceRef): Promise<HistoryVerification>;
  /** Instances of this tenant holding a lookup key (no authorisation: for the portal's own lookups). */
  findByKey(tenantId: string, name: string, value: string): Promise<InstanceRef[]>;
  /** Moves an instance to another registered version of its workflow through the definition's migrations. */
  migrate(command: MigrateCommand): Promise<CommandResult>;
  /**
   * Claims, assigns, reassigns or unassigns an open case: a `statdesk.assign` history row and the
   * work item's new assignee, in one transaction. `NotAllowedError` unless the actor may (see
   * `assignment.ts`), `ValidationError` for a bad assignee, `InvalidTransitionError` for a closed case.
   */
  assign(command: AssignCommand): Promise<CommandResult>;
  /**
   * Writes the work item of every open instance of a tenant from its current state and history,
   * without a transition: for instances started before work queues existed (after upgrading), or
   * to repair. Returns how many it wrote.
   */
  refreshWorkItems(tenantId: string): Promise<number>;
  /** Claims due timers (with a lease) and delivers their events; safe on several processes at once. */
  runDueTimers(options?: { limit?: number }): Promise<TimerRunResult>;
  /** Claims due outbox effects (with a lease) and runs their handlers; failures are retried with backoff. */
  dispatchOutbox(options?: { limit?: number }): Promise<OutboxRunResult>;
  /** Wait for background dispatches started by earlier commands. */
  drain(): Promise<void>;
  /** Run a worker loop (timers and outbox) until `stop()`. */
  start(options?: { pollIntervalMs?: number }): void;
  /** Stops the worker loop and waits for the current round. */
  stop(): Promise<void>;
}

/** Which instances `Desk.list` returns. */
export interface ListQuery {
  /** The tenant. */
  tenantId: string;
  /** The workflow's name. */
  workflow: string;
  /** Only instances in one of these flattened states. */
  states?: readonly string[];
  /** Only active or only done instances. */
  status?: InstanceStatus;
  /** Only instances of this owner. */
  ownerId?: string;
  /** Page size (at most 500). */
  limit?: number;
  /** The previous page's `nextCursor`. */
  cursor?: string;
}

/** Claims, assigns, reassigns or unassigns a case (see `assignment.ts` for who may). */
export interface AssignCommand {
  /** The instance's tenant. */
  tenantId: string;
  /** The instance's id. */
  instanceId: string;
  /** Who assigns. */
  actor: Actor;
  /** The staff member who gets the case (the actor's own id to claim it), or `null` to unassign. */
  assignee: string | null;
  /** Reject with `ConflictError` unless the instance is still at this version. */
  expectedVersion?: number;
  /** Makes a retried assignment return the first result instead of writing it twice. */
  idempotencyKey?: string;
}

/** Moves an instance to another version of its workflow. */
export interface MigrateCommand {
  /** The instance's tenant. */
  tenantId: string;
  /** The instance's id. */
  instanceId: string;
  /** The registered version to move to. */
  toVersion: string;
  /** Who migrates; must hold one of the target version's `migrateRoles`. */
  actor: Actor;
}

interface Transitioned {
  record: InstanceRecord;
  result: CommandResult;
}

const MAX_LIST_LIMIT = 500;
/** Derived timers live beside XState's own under this key prefix. */
const DERIVED_PREFIX = 'derived:';

/**
 * Creates a desk over a storage and a set of workflow definitions. Call `start()` (or run `runDueTimers` and
 * `dispatchOutbox` yourself) in the processes that act as workers.
 */
export function createDesk(options: DeskOptions): Desk {
  return new DeskEngine(options);
}

class DeskEngine implements Desk {
  readonly clock: Clock;
  readonly registry: WorkflowRegistry;
  private readonly storage: Storage;
  private readonly logger: Logger;
  private readonly effects: Readonly<Record<string, EffectHandler>>;
  private readonly workerId: string;
  private readonly random: () => number;
  private readonly inflight = new Set<Promise<unknown>>();
  private loop?: { stopped: boolean; wake: () => void; done: Promise<void> };
  /** Whether storage transactions offer `takeDueTimers`; learnt on the first batched run. */
  private storageTakesTimers: boolean | undefined;
  /** Logs holiday years missing from the calendars, at the worker's start and on its cycles. */
  private readonly calendarWatch: CalendarWatch;

  constructor(private readonly options: DeskOptions) {
    this.storage = options.storage;
    this.clock = options.clock ?? systemClock;
    this.registry = new WorkflowRegistry(options.workflows, options.currentVersions);
    this.logger = options.logger ?? { warn: (m, f) => console.warn(m, f ?? ''), error: (m, f) => console.error(m, f ?? '') };
    const staff = options.staffAlerts;
    const staffNotifier = staff?.notifier ?? options.notifier;
    if (staff && !staffNotifier) throw new DefinitionError('staffAlerts needs a notifier: pass staffAlerts.notifier or notifier to createDesk');
    this.effects = {
      notify: notifyHandler,
      ...(staff && staffNotifier ? { [STAFF_ALERT_EFFECT]: staffAlertHandler({ directory: staff.directory, notifier: staffNotifier }) } : {}),
      ...options.effects,
    };
    this.workerId = options.workerId ?? `worker-${randomUUID()}`;
    this.random = options.random ?? Math.random;
    checkNotificationTemplates(options.workflows, options.notifier);
    this.calendarWatch = new CalendarWatch(deskCalendars(options.calendars, options.workflows), this.logger);
  }

  // ---------------------------------------------------------------- commands

  async create(command: CreateCommand): Promise<CommandResult> {
    const def = this.registry.latest(command.workflow);
    if (!def) throw new NotFoundError('workflow', command.workflow);
    // Roles before fields: a caller who may not start one learns nothing of the input schema.
    const role = this.authorise(def.create.roles, def, command.actor, `create ${def.name}`, null);
    const input = parseWith(def.create.schema, command.input, `input for "${def.name}"`);
    const ownerId = def.ownerRoles.includes(role) ? command.actor.id : null;
    const instanceId = command.instanceId ?? randomUUID();
    // Only an idempotency key is ever compared with a fingerprint: without one, none is computed.
    const fingerprint =
      command.idempotencyKey === undefined
        ? ''
        : fingerprintOfInput('input', () => ({ kind: 'create', workflow: def.name, input: encodeJson(input), actor: command.actor.id, instanceId: command.instanceId ?? null }));

    return this.execute(command.tenantId, command.idempotencyKey, fingerprint, undefined, async (tx, now) => {
      const enriched = def.create.enrich
        ? { ...(input as object), ...(await def.create.enrich(input, this.enrichContext(tx, command.tenantId, instanceId, command.actor, now, undefined))) }
        : input;
      const [snapshot, actions] = initialTransitionOf(def, enriched);
      const head: InstanceRecord = {
        tenantId: command.tenantId,
        id: instanceId,
        workflow: def.name,
        definitionVersion: def.version,
        state: '',
        status: 'active',
        ownerId,
        snapshot: null,
        version: 0,
        historySeq: 0,
        historyHash: GENESIS_HASH,
        keys: [],
        createdAt: now,
        updatedAt: now,
      };
      const { result } = await this.writeTransition(tx, def, head, snapshot, actions, {
        actor: { id: command.actor.id, role },
        eventType: 'statdesk.create',
        payload: redactPersonalData(enriched ?? null, def.create.personal),
        now,
        insert: true,
      });
      return result;
    });
  }

  async send(command: SendCommand): Promise<CommandResult> {
    const ref = { tenantId: command.tenantId, instanceId: command.instanceId };
    const type = command.event?.type;
    if (typeof type !== 'string' || !type) {
      throw new ValidationError('event', [{ path: 'type', message: 'an event needs a type' }]);
    }
    const fingerprint =
      command.idempotencyKey === undefined ? '' : fingerprintOfInput('event', () => ({ kind: 'send', ...ref, event: encodeJson(command.event), actor: command.actor.id }));
    const retries = command.expectedVersion === undefined ? (this.options.conflictRetries ?? 0) : 0;

    return this.execute(command.tenantId, command.idempotencyKey, fingerprint, retries, async (tx, now) => {
      const record = await tx.loadInstance(ref);
      if (!record) throw new NotFoundError('instance', command.instanceId);
      const def = this.registry.get(record.workflow, record.definitionVersion);
      // Decided before the version, the event type or the fields are looked at, so no answer
      // tells a citizen that someone else's record exists.
      if (hiddenFrom(def, command.actor, record)) throw new NotFoundError('instance', command.instanceId);
      if (command.expectedVersion !== undefined && record.version !== command.expectedVersion) {
        throw new ConflictError(`Instance ${record.id} is at version ${record.version}, not ${command.expectedVersion}`, {
          entity: 'instance',
          id: record.id,
          expectedVersion: command.expectedVersion,
          actualVersion: record.version,
        });
      }
      // Own declarations only: `__proto__` or `toString` is an unknown type, not Object.prototype.
      const spec = declaredEvent(def, type);
      if (!spec) {
        throw new ValidationError(`event for "${def.name}"`, [{ path: 'type', message: `unknown event type "${type}"` }]);
      }
      if (spec.internal && !isEngineActor(command.actor)) {
        throw new NotAllowedError(`send "${type}" to ${def.name}`, command.actor.roles, 'only the engine sends this event');
      }
      const { type: _type, ...fields } = command.event;
      // Roles before fields: a sender who may not send this event learns nothing of its schema.
      const role = this.authorise(spec.roles, def, command.actor, `send "${type}" to ${def.name}`, record);
      let parsed = (parseWith(spec.schema, fields, `event "${type}"`) ?? {}) as Record<string, unknown>;
      if (record.status !== 'active') throw new InvalidTransitionError(type, record.state, record.workflow);
      const snapshot = restoreSnapshot(def, record);
      if (!handlesEventType(snapshot, type)) throw new InvalidTransitionError(type, record.state, record.workflow);
      if (spec.enrich) {
        const context = this.enrichContext(tx, command.tenantId, record.id, command.actor, now, snapshot.context);
        parsed = { ...parsed, ...(await spec.enrich(parsed, context)) };
      }
      const event = { ...parsed, type } as AnyEventObject;
      if (!snapshot.can(event)) throw new InvalidTransitionError(type, record.state, record.workflow);
      const [next, actions] = transitionMachine(def.machine, snapshot, event);
      const { result } = await this.writeTransition(tx, def, record, next, actions, {
        actor: { id: command.actor.id, role },
        eventType: type,
        payload: redactPersonalData(parsed, spec.personal),
        now,
      });
      return result;
    });
  }

  async migrate(command: MigrateCommand): Promise<CommandResult> {
    const ref = { tenantId: command.tenantId, instanceId: command.instanceId };
    return this.execute(command.tenantId, undefined, '', 0, async (tx, now) => {
      const record = await tx.loadInstance(ref);
      if (!record) throw new NotFoundError('instance', command.instanceId);
      const target = this.registry.get(record.workflow, command.toVersion);
      const role = this.authorise(target.migrateRoles, target, command.actor, `migrate ${target.name}`, record);
      const migration = target.migrations[record.definitionVersion];
      if (!migration) {
        throw new DefinitionError(`Workflow "${target.name}" ${target.version} has no migration from version ${record.definitionVersion}`);
      }
      const moved = migration(decodeJson(record.snapshot) as PersistedWorkflowSnapshot);
      const snapshot = restoreMachineSnapshot(target.machine, moved);
      const from = record.definitionVersion;
      const { result } = await this.writeTransition(tx, target, { ...record, definitionVersion: target.version }, snapshot, [], {
        actor: { id: command.actor.id, role },
        eventType: 'statdesk.migrate',
        payload: { fromVersion: from, toVersion: target.version },
        now,
      });
      return result;
    });
  }

  async assign(command: AssignCommand): Promise<CommandResult> {
    const ref = { tenantId: command.tenantId, instanceId: command.instanceId };
    const assignee = checkAssignee(command.assignee);
    const fingerprint = command.idempotencyKey === undefined ? '' : fingerprintOf({ kind: 'assign', ...ref, assignee, actor: command.actor.id });
    return this.execute(command.tenantId, command.idempotencyKey, fingerprint, 0, async (tx, now) => {
      const record = await tx.loadInstance(ref);
      if (!record) throw new NotFoundError('instance', command.instanceId);
      const def = this.registry.get(record.workflow, record.definitionVersion);
      if (hiddenFrom(def, command.actor, record)) throw new NotFoundError('instance', command.instanceId);
      if (command.expectedVersion !== undefined && record.version !== command.expectedVersion) {
        throw new ConflictError(`Instance ${record.id} is at version ${record.version}, not ${command.expectedVersion}`, {
          entity: 'instance',
          id: record.id,
          expectedVersion: command.expectedVersion,
          actualVersion: record.version,
        });
      }
      if (!def.assignRoles.length) throw new NotAllowedError(`assign ${def.name} cases (the workflow names no assignRoles)`, command.actor.roles);
      if (record.status !== 'active') throw new InvalidTransitionError(ASSIGN_EVENT, record.state);
      const snapshot = restoreSnapshot(def, record);
      const current = this.workItemOf(def, record, snapshot, now, await this.derivedHistory(tx, ref));
      const role = assignmentRole(command.actor, { current: current.assignee, next: assignee }, { assignRoles: def.assignRoles, actRoles: current.actRoles });
      const change: AssignmentChange = { assignee, previous: current.assignee };
      const { result } = await this.writeTransition(tx, def, record, snapshot, [], {
        actor: { id: command.actor.id, role },
        eventType: ASSIGN_EVENT,
        payload: change,
        now,
      });
      return result;
    });
  }

  async refreshWorkItems(tenantId: string): Promise<number> {
    let written = 0;
    let cursor: string | undefined;
    do {
      const page = await this.storage.listInstances({ tenantId, status: 'active', limit: 200, ...(cursor ? { cursor } : {}) });
      for (const listed of page.items) {
        const ref = { tenantId, instanceId: listed.id };
        await this.storage.transaction(async (tx) => {
          const record = await tx.loadInstance(ref);
          if (!record || record.status !== 'active') return;
          const def = this.registry.get(record.workflow, record.definitionVersion);
          await tx.putWorkItem(this.workItemOf(def, record, restoreSnapshot(def, record), this.clock.now(), await this.derivedHistory(tx, ref)));
          written++;
        });
      }
      cursor = page.nextCursor;
    } while (cursor);
    return written;
  }

  // ---------------------------------------------------------------- reads

  async get(ref: InstanceRef, actor: Actor): Promise<InstanceView> {
    const record = await this.storage.getInstance(ref);
    if (!record) throw new NotFoundError('instance', ref.instanceId);
    const def = this.registry.get(record.workflow, record.definitionVersion);
    this.authoriseRead(def, actor, record);
    return this.toView(def, record, actor);
  }

  async list(query: ListQuery, actor: Actor): Promise<Page<InstanceView>> {
    const def = this.registry.latest(query.workflow);
    if (!def) throw new NotFoundError('workflow', query.workflow);
    const staff = actor.roles.some((r) => def.readRoles.includes(r));
    const owner = actor.roles.some((r) => def.ownerRoles.includes(r));
    if (!staff && !owner) throw new NotAllowedError(`list ${def.name}`, actor.roles);
    const limit = query.limit ?? 50;
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIST_LIMIT) {
      throw new ValidationError('list query', [{ path: 'limit', message: `must be a whole number from 1 to ${MAX_LIST_LIMIT}` }]);
    }
    if (!staff && query.ownerId !== undefined && query.ownerId !== actor.id) {
      throw new NotAllowedError(`list others' ${def.name}`, actor.roles);
    }
    const page = await this.storage.listInstances({
      tenantId: query.tenantId,
      workflow: query.workflow,
      limit,
      ...(query.states ? { states: query.states } : {}),
      ...(query.status ? { status: query.status } : {}),
      ...(query.cursor ? { cursor: query.cursor } : {}),
      ...(staff ? (query.ownerId !== undefined ? { ownerId: query.ownerId } : {}) : { ownerId: actor.id }),
    });
    return {
      items: page.items.map((record) => this.toView(this.registry.get(record.workflow, record.definitionVersion), record, actor)),
      ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}),
    };
  }

  async queue(query: WorkQueueQuery, actor: Actor): Promise<Page<WorkQueueItem>> {
    return toWorkQueuePage(await this.storage.listWorkItems(workQueueStorageQuery(this.registry, query, actor)));
  }

  async history(ref: InstanceRef, actor: Actor): Promise<HistoryEntry[]> {
    const record = await this.storage.getInstance(ref);
    if (!record) throw new NotFoundError('instance', ref.instanceId);
    this.authoriseRead(this.registry.get(record.workflow, record.definitionVersion), actor, record);
    return this.historyEntries(ref);
  }

  async read(ref: InstanceRef, actor: Actor): Promise<InstanceReading> {
    const record = await this.storage.getInstance(ref);
    if (!record) throw new NotFoundError('instance', ref.instanceId);
    const def = this.registry.get(record.workflow, record.definitionVersion);
    this.authoriseRead(def, actor, record);
    // Authorised on the record just loaded: the history needs no second load.
    return { view: this.toView(def, record, actor), history: () => this.historyEntries(ref) };
  }

  /** History rows as readers get them; the caller has authorised. */
  private async historyEntries(ref: InstanceRef): Promise<HistoryEntry[]> {
    const rows = await this.storage.readHistory(ref);
    return rows.map((row) => ({
      seq: row.seq,
      at: row.at,
      actorId: row.actorId,
      actorRole: row.actorRole,
      eventType: row.eventType,
      fromState: row.fromState,
      toState: row.toState,
      definitionVersion: row.definitionVersion,
      payload: decodeJson(row.payload),
    }));
  }

  async verifyHistory(ref: InstanceRef): Promise<HistoryVerification> {
    const record = await this.storage.getInstance(ref);
    if (!record) throw new NotFoundError('instance', ref.instanceId);
    return verifyHistoryChain(await this.storage.readHistory(ref), record);
  }

  findByKey(tenantId: string, name: string, value: string): Promise<InstanceRef[]> {
    return this.storage.findInstancesByKey(tenantId, name, value);
  }

  // ---------------------------------------------------------------- timers

  async runDueTimers(options: { limit?: number } = {}): Promise<TimerRunResult> {
    const result: TimerRunResult = { delivered: 0, skipped: 0, failed: 0 };
    const settings = this.options.timers ?? {};
    const limit = options.limit ?? settings.batchSize ?? 100;
    const perTransaction = Math.max(1, Math.floor(settings.deliveriesPerTransaction ?? 50));
    if (perTransaction === 1 || this.storageTakesTimers === false || !(await this.takeAndDeliver(limit, perTransaction, result))) {
      const claimed = await this.storage.claimDueTimers({
        now: this.clock.now(),
        limit,
        leaseMs: settings.leaseMs ?? 60_000,
        workerId: this.workerId,
      });
      const ordered = byInstance(claimed);
      for (let start = 0; start < ordered.length; start += perTransaction) {
        const batch = ordered.slice(start, start + perTransaction);
        const outcomes = batch.length > 1 ? await this.inBatch(batch.length, () => this.storage.transaction((tx) => this.applyBatch(tx, batch))) : undefined;
        if (outcomes) this.count(outcomes, result);
        else await this.deliverEach(batch, result);
      }
    }
    if (result.delivered) await this.afterCommit();
    return result;
  }

  /**
   * Batches taken and delivered inside their own transactions (`takeDueTimers`), no lease written:
   * until `limit` timers or nothing more is due. `false` when storage cannot take timers.
   */
  private async takeAndDeliver(limit: number, perTransaction: number, result: TimerRunResult): Promise<boolean> {
    for (let remaining = limit; remaining > 0; ) {
      let supported = true;
      let exhausted = false;
      const taken: TimerRecord[] = [];
      const outcomes = await this.inBatch(Math.min(perTransaction, remaining), () =>
        this.storage.transaction(async (tx) => {
          if (!tx.takeDueTimers) {
            supported = false;
            return [];
          }
          const asked = Math.min(perTransaction, remaining);
          const all = await tx.takeDueTimers({ now: this.clock.now(), limit: asked });
          exhausted = all.length < asked;
          // One timer per instance: an instance's later ones go back and come in a later batch,
          // after this transition, which may cancel or replace them (as one by one).
          const instances = new Set<string>();
          for (const timer of byInstance(all)) {
            const key = refKey(timer.tenantId, timer.instanceId);
            if (instances.has(key)) await tx.putTimer(timer);
            else taken.push(timer);
            instances.add(key);
          }
          return this.applyBatch(tx, taken, new Set(taken.map((t) => t.id)));
        }),
      );
      this.storageTakesTimers = supported;
      if (!supported) return false;
      if (outcomes) this.count(outcomes, result);
      else await this.deliverEach(taken, result);
      remaining -= taken.length;
      if (exhausted || !taken.length) break;
    }
    return true;
  }

  /** Runs one batch transaction; on failure logs it and resolves `undefined` (rolled back). */
  private inBatch(size: number, run: () => Promise<boolean[]>): Promise<boolean[] | undefined> {
    return run().catch((error: unknown) => {
      // A conflict, or one timer that throws: one by one, conflicts are retried and a failing timer fails alone.
      this.logger.warn('statdesk: timer batch rolled back; delivering its timers one by one', { timers: size, error: errorMessage(error) });
      return undefined;
    });
  }

  private count(outcomes: readonly boolean[], result: TimerRunResult): void {
    for (const delivered of outcomes) {
      if (delivered) result.delivered++;
      else result.skipped++;
    }
  }

  private async deliverEach(timers: readonly TimerRecord[], result: TimerRunResult): Promise<void> {
    for (const timer of timers) {
      try {
        if (await this.deliverTimer(timer)) result.delivered++;
        else result.skipped++;
      } catch (error) {
        // Still stored: it is due again (after its lease, if it had one) and another run retries it.
        result.failed++;
        this.logger.error('statdesk: timer delivery failed', { timerId: timer.id, instanceId: timer.instanceId, error: errorMessage(error) });
      }
    }
  }

  /**
   * Delivers every timer of the batch in `tx`; rejects (so the caller rolls back) if any fails.
   * Each instance's first timer is consumed (unless `taken` says it is already) and its instance
   * loaded for the whole batch at once when storage offers that: transitions of one instance
   * never touch another's rows, so this is what one-by-one delivery would do. An instance's later
   * timers are consumed at their turn, after the earlier transitions, which may have cancelled
   * or replaced them.
   */
  private async applyBatch(tx: StorageTransaction, batch: readonly TimerRecord[], taken?: ReadonlySet<string>): Promise<boolean[]> {
    const leaders = new Map<string, TimerRecord>();
    for (const timer of batch) if (!leaders.has(refKey(timer.tenantId, timer.instanceId))) leaders.set(refKey(timer.tenantId, timer.instanceId), timer);
    const first = [...leaders.values()];
    const consumed =
      taken ??
      (tx.consumeTimers ? await tx.consumeTimers(first.map((t) => ({ tenantId: t.tenantId, timerId: t.id }))) : await consumeEach(tx, first));
    const refs = uniqueRefs(first.filter((t) => consumed.has(t.id)));
    const loaded = new Set(refs.map((ref) => refKey(ref.tenantId, ref.instanceId)));
    // The instances as this transaction leaves them: a later timer of one instance sees the earlier write.
    const current = new Map((tx.loadInstances ? await tx.loadInstances(refs) : await loadEach(tx, refs)).map((r) => [refKey(r.tenantId, r.id), r]));
    const outcomes: boolean[] = [];
    for (const timer of batch) {
      const key = refKey(timer.tenantId, timer.instanceId);
      const mine = leaders.get(key) === timer ? consumed.has(timer.id) : await tx.consumeTimer(timer.tenantId, timer.id);
      if (mine && !loaded.has(key)) {
        const record = await tx.loadInstance({ tenantId: timer.tenantId, instanceId: timer.instanceId });
        if (record) current.set(key, record);
        loaded.add(key);
      }
      const written = mine ? await this.fireTimer(tx, timer, current.get(key)) : undefined;
      if (written) current.set(key, written);
      outcomes.push(written !== undefined);
    }
    return outcomes;
  }

  private async deliverTimer(timer: TimerRecord): Promise<boolean> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.storage.transaction(async (tx) => {
          // Consuming the row in the same transaction as the transition is what makes delivery
          // happen once: a second worker's consume finds nothing or loses the commit.
          if (!(await tx.consumeTimer(timer.tenantId, timer.id))) return false;
          const record = await tx.loadInstance({ tenantId: timer.tenantId, instanceId: timer.instanceId });
          return (await this.fireTimer(tx, timer, record)) !== undefined;
        });
      } catch (error) {
        if (isStatdeskError(error, 'CONFLICT') && attempt < 5) continue;
        throw error;
      }
    }
  }

  /**
   * The transition of a consumed timer on its instance (as loaded in `tx`): the written record,
   * or `undefined` when there is nothing to deliver any more (instance gone, done, event stale).
   */
  private async fireTimer(tx: StorageTransaction, timer: TimerRecord, record: InstanceRecord | undefined): Promise<InstanceRecord | undefined> {
    if (!record || record.status !== 'active') return undefined;
    const def = this.registry.get(record.workflow, record.definitionVersion);
    const event = decodeJson(timer.event) as AnyEventObject;
    const snapshot = restoreSnapshot(def, record);
    const accepted = snapshot.can(event);
    if (!accepted && !def.recordedEvents.includes(event.type)) return undefined;
    // A recorded event the machine ignores still gets its history row, state unchanged.
    const [next, actions] = accepted ? transitionMachine(def.machine, snapshot, event) : [snapshot, []];
    const { record: written } = await this.writeTransition(tx, def, record, next, actions, {
      actor: { id: systemActor.id, role: SYSTEM_ROLE },
      eventType: event.type,
      payload: redactPersonalData(withoutType(event)),
      now: this.clock.now(),
    });
    return written;
  }

  // ---------------------------------------------------------------- outbox

  async dispatchOutbox(options: { limit?: number } = {}): Promise<OutboxRunResult> {
    const settings = this.options.outbox ?? {};
    const result: OutboxRunResult = { sent: 0, retried: 0, dead: 0 };
    const limit = options.limit ?? settings.batchSize ?? 50;
    const leaseMs = settings.leaseMs ?? 60_000;
    // A small batch per lease. A row starts only while at least half the lease is left (renewed
    // first when less is): a row never waits behind slow effects until its lease runs out and a
    // second worker runs it too. Without renewal in storage, one row per lease.
    const perClaim = this.storage.renewOutboxLease ? Math.max(1, Math.floor(settings.claimSize ?? 10)) : 1;
    for (let done = 0; done < limit; ) {
      // A fresh owner per claim fences this attempt: once its lease has run out and another
      // claim took the row, completing or failing it here changes nothing.
      const owner = `${this.workerId.slice(0, 60)}/${randomUUID()}`;
      const asked = Math.min(perClaim, limit - done);
      let leasedUntil = this.clock.now().getTime() + leaseMs;
      const rows = await this.storage.claimOutbox({ now: this.clock.now(), limit: asked, leaseMs, workerId: owner });
      done += rows.length;
      for (const [index, row] of rows.entries()) {
        const now = this.clock.now().getTime();
        if (index > 0 && leasedUntil - now < leaseMs / 2) {
          // Renewed row by row: the rest of the batch keeps the older lease and is renewed at its turn.
          if (!(await this.storage.renewOutboxLease!(row.id, owner, new Date(now + leaseMs)))) continue;
          leasedUntil = Math.min(leasedUntil, now + leaseMs);
        }
        await this.runEffect(row, owner, result);
      }
      if (rows.length < asked) break;
    }
    return result;
  }

  /** Runs one claimed row's handler and records the outcome under the claim `owner`. */
  private async runEffect(row: OutboxRecord, owner: string, result: OutboxRunResult): Promise<void> {
    const settings = this.options.outbox ?? {};
    const handler = this.effects[row.type];
    try {
      if (!handler) throw new DefinitionError(`No handler for effect "${row.type}"`);
      await handler(toEffect(row), {
        clock: this.clock,
        ...(this.options.notifier ? { notifier: this.options.notifier } : {}),
        ...(this.options.payments ? { payments: this.options.payments } : {}),
        ...(this.options.files ? { files: this.options.files } : {}),
      });
      await this.storage.completeOutbox(row.id, this.clock.now(), owner);
      result.sent++;
    } catch (error) {
      // Not attempted (an open circuit breaker): the lease expiring re-offers the row, and no
      // attempt is spent on a provider that was never called.
      if (isStatdeskError(error, 'DELIVERY_DEFERRED')) return;
      const attempts = row.attempts + 1;
      // A configuration error (no handler, no notifier) or a permanent delivery failure (no such
      // mailbox) will not heal by retrying.
      const dead = isStatdeskError(error, 'DEFINITION') || isStatdeskError(error, 'PERMANENT_DELIVERY') || attempts >= (settings.maxAttempts ?? 8);
      const delay = backoffDelay(attempts, { baseDelayMs: settings.baseDelayMs ?? 1_000, maxDelayMs: settings.maxDelayMs ?? 3_600_000 }, this.random);
      await this.storage.failOutbox(row.id, {
        error: errorMessage(error),
        nextAttemptAt: new Date(this.clock.now().getTime() + delay),
        dead,
        leaseOwner: owner,
      });
      if (dead) {
        result.dead++;
        this.logger.error('statdesk: effect gave up', { outboxId: row.id, type: row.type, attempts, error: errorMessage(error) });
      } else {
        result.retried++;
      }
    }
  }

  async drain(): Promise<void> {
    while (this.inflight.size) await Promise.allSettled([...this.inflight]);
  }

  // ---------------------------------------------------------------- worker loop

  start(options: { pollIntervalMs?: number } = {}): void {
    if (this.loop) return;
    const interval = options.pollIntervalMs ?? 1_000;
    let wake = () => {};
    const state = { stopped: false, wake: () => wake(), done: Promise.resolve() };
    const cycle = async () => {
      while (!state.stopped) {
        try {
          this.calendarWatch.check(this.clock.now());
          const timers = await this.runDueTimers();
          const outbox = await this.dispatchOutbox();
          const busy = timers.delivered + timers.skipped + timers.failed > 0 || outbox.sent + outbox.retried + outbox.dead > 0;
          if (busy) continue;
        } catch (error) {
          this.logger.error('statdesk: worker cycle failed', { error: errorMessage(error) });
        }
        if (state.stopped) break;
        await new Promise<void>((resolve) => {
          const handle = setTimeout(resolve, interval);
          wake = () => {
            clearTimeout(handle);
            resolve();
          };
        });
      }
    };
    state.done = cycle();
    this.loop = state;
  }

  async stop(): Promise<void> {
    const loop = this.loop;
    if (!loop) return;
    loop.stopped = true;
    loop.wake();
    await loop.done;
    this.loop = undefined;
    await this.drain();
  }

  // ---------------------------------------------------------------- pipeline

  /**
   * Runs a command body in a transaction with idempotency and conflict handling. A key seen
   * before returns the stored result; a key that loses a race to its twin returns the twin's.
   */
  private async execute(
    tenantId: string,
    idempotencyKey: string | undefined,
    fingerprint: string,
    retries: number | undefined,
    body: (tx: StorageTransaction, now: Date) => Promise<CommandResult>,
  ): Promise<CommandResult> {
    if (idempotencyKey !== undefined) {
      const earlier = await this.storage.getCommand(tenantId, idempotencyKey);
      if (earlier) return replay(earlier.fingerprint, fingerprint, earlier.result, idempotencyKey);
    }
    const maxRetries = retries ?? this.options.conflictRetries ?? 0;
    for (let attempt = 0; ; attempt++) {
      try {
        const result = await this.storage.transaction(async (tx) => {
          const now = this.clock.now();
          if (idempotencyKey !== undefined) {
            const earlier = await tx.getCommand(tenantId, idempotencyKey);
            if (earlier) return replay(earlier.fingerprint, fingerprint, earlier.result, idempotencyKey);
          }
          const outcome = await body(tx, now);
          if (idempotencyKey !== undefined) {
            await tx.saveCommand({ tenantId, idempotencyKey, fingerprint, result: encodeJson(outcome), createdAt: now });
          }
          return outcome;
        });
        if (!result.replayed) await this.afterCommit();
        return result;
      } catch (error) {
        // Lost a race with its twin (same key): the twin may have committed after this command
        // checked the key, and this one then failed on the state the twin left (a conflict, an
        // event no longer accepted…). The twin's stored result is the answer, whatever the error.
        if (idempotencyKey !== undefined && !isStatdeskError(error, 'DUPLICATE_COMMAND')) {
          const twin = await this.storage.getCommand(tenantId, idempotencyKey);
          if (twin) return replay(twin.fingerprint, fingerprint, twin.result, idempotencyKey);
        }
        if (!isStatdeskError(error, 'CONFLICT')) throw error;
        if (attempt >= maxRetries) throw error;
      }
    }
  }

  /** Writes one transition: snapshot (CAS), history row, timers and outbox rows. */
  private async writeTransition(
    tx: StorageTransaction,
    def: WorkflowDefinition,
    record: InstanceRecord,
    next: AnyMachineSnapshot,
    actions: readonly { type: string; params?: unknown }[],
    change: { actor: { id: string; role: string }; eventType: string; payload: unknown; now: Date; insert?: boolean },
  ): Promise<Transitioned> {
    const plan = planTransition(def.name, actions);
    const ref = { tenantId: record.tenantId, instanceId: record.id };
    const now = change.now;
    const seq = record.historySeq + 1;
    const toState = stateToString(next.value);
    const status: InstanceStatus = next.status === 'active' ? 'active' : 'done';
    const unhashed = {
      tenantId: record.tenantId,
      instanceId: record.id,
      seq,
      at: now,
      actorId: change.actor.id,
      actorRole: change.actor.role,
      eventType: change.eventType,
      fromState: change.insert ? null : record.state,
      toState,
      definitionVersion: record.definitionVersion,
      payload: encodeJson(change.payload ?? null),
      prevHash: record.historyHash,
    };
    const history: HistoryRecord = { ...unhashed, hash: hashHistory(unhashed) };
    const updated: InstanceRecord = {
      ...record,
      state: toState,
      status,
      snapshot: encodeJson(def.machine.getPersistedSnapshot(next)),
      version: record.version + 1,
      historySeq: seq,
      historyHash: history.hash,
      updatedAt: now,
    };
    if (def.keys) {
      const keys = def.keys(next).map((k) => ({ name: k.name, value: k.value, unique: k.unique ?? false }));
      if (canonicalJson(encodeJson(keys)) !== canonicalJson(encodeJson(record.keys))) updated.keys = keys;
    }
    if (change.insert) await tx.insertInstance(updated);
    else await tx.updateInstance(updated, record.version);
    if (updated.keys !== record.keys) await tx.setInstanceKeys(ref, updated.keys);
    await tx.appendHistory(history);

    // Read once, when the derived timers or the SLA outcomes need it.
    let historyEntries: readonly DerivedHistoryEntry[] | undefined;
    const readEntries = async () => (historyEntries ??= await this.derivedHistory(tx, ref));
    if (status === 'done') {
      await tx.deleteAllTimers(ref);
      if (!change.insert) await tx.deleteWorkItem(ref);
    } else {
      // Assignments live in history: workflows that take them read it, the others need not.
      const derived = def.derivedTimers || def.workItem || def.assignRoles.length ? await readEntries() : [];
      if (def.derivedTimers) await this.reconcileDerivedTimers(tx, def, updated, next, now, derived);
      const item = this.workItemOf(def, updated, next, now, derived);
      await tx.putWorkItem(item);
      if (def.staffAlerts && this.options.staffAlerts) {
        const context = { eventType: change.eventType, payload: decodeJson(history.payload), fromState: history.fromState, toState, actorId: change.actor.id, assignee: item.assignee, snapshot: next };
        for (const alert of def.staffAlerts(context)) if (alert.to.length) plan.effects.push({ type: STAFF_ALERT_EFFECT, ...alert });
      }
      if (plan.cancelled.length) await tx.deleteTimers(ref, plan.cancelled);
      for (const timer of plan.timers) {
        await tx.putTimer({
          id: randomUUID(),
          tenantId: record.tenantId,
          instanceId: record.id,
          key: timer.key,
          dueAt: new Date(now.getTime() + timer.delayMs),
          event: encodeJson(timer.event),
          createdAt: now,
        });
      }
    }
    const sla = (def as { sla?: SlaBinding }).sla;
    if (sla) {
      const decided = sla.outcomes(await readEntries(), now);
      if (decided.length) await tx.recordSlaOutcomes(decided.map((o) => ({ ...o, tenantId: record.tenantId, instanceId: record.id, workflow: def.name })));
    }
    if (plan.effects.length) {
      await tx.enqueueOutbox(
        plan.effects.map(
          (effect, index): OutboxRecord => ({
            id: randomUUID(),
            tenantId: record.tenantId,
            instanceId: record.id,
            type: effect.type,
            payload: encodeJson(withoutType(effect)),
            // Stable: the same transition always yields the same keys, on any retry or worker.
            idempotencyKey: `${record.tenantId}:${record.id}:${seq}:${index}`,
            status: 'pending',
            attempts: 0,
            nextAttemptAt: now,
            lastError: null,
            createdAt: now,
            completedAt: null,
          }),
        ),
      );
    }
    return {
      record: updated,
      result: {
        tenantId: updated.tenantId,
        instanceId: updated.id,
        workflow: updated.workflow,
        definitionVersion: updated.definitionVersion,
        state: updated.state,
        status: updated.status,
        version: updated.version,
        historySeq: updated.historySeq,
        replayed: false,
      },
    };
  }

  private enrichContext(tx: StorageTransaction, tenantId: string, instanceId: string, actor: Actor, now: Date, context: unknown) {
    return {
      tenantId,
      instanceId,
      actor,
      now,
      context,
      findInstancesByKey: (name: string, value: string) => tx.findInstancesByKey(tenantId, name, value),
      services: this.options.services ?? {},
    };
  }

  /** The instance's history as of `tx`, decoded, as derived timers and SLA outcomes read it. */
  private async derivedHistory(tx: StorageTransaction, ref: InstanceRef): Promise<readonly DerivedHistoryEntry[]> {
    return (await tx.readHistory(ref)).map((row) => ({
      seq: row.seq,
      at: row.at,
      actorRole: row.actorRole,
      eventType: row.eventType,
      fromState: row.fromState,
      toState: row.toState,
      payload: decodeJson(row.payload),
    }));
  }

  /**
   * Makes the instance's derived timers equal to what the definition derives from its history.
   * Unchanged timers are left alone, so a worker holding one keeps a valid claim.
   */
  private async reconcileDerivedTimers(
    tx: StorageTransaction,
    def: WorkflowDefinition,
    record: InstanceRecord,
    snapshot: AnyMachineSnapshot,
    now: Date,
    history: readonly DerivedHistoryEntry[],
  ): Promise<void> {
    const ref = { tenantId: record.tenantId, instanceId: record.id };
    const wanted = new Map<string, TimerRecord>();
    for (const timer of def.derivedTimers!({ tenantId: record.tenantId, instanceId: record.id, history, snapshot, now })) {
      const key = `${DERIVED_PREFIX}${timer.key}`;
      if (wanted.has(key)) throw new DefinitionError(`Workflow "${def.name}" derived two timers with key "${timer.key}"`);
      wanted.set(key, {
        id: randomUUID(),
        tenantId: record.tenantId,
        instanceId: record.id,
        key,
        dueAt: timer.dueAt,
        event: encodeJson(timer.event),
        createdAt: now,
      });
    }
    const stale: string[] = [];
    for (const existing of await tx.listTimers(ref)) {
      if (!existing.key.startsWith(DERIVED_PREFIX)) continue;
      const want = wanted.get(existing.key);
      if (!want) stale.push(existing.key);
      else if (want.dueAt.getTime() === existing.dueAt.getTime() && canonicalJson(want.event) === canonicalJson(existing.event)) wanted.delete(existing.key);
    }
    if (stale.length) await tx.deleteTimers(ref, stale);
    for (const timer of wanted.values()) await tx.putTimer(timer);
  }

  /**
   * The open instance's line in work queues: the definition's facts (assignee, escalation, SLA
   * at this instant) and the staff roles that may act in the new state.
   */
  private workItemOf(
    def: WorkflowDefinition,
    record: InstanceRecord,
    snapshot: AnyMachineSnapshot,
    now: Date,
    history: readonly DerivedHistoryEntry[],
  ): WorkItemRecord {
    const facts = def.workItem ? def.workItem({ tenantId: record.tenantId, instanceId: record.id, history, snapshot, now }) : {};
    const assigned = assigneeFromHistory(history);
    const actRoles = new Set<string>();
    for (const [type, spec] of Object.entries(def.events)) {
      const staff = spec.roles.filter((r) => r !== SYSTEM_ROLE && !def.ownerRoles.includes(r));
      if (staff.length && handlesEventType(snapshot, type)) for (const r of staff) actRoles.add(r);
    }
    const slaCondition = facts.sla?.condition ?? 'none';
    const dueAt = facts.sla?.dueAt ?? null;
    return {
      tenantId: record.tenantId,
      instanceId: record.id,
      workflow: record.workflow,
      state: record.state,
      // A `desk.assign` overrides what the workflow's own context says.
      assignee: assigned !== undefined ? assigned : (facts.assignee ?? null),
      actRoles: [...actRoles].sort(),
      slaCondition,
      dueAt,
      escalated: facts.escalated ?? false,
      ...workItemOrder({ slaCondition, dueAt, createdAt: record.createdAt }),
      createdAt: record.createdAt,
      updatedAt: record.updatedAt,
    };
  }

  /** Start dispatching what the commit wrote; waits for it only in `await` mode. */
  private async afterCommit(): Promise<void> {
    const mode = this.options.outbox?.afterCommit ?? 'background';
    if (mode === 'off') return;
    const run = this.dispatchOutbox().then(
      () => undefined,
      (error: unknown) => this.logger.error('statdesk: outbox dispatch failed', { error: errorMessage(error) }),
    );
    this.inflight.add(run);
    void run.finally(() => this.inflight.delete(run));
    if (mode === 'await') await run;
  }

  // ---------------------------------------------------------------- authorisation

  /** The role the actor acts under, or `NotAllowedError`. Owner-only roles need ownership. */
  private authorise(
    allowed: readonly string[],
    def: WorkflowDefinition,
    actor: Actor,
    action: string,
    record: InstanceRecord | null,
  ): string {
    let ownerOnlyMatch = false;
    for (const role of allowed) {
      if (!actor.roles.includes(role)) continue;
      if (record && def.ownerRoles.includes(role) && record.ownerId !== actor.id) {
        ownerOnlyMatch = true;
        continue;
      }
      return role;
    }
    throw new NotAllowedError(action, actor.roles, ownerOnlyMatch ? 'the record belongs to someone else' : undefined);
  }

  private authoriseRead(def: WorkflowDefinition, actor: Actor, record: InstanceRecord): void {
    if (actor.roles.some((r) => def.readRoles.includes(r))) return;
    if (actor.roles.includes(SYSTEM_ROLE)) return;
    if (record.ownerId !== null && record.ownerId === actor.id && actor.roles.some((r) => def.ownerRoles.includes(r))) return;
    // Someone else's record looks like no record at all.
    if (actor.roles.some((r) => def.ownerRoles.includes(r))) throw new NotFoundError('instance', record.id);
    throw new NotAllowedError(`read ${def.name}`, actor.roles);
  }

  private toView(def: WorkflowDefinition, record: InstanceRecord, actor: Actor): InstanceView {
    const snapshot = restoreSnapshot(def, record);
    const isOwner = record.ownerId !== null && record.ownerId === actor.id;
    const data = def.view ? def.view({ snapshot, actor, isOwner }) : { value: snapshot.value, context: snapshot.context };
    const availableEvents =
      record.status !== 'active'
        ? []
        : Object.entries(def.events)
            .filter(([, spec]) => mayAct(spec, def, actor, isOwner))
            // Guards are not evaluated: most need the event's payload or server-side facts (a
            // quote's prices), so a guarded event is offered and the command itself decides.
            .filter(([type]) => handlesEventType(snapshot, type))
            .map(([type]) => type);
    return {
      tenantId: record.tenantId,
      id: record.id,
      workflow: record.workflow,
      definitionVersion: record.definitionVersion,
      state: record.state,
      status: record.status,
      version: record.version,
      ownerId: record.ownerId,
      createdAt: record.createdAt,
      updatedAt: record.updatedAt,
      data,
      availableEvents,
    };
  }
}

// ------------------------------------------------------------------ helpers

/**
 * Whether the record is invisible to the actor: it acts in an owner role, the record is not its
 * own, and no other role gives it standing (reading, a staff event, the system). Commands then
 * answer `NotFoundError`, exactly as for a record that does not exist, as reads already do.
 */
function hiddenFrom(def: WorkflowDefinition, actor: Actor, record: InstanceRecord): boolean {
  if (!actor.roles.some((r) => def.ownerRoles.includes(r))) return false;
  if (record.ownerId !== null && record.ownerId === actor.id) return false;
  const staffRoles = [...def.migrateRoles, ...Object.values(def.events).flatMap((spec) => spec.roles)].filter((r) => !def.ownerRoles.includes(r));
  return !actor.roles.some((r) => r === SYSTEM_ROLE || def.readRoles.includes(r) || staffRoles.includes(r));
}

function mayAct(spec: EventSpec<unknown>, def: WorkflowDefinition, actor: Actor, isOwner: boolean): boolean {
  if (spec.internal && !isEngineActor(actor)) return false;
  return spec.roles.some((role) => actor.roles.includes(role) && (!def.ownerRoles.includes(role) || isOwner));
}

function parseWith(schema: z.ZodType<unknown> | undefined, value: unknown, subject: string): unknown {
  if (!schema) return value;
  const parsed = schema.safeParse(value ?? {});
  if (parsed.success) return parsed.data;
  const issues: ValidationIssue[] = parsed.error.issues.map(issueFromZod);
  throw new ValidationError(subject, issues);
}

function initialTransitionOf(def: WorkflowDefinition, input: unknown) {
  return initialMachineTransition(def.machine, input);
}

function restoreSnapshot(def: WorkflowDefinition, record: InstanceRecord): AnyMachineSnapshot {
  const persisted = decodeJson(record.snapshot);
  // resolveState() throws for machines with history states; the machine's own restore handles any.
  return restoreMachineSnapshot(def.machine, persisted);
}

function withoutType(event: AnyEventObject): Record<string, unknown> {
  const { type: _type, ...rest } = event;
  return rest;
}

/**
 * The fingerprint of a command's raw input; input JSON cannot hold (a non-finite number, nesting
 * deeper than the stack) is the caller's error, named by `field`, not a crash.
 */
function fingerprintOfInput(field: string, build: () => JsonValue): string {
  try {
    return fingerprintOf(build());
  } catch (error) {
    if (error instanceof TypeError || error instanceof RangeError) {
      throw new ValidationError(field, [{ path: field, message: error instanceof RangeError ? 'is nested too deeply' : 'holds a value JSON cannot store', code: 'invalid_value' }]);
    }
    throw error;
  }
}

function fingerprintOf(value: JsonValue): string {
  return createHash('sha256').update(canonicalJson(value)).digest('hex');
}

function replay(stored: string, current: string, result: JsonValue, key: string): CommandResult {
  if (stored !== current) throw new DuplicateCommandError(key);
  return { ...(decodeJson(result) as CommandResult), replayed: true };
}

function toEffect(row: OutboxRecord): OutboxEffect {
  return {
    id: row.id,
    tenantId: row.tenantId,
    instanceId: row.instanceId,
    type: row.type,
    payload: decodeJson(row.payload),
    idempotencyKey: row.idempotencyKey,
    attempts: row.attempts,
  };
}

const notifyHandler: EffectHandler = async (effect, context) => {
  if (!context.notifier) throw new DefinitionError('A notify effect needs a notifier: pass `notifier` to createDesk');
  const payload = effect.payload as NotifyEffect;
  await context.notifier.send({
    recipient: { tenantId: effect.tenantId, profileId: payload.recipient.profileId },
    channel: payload.channel,
    template: payload.template,
    params: encodeJson(payload.params ?? {}) as Record<string, JsonValue>,
    language: payload.language ?? 'fa',
    idempotencyKey: effect.idempotencyKey,
  });
};

async function consumeEach(tx: StorageTransaction, timers: readonly TimerRecord[]): Promise<ReadonlySet<string>> {
  const consumed = new Set<string>();
  for (const timer of timers) if (await tx.consumeTimer(timer.tenantId, timer.id)) consumed.add(timer.id);
  return consumed;
}

async function loadEach(tx: StorageTransaction, refs: readonly InstanceRef[]): Promise<InstanceRecord[]> {
  const records: InstanceRecord[] = [];
  for (const ref of refs) {
    const record = await tx.loadInstance(ref);
    if (record) records.push(record);
  }
  return records;
}

function refKey(tenantId: string, instanceId: string): string {
  return JSON.stringify([tenantId, instanceId]);
}

function uniqueRefs(timers: readonly TimerRecord[]): InstanceRef[] {
  const refs = new Map<string, InstanceRef>();
  for (const t of timers) refs.set(refKey(t.tenantId, t.instanceId), { tenantId: t.tenantId, instanceId: t.instanceId });
  return [...refs.values()];
}

/**
 * Instance order: two workers' batches then lock shared instances in the same order instead of
 * deadlocking. The sort is stable, so one instance's timers keep their due order.
 */
function byInstance(timers: readonly TimerRecord[]): TimerRecord[] {
  return [...timers].sort((a, b) => compareText(a.tenantId, b.tenantId) || compareText(a.instanceId, b.instanceId));
}

/** Code-point order, the same in every locale. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
