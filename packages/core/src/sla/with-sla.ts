/**
 * Binds an SLA policy (and a business calendar) to a workflow definition. The result is a
 * definition whose derived timers are the policy's warnings and breaches, whose recorded events
 * include the SLA events, and which carries its own version: the policy and calendar decide
 * when timers fire, so instances keep the binding they started with until migrated.
 */
import type { AnyStateMachine } from 'xstate';
import type { BusinessCalendar } from '../calendar/calendar.schema';
import { DefinitionError, ValidationError, type ValidationIssue } from '../errors';
import { defineWorkflow, type DerivedTimerContext, type WorkItemFacts, type WorkflowDefinition, type WorkflowSpec } from '../engine/definition';
import type { SlaHistoryEntry } from './conditions';
import { computeSlaStatus, type SlaStatus } from './compute-status';
import { defineSlaPolicy, isDefinedSlaPolicy } from './define-policy';
import { decidedSlaOutcomes, type DecidedSlaOutcome } from './outcomes';
import { planSlaTimers } from './plan-timers';
import type { SlaCondition, SlaPolicy, SlaPolicyInput } from './policy.schema';
import { slaEventType } from './sla-events';
import { slaSummary, workItemSla, type SlaSummary } from './summary';

/** Options of {@link withSla}. */
export interface WithSlaOptions {
  /** The SLA policy, validated or as input. */
  policy: SlaPolicy | SlaPolicyInput;
  /** Needed when any target runs on business time. */
  calendar?: BusinessCalendar;
  /** Province whose holidays and hours apply. */
  province?: string;
  /**
   * The bound definition's version. Default: `<base>+sla.<policy id>.<policy version>` and, with
   * a calendar, `.<calendar id>.<calendar version>`.
   */
  version?: string;
  /**
   * Earlier versions of this workflow whose instances may move onto this binding unchanged with
   * `desk.migrate` (a new policy or calendar): the snapshot is kept and the timers are re-planned
   * from history, paused time included.
   */
  migrateFrom?: readonly string[];
}

/** The SLA side of a bound definition, for reads (queues, status pages, reports). */
export interface SlaBinding {
  /** The policy. */
  readonly policy: SlaPolicy;
  /** The calendar business time is measured on. */
  readonly calendar?: BusinessCalendar;
  /** The province whose holidays apply. */
  readonly province?: string;
  /** Every target's status at `now`. */
  status(history: readonly SlaHistoryEntry[], now: Date): SlaStatus[];
  /** The work-queue summary at `now`. */
  summary(history: readonly SlaHistoryEntry[], now: Date): SlaSummary;
  /** The outcomes decided by the transition recorded at `now` (the engine stores them for reports). */
  outcomes(history: readonly SlaHistoryEntry[], now: Date): DecidedSlaOutcome[];
}

/** A workflow definition with its SLA attached. */
export type SlaWorkflowDefinition<M extends AnyStateMachine = AnyStateMachine> = WorkflowDefinition<M> & { readonly sla: SlaBinding };

/**
 * Attaches an SLA policy to a workflow: its warnings, breaches and overruns become durable derived timers
 * recorded in history, and `sla` gives status and summaries for reads.
 */
