/**
 * Effects: what a workflow wants done outside itself (notify someone, call a gateway). A machine
 * declares them with XState's `emit` (or the helpers below); the engine stores each emitted
 * event as an outbox row in the same transaction as the state change and runs it after commit.
 */
import { emit, type ActionFunction, type AnyEventObject, type EventObject, type MachineContext, type ParameterizedObject } from 'xstate';
import type { Language, NotificationChannel } from '../ports/notification';
import type { JsonValue } from '../ports/json';

/** The payload of a `notify` effect. */
export interface NotifyEffect {
  /** Whose official contact receives it. */
  recipient: { profileId: string };
  /** E-mail or SMS. */
  channel: NotificationChannel;
  /** Template id, e.g. `information-order.quote-ready`. */
  template: string;
  /** Template parameters (no personal data; money as bigint Rial). */
  params?: Record<string, JsonValue | bigint>;
  /** Language of the message (default: the recipient's). */
  language?: Language;
}

/** An effect as the dispatcher hands it to a handler. */
export interface OutboxEffect {
  /** Outbox row id. */
  id: string;
  /** The instance's tenant. */
  tenantId: string;
  /** The instance that produced the effect. */
  instanceId: string;
  /** Effect type (`notify`, `payment.request`, …): selects the handler. */
  type: string;
  /** The effect's payload, decoded. */
  payload: unknown;
  /** Stable across retries; pass it to the provider so a retry is not a second effect. */
  idempotencyKey: string;
  /** Attempts made before this one. */
  attempts: number;
}

/** The effect's payload, or a function of the machine's context and event that builds it. */
export type EffectBuilder<T, TContext, TEvent> = T | ((args: { context: TContext; event: TEvent }) => T);

/** A `notify` effect: a message to a profile's official contact after the transition commits. */
export function notify<
  TContext extends MachineContext,
  TExpressionEvent extends EventObject,
  TParams extends ParameterizedObject['params'] | undefined,
  TEvent extends EventObject,
>(build: EffectBuilder<NotifyEffect, TContext, TExpressionEvent>) {
  return effect<TContext, TExpressionEvent, TParams, TEvent, NotifyEffect>('notify', build);
}

/** Any effect type with a handler registered on the desk (`effects: { [type]: handler }`). */
export function effect<
  TContext extends MachineContext,
  TExpressionEvent extends EventObject,
  TParams extends ParameterizedObject['params'] | undefined,
  TEvent extends EventObject,
  T extends object,
>(type: string, build: EffectBuilder<T, TContext, TExpressionEvent>): ActionFunction<TContext, TExpressionEvent, TEvent, TParams, never, never, never, never, AnyEventObject> {
  return emit<TContext, TExpressionEvent, TParams, TEvent, AnyEventObject>(({ context, event }) => {
    const payload = typeof build === 'function' ? (build as (args: { context: TContext; event: TExpressionEvent }) => T)({ context, event }) : build;
    return { ...payload, type };
  });
}
