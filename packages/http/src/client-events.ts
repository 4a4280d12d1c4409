/**
 * The event types a request may name, decided before any storage read: a type some registered
 * version of the workflow declares as its own (not an `Object.prototype` member such as
 * `__proto__` or `toString`) and does not mark `internal`. Internal events (SLA breaches, timers,
 * payment findings) have no route, whatever roles `identify` grants the caller.
 */
import { isClientEvent, ValidationError, type WorkflowRegistry } from '@statdesk/core';

/** Throws a 400 naming `type` unless a client may send `type` (to `workflow`, or to any workflow). */
export function checkClientEventType(registry: WorkflowRegistry, type: string, workflow?: string): void {
  const names = workflow === undefined ? registry.names() : [workflow];
  for (const name of names) {
    for (const version of registry.versions(name)) {
      if (isClientEvent(registry.get(name, version), type)) return;
    }
  }
  throw new ValidationError('event', [{ path: 'type', message: 'is not an event a client may send', code: 'unknown_event' }]);
}