export function withSla<M extends AnyStateMachine>(base: WorkflowDefinition<M>, options: WithSlaOptions): SlaWorkflowDefinition<M> {
  const policy = isDefinedSlaPolicy(options.policy) ? options.policy : defineSlaPolicy(options.policy as SlaPolicyInput);
  const { calendar, province } = options;
  const needsCalendar = policy.targets.filter((t) => t.clock === 'business');
  if (needsCalendar.length && !calendar) {
    throw new DefinitionError(`SLA policy "${policy.id}": target "${needsCalendar[0]!.name}" runs on business time; pass a calendar to withSla`);
  }
  const slaEvents = policy.targets.flatMap((t) => [slaEventType(t, 'warning'), slaEventType(t, 'breach'), slaEventType(t, 'overrun')]);
  checkAgainstWorkflow(base, policy, slaEvents);

  const version = options.version ?? `${base.version}+sla.${policy.id}.${policy.version}${calendar ? `.${calendar.id}.${calendar.version}` : ''}`;
  if (version === base.version) throw new DefinitionError(`An SLA-bound "${base.name}" needs its own version (base is ${base.version})`);
  const computeOptions = province === undefined ? {} : { province };
  const baseTimers = base.derivedTimers;
  const derivedTimers = (context: DerivedTimerContext<M>) => [
    ...(baseTimers ? baseTimers(context) : []),
    ...planSlaTimers(policy, context.history, calendar, context.now, computeOptions),
  ];
  const baseWorkItem = base.workItem;
  // Written with every transition, SLA timers included: the queue's condition is current without a read-time recomputation.
  // A breached case also lands in the supervisors' escalation queue, whatever the workflow does with the breach.
  const workItem = (context: DerivedTimerContext<M>): WorkItemFacts => {
    const facts = baseWorkItem ? baseWorkItem(context) : {};
    const sla = workItemSla(slaSummary(computeSlaStatus(policy, context.history, calendar, context.now, computeOptions), context.now));
    return { ...facts, sla, escalated: (facts.escalated ?? false) || sla.condition === 'breached' };
  };
  const migrations = { ...base.migrations };
  for (const from of options.migrateFrom ?? []) migrations[from] ??= (snapshot) => snapshot;

  const definition = defineWorkflow({
    ...base,
    version,
    events: base.events as WorkflowSpec<M>['events'],
    create: base.create as WorkflowSpec<M>['create'],
    migrations,
    derivedTimers,
    workItem,
    recordedEvents: [...new Set([...base.recordedEvents, ...slaEvents])],
  } as WorkflowSpec<M>);
  const binding: SlaBinding = Object.freeze({
    policy,
    ...(calendar ? { calendar } : {}),
    ...(province === undefined ? {} : { province }),
    status: (history: readonly SlaHistoryEntry[], now: Date) => computeSlaStatus(policy, history, calendar, now, computeOptions),
    summary: (history: readonly SlaHistoryEntry[], now: Date) => slaSummary(computeSlaStatus(policy, history, calendar, now, computeOptions), now),
    outcomes: (history: readonly SlaHistoryEntry[], now: Date) => decidedSlaOutcomes(computeSlaStatus(policy, history, calendar, now, computeOptions), now),
  });
  return Object.freeze({ ...definition, sla: binding });
}

/**
 * A policy naming a state or event the workflow does not have would silently never start or
 * stop; reject it with the path of the offending condition.
 */
function checkAgainstWorkflow(base: WorkflowDefinition, policy: SlaPolicy, slaEvents: readonly string[]): void {
  const states = statePaths(base.machine);
  const events = new Set([...Object.keys(base.events), ...base.recordedEvents, ...slaEvents, 'statdesk.create', 'statdesk.migrate']);
  const issues: ValidationIssue[] = [];
  policy.targets.forEach((target, t) => {
    for (const kind of ['start', 'pause', 'resume', 'stop', 'cancel'] as const) {
      target[kind].forEach((condition: SlaCondition, i) => {
        const path = `targets.${t}.${kind}.${i}`;
        if (condition.state !== undefined) {
          const leaf = states.get(condition.state);
          if (leaf === undefined) issues.push({ path: `${path}.state`, message: `"${base.name}" has no state "${condition.state}"` });
          else if (!leaf) issues.push({ path: `${path}.state`, message: `"${condition.state}" has child states and is never the current state by itself; use statePrefix` });
        } else if (condition.statePrefix !== undefined) {
          if (!states.has(condition.statePrefix)) issues.push({ path: `${path}.statePrefix`, message: `"${base.name}" has no state "${condition.statePrefix}"` });
        } else if (condition.event !== undefined && !events.has(condition.event) && !condition.event.startsWith('xstate.')) {
          issues.push({ path: `${path}.event`, message: `"${base.name}" has no event "${condition.event}"` });
        }
      });
    }
  });
  if (issues.length) throw new ValidationError(`SLA policy "${policy.id}" for workflow "${base.name}"`, issues);
}

/** Every state path of the machine (dotted), mapped to whether it is a leaf. */
function statePaths(machine: AnyStateMachine): Map<string, boolean> {
  const paths = new Map<string, boolean>();
  const walk = (node: { states: Record<string, unknown> }, prefix: string) => {
    for (const [key, child] of Object.entries(node.states)) {
      const path = prefix ? `${prefix}.${key}` : key;
      const sub = child as { states: Record<string, unknown> };
      paths.set(path, Object.keys(sub.states).length === 0);
      walk(sub, path);
    }
  };
  walk(machine.root as unknown as { states: Record<string, unknown> }, '');
  return paths;
}
