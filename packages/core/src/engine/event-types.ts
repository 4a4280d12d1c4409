/**
 * Which event types a workflow takes, and from whom. An event type is a key of the workflow's own
 * `events` (never a name inherited from `Object.prototype`: `__proto__`, `constructor` and
 * `toString` are not events). An event declared `internal` (an SLA breach, a timer, a payment
 * reconciler's finding) is sent only by the engine itself: no request reaches it, whatever roles
 * `identify` grants.
 */
import { systemActor, type Actor } from './actor';
import type { EventSpec, WorkflowDefinition } from './definition';

/** The workflow's own declaration of `type`, or `undefined` (inherited object members included). */
export function declaredEvent(def: Pick<WorkflowDefinition, 'events'>, type: string): EventSpec<unknown> | undefined {
  return Object.hasOwn(def.events, type) ? def.events[type] : undefined;
}

/** Whether a client (any actor but the engine) may ever send `type` to this workflow. */
export function isClientEvent(def: Pick<WorkflowDefinition, 'events'>, type: string): boolean {
  const spec = declaredEvent(def, type);
  return spec !== undefined && spec.internal !== true;
}

/**
 * Whether `actor` is the engine's own `systemActor` (the very object, not a look-alike with the
 * `system` role): only it may send internal events.
 */
export function isEngineActor(actor: Actor): boolean {
  return actor === systemActor;
}
