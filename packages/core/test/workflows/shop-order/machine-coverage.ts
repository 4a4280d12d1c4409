/**
 * Model-based coverage for a machine: explore every snapshot reachable with an event generator
 * (`getAdjacencyMap` from xstate/graph), then check that every state node was active somewhere
 * (in a stable snapshot or a microstep) and every transition of every state node — each guarded
 * branch, each `after` timer, each `always` branch and completion — was taken.
 */
import { getMicrosteps, type AnyEventObject, type AnyMachineSnapshot, type AnyStateMachine, type AnyStateNode } from 'xstate';
import { getAdjacencyMap, getShortestPaths, getStateNodes } from 'xstate/graph';
import { canonicalJson, encodeJson } from '../../../src';

export interface Coverage {
  snapshots: number;
  unvisitedStates: string[];
  untakenTransitions: string[];
  /** Shortest event paths to each final state reached. */
  pathsToFinal: { state: string; events: string[] }[];
}

const nodesOf = (snapshot: AnyMachineSnapshot): AnyStateNode[] => (snapshot as unknown as { _nodes: AnyStateNode[] })._nodes;

/** Timer events the active states would schedule, so traversal fires them like the engine does. */
export function timerEvents(snapshot: AnyMachineSnapshot): AnyEventObject[] {
  return nodesOf(snapshot).flatMap((node) => [...node.transitions.keys()].filter((type) => type.startsWith('xstate.after.')).map((type) => ({ type })));
}

export function machineCoverage(machine: AnyStateMachine, options: { input: unknown; events: (snapshot: AnyMachineSnapshot) => AnyEventObject[]; limit?: number }): Coverage {
  const traversal = {
    input: options.input as never,
    events: (snapshot: AnyMachineSnapshot) => [...options.events(snapshot), ...timerEvents(snapshot)] as never,
    limit: options.limit ?? 20_000,
    // Contexts hold bigint and Date: serialise them the way the engine stores them.
    serializeState: (snapshot: AnyMachineSnapshot) => canonicalJson(encodeJson({ value: snapshot.value, context: snapshot.context })),
    serializeEvent: (event: AnyEventObject) => canonicalJson(encodeJson(event)),
  };
  const adjacency = getAdjacencyMap(machine, traversal);
  const visited = new Set<string>();
  const taken = new Set<string>();
  const idsOf = (snapshot: AnyMachineSnapshot) => new Set(nodesOf(snapshot).map((n) => n.id));
  const reached = (targets: readonly AnyStateNode[] | undefined, later: Set<string>[]) => (targets ?? []).every((t) => later.some((ids) => ids.has(t.id)));
  for (const { state, transitions } of Object.values(adjacency)) {
    const snapshot = state as AnyMachineSnapshot;
    for (const id of idsOf(snapshot)) visited.add(id);
    for (const { event } of Object.values(transitions) as { event: AnyEventObject }[]) {
      // Every microstep of the macrostep: transient states (`always`) and final region states
      // that a parallel state's completion leaves at once are visited there.
      const steps = getMicrosteps(machine, snapshot as never, event as never).map(([next]) => next as AnyMachineSnapshot);
      const chain = [snapshot, ...steps].map(idsOf);
      for (const ids of chain) for (const id of ids) visited.add(id);
      for (const node of nodesOf(snapshot)) {
        (node.transitions.get(event.type) ?? []).forEach((candidate, index) => {
          const targeted = candidate.target?.length ? reached(candidate.target, chain.slice(1)) : steps.length > 0 && JSON.stringify(steps.at(-1)!.value) === JSON.stringify(snapshot.value);
          if (targeted && guardPasses(machine, candidate, snapshot, event)) taken.add(`${node.id} --${event.type}[${index}]`);
        });
      }
      // Eventless steps inside the macrostep: \`always\` branches and completion (done) events.
      for (let i = 1; i < chain.length; i++) {
        const before = steps[i - 1] ?? snapshot;
        for (const node of nodesOf(i === 1 ? snapshot : steps[i - 2]!).concat(nodesOf(before))) {
          (node.always ?? []).forEach((candidate, index) => {
            if (reached(candidate.target, chain.slice(i)) && guardPasses(machine, candidate, before, event)) taken.add(`${node.id} --always[${index}]`);
          });
          for (const [type, candidates] of node.transitions) {
            if (!type.startsWith('xstate.done.state.')) continue;
            candidates.forEach((candidate, index) => {
              if (reached(candidate.target, chain.slice(i))) taken.add(`${node.id} --${type}[${index}]`);
            });
          }
        }
      }
    }
  }
  const allNodes = getStateNodes(machine.root).filter((n) => n !== machine.root);
  const unvisitedStates = allNodes.map((n) => n.id).filter((id) => !visited.has(id));
  const untakenTransitions = allNodes.flatMap((node) =>
    [
      ...[...node.transitions.entries()].flatMap(([type, candidates]) => candidates.map((_, index) => `${node.id} --${type}[${index}]`)),
      ...(node.always ?? []).map((_, index) => `${node.id} --always[${index}]`),
    ].filter((key) => !taken.has(key)),
  );
  const finals = getShortestPaths(machine, { ...traversal, toState: (s: AnyMachineSnapshot) => s.status === 'done' } as never) as { state: AnyMachineSnapshot; steps: { event: AnyEventObject }[] }[];
  const shortest = new Map<string, string[]>();
  for (const path of finals) {
    const state = JSON.stringify(path.state.value);
    const events = path.steps.map((s) => s.event.type).filter((type) => type !== 'xstate.init');
    if (!shortest.has(state) || shortest.get(state)!.length > events.length) shortest.set(state, events);
  }
  return {
    snapshots: Object.keys(adjacency).length,
    unvisitedStates,
    untakenTransitions,
    pathsToFinal: [...shortest].map(([state, events]) => ({ state, events })),
  };
}

function guardPasses(machine: AnyStateMachine, candidate: { guard?: unknown }, snapshot: AnyMachineSnapshot, event: AnyEventObject): boolean {
  if (!candidate.guard) return true;
  const name = typeof candidate.guard === 'string' ? candidate.guard : (candidate.guard as { type?: string }).type;
  const guard = name ? (machine.implementations.guards as Record<string, (args: unknown) => boolean>)[name] : undefined;
  if (!guard) return true;
  return guard({ context: snapshot.context, event });
}
