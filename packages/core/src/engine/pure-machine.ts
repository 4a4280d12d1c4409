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

type ScopeBase = Omit<AnyActorScope, 'actionExecutor'>;

const scopes = new WeakMap<AnyStateMachine, ScopeBase>();

function scopeBase(machine: AnyStateMachine): ScopeBase {
  let base = scopes.get(machine);
  if (!base) {
    const self = createActor(machine);
    base = {
      self,
      id: '',
      sessionId: '',
      logger: () => {},
      defer: () => {},
      emit: () => {},
      stopChild: () => {},
      system: self.system,
    };
    scopes.set(machine, base);
  }
  return base;
}

function run(machine: AnyStateMachine, step: (scope: AnyActorScope) => AnyMachineSnapshot): PureStep {
  const base = scopeBase(machine);
  const actions: { type: string; params?: unknown }[] = [];
  const snapshot = step({ ...base, actionExecutor: (action) => void actions.push(action) });
  if (Object.keys(snapshot.children ?? {}).length > 0 || Object.keys(base.system.getAll()).length > 0) scopes.delete(machine);
  return [snapshot, actions];
}

/** A persisted snapshot (decoded) as a live snapshot, as an unstarted actor would restore it. */
export function restoreMachineSnapshot(machine: AnyStateMachine, persisted: unknown): AnyMachineSnapshot {
  return run(machine, (scope) => machine.restoreSnapshot!(persisted as never, scope) as AnyMachineSnapshot)[0];
}

/** XState's `transition(machine, snapshot, event)`. */
export function transitionMachine(machine: AnyStateMachine, snapshot: AnyMachineSnapshot, event: AnyEventObject): PureStep {
  return run(machine, (scope) => machine.transition(snapshot, event, scope) as AnyMachineSnapshot);
}

/** XState's `initialTransition(machine, input)`. */
export function initialMachineTransition(machine: AnyStateMachine, input: unknown): PureStep {
  return run(machine, (scope) => machine.getInitialSnapshot(scope, input) as AnyMachineSnapshot);
}
