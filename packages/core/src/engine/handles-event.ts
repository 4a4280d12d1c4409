import type { AnyMachineSnapshot, StateValue } from 'xstate';

interface NodeLike {
  states: Record<string, NodeLike>;
  transitions: Map<string, unknown[]>;
}

/**
 * Whether any active state (or an ancestor) has a transition for `eventType`, guards aside.
 * The engine asks this before an event's enrich step, so an event sent in the wrong state is
 * an `InvalidTransitionError` rather than whatever the enrich step would have complained about.
 */
export function handlesEventType(snapshot: AnyMachineSnapshot, eventType: string): boolean {
  const root = snapshot.machine.root as unknown as NodeLike;
  return visit(root, snapshot.value, eventType);
}

function visit(node: NodeLike, value: StateValue | undefined, eventType: string): boolean {
  if (node.transitions.has(eventType) || node.transitions.has('*')) return true;
  if (value === undefined) return false;
  if (typeof value === 'string') {
    const child = node.states[value];
    return child ? visit(child, undefined, eventType) : false;
  }
  return Object.entries(value).some(([key, childValue]) => {
    const child = node.states[key];
    return child ? visit(child, childValue, eventType) : false;
  });
}
