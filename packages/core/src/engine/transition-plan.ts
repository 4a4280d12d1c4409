/**
 * Turns the actions XState's pure `transition()` returns into durable writes: delayed raises
 * become timer rows, cancels delete them, emitted events become outbox rows. Anything else
 * that would run code outside the engine is refused, because it could not be made durable.
 */
import type { AnyEventObject } from 'xstate';
import { DefinitionError } from '../errors';

export interface PlannedTimer {
  key: string;
  delayMs: number;
  event: AnyEventObject;
}

export interface TransitionPlan {
  /** Timers to (re)schedule, by key; the last action for a key wins. */
  timers: PlannedTimer[];
  /** Timer keys to cancel. */
  cancelled: string[];
  effects: AnyEventObject[];
}

interface ExecutableAction {
  type: string;
  params?: unknown;
}

/** Built-in actions XState already applied inside `transition()`, or that need no effect. */
const APPLIED = new Set(['xstate.assign', 'xstate.log']);

export function planTransition(workflow: string, actions: readonly ExecutableAction[]): TransitionPlan {
  const timers = new Map<string, PlannedTimer>();
  const cancelled = new Set<string>();
  const effects: AnyEventObject[] = [];
  let anonymous = 0;
  for (const action of actions) {
    const params = (action.params ?? {}) as Record<string, unknown>;
    switch (action.type) {
      case 'xstate.raise': {
        // A raise without delay was already processed inside the macrostep.
        if (typeof params.delay !== 'number') break;
        const key = typeof params.id === 'string' ? params.id : `raise.${(params.event as AnyEventObject).type}.${anonymous++}`;
        cancelled.delete(key);
        timers.set(key, { key, delayMs: Math.max(0, params.delay), event: params.event as AnyEventObject });
        break;
      }
      case 'xstate.cancel': {
        const key = String(params.sendId);
        timers.delete(key);
        cancelled.add(key);
        break;
      }
      case 'xstate.emit':
        effects.push(params.event as AnyEventObject);
        break;
      default:
        if (APPLIED.has(action.type)) break;
        throw new DefinitionError(
          `Workflow "${workflow}" ran action "${action.type}", which the engine cannot make durable. ` +
            'Use emit()/effect()/notify() for side effects, after/raise(…, { delay }) for timers, and no invoked or spawned actors.',
        );
    }
  }
  return { timers: [...timers.values()], cancelled: [...cancelled], effects };
}
