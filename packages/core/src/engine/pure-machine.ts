/**
 * XState's pure steps — restore a persisted snapshot, take a transition, start — without building
 * a new actor for each. `createActor(machine, { snapshot })` and XState's own `transition()` /
 * `initialTransition()` each construct an unstarted actor (with its system and an eagerly
 * computed initial snapshot) only to obtain an inert actor scope; in the engine's profile that
 * was a third of a command. Here each machine gets one inert scope, reused: the machine's own
 * `restoreSnapshot`, `transition` and `getInitialSnapshot` run exactly as inside those functions,
 * and the actions they would execute are collected, never run.
 *
 * Reuse is safe because a pure step leaves nothing in the scope — unless it creates child actors
 * (invoke, spawn), which register in the scope's system. The engine refuses those workflows, but
 * so that such a step behaves exactly as with a fresh scope, a scope that ever saw a child is
 * dropped and the next step builds a new one.
 */
import { createActor, type AnyActorScope, type AnyEventObject, type AnyMachineSnapshot, type AnyStateMachine } from 'xstate';

/** What a pure step returns: the next snapshot and the actions XState would have executed. */
export type PureStep = readonly [snapshot: AnyMachineSnapshot, actions: readonly { type: string; params?: unknown }[]];

/** Where the scope in use puts the actions a step would execute (steps are synchronous). */
let collected: { type: string; params?: unknown }[] = [];
const collect = (action: { type: string; params?: unknown }): void => void collected.push(action);

const scopes = new WeakMap<AnyStateMachine, AnyActorScope>();

function scopeOf(machine: AnyStateMachine): AnyActorScope {
  let scope = scopes.get(machine);
  if (!scope) {
    const self = createActor(machine);
    scope = {
      self,
      id: '',
      sessionId: '',
      logger: () => {},
      defer: () => {},
      emit: () => {},
      stopChild: () => {},
      system: self.system,
      actionExecutor: collect,
    };
    scopes.set(machine, scope);
  }
  return scope;
}

type Step = 'restore' | 'transition' | 'initial';

function run(machine: AnyStateMachine, step: Step, snapshot: unknown, arg: unknown): PureStep {
  const scope = scopeOf(machine);
  const outer = collected;
  const actions: { type: string; params?: unknown }[] = (collected = []);
  let next: AnyMachineSnapshot;
  try {
    next = (
      step === 'transition'
        ? machine.transition(snapshot as never, arg as never, scope)
        : step === 'restore'
          ? machine.restoreSnapshot!(snapshot as never, scope)
          : machine.getInitialSnapshot(scope, arg)
    ) as AnyMachineSnapshot;
  } finally {
    collected = outer;
  }
  if (hasAny(next.children) || hasAny(scope.system.getAll())) scopes.delete(machine);
  return [next, actions];
}

function hasAny(record: object | undefined): boolean {
  for (const _ in record) return true;
  return false;
}

/** A persisted snapshot (decoded) as a live snapshot, as an unstarted actor would restore it. */
export function restoreMachineSnapshot(machine: AnyStateMachine, persisted: unknown): AnyMachineSnapshot {
  return run(machine, 'restore', persisted, undefined)[0];
}

/** XState's `transition(machine, snapshot, event)`. */
export function transitionMachine(machine: AnyStateMachine, snapshot: AnyMachineSnapshot, event: AnyEventObject): PureStep {
  return run(machine, 'transition', snapshot, event);
}

/** XState's `initialTransition(machine, input)`. */
export function initialMachineTransition(machine: AnyStateMachine, input: unknown): PureStep {
  return run(machine, 'initial', undefined, input);
}
