/**
 * A circuit breaker for one channel's provider. After `failureThreshold` consecutive failures the
 * circuit opens: sends are refused with `DeliveryDeferredError` (the outbox leaves those rows for
 * later without spending their attempts) until `coolDownMs` has passed. Then one trial send is let
 * through (half-open): success closes the circuit, failure opens it for another cool-down.
 * Permanent failures (a rejected address) do not count: the provider answered.
 *
 * State is per process and kept in memory; every process protects its own calls.
 */
import { DeliveryDeferredError, isStatdeskError } from '../errors';
import { systemClock, type Clock } from '../ports/clock';

/**
 * `closed`: calls go through; `open`: calls are deferred without trying; `half-open`: one trial call decides.
 */
export type CircuitState = 'closed' | 'open' | 'half-open';

/** Options of {@link createCircuitBreaker}. */
export interface CircuitBreakerOptions {
  /** Names the circuit in errors and state changes, e.g. `sms`. */
  name: string;
  /** Consecutive failures that open the circuit. Default 5. */
  failureThreshold?: number;
  /** How long the circuit stays open before a trial. Default 60 s. */
  coolDownMs?: number;
  /** The breaker's clock (default the system clock). */
  clock?: Clock;
  /** Told of every state change (for logs and metrics). */
  onStateChange?: (state: CircuitState, name: string) => void;
}

/**
 * A circuit breaker around one provider: after repeated failures it stops calling it for a while, so the
 * outbox defers messages instead of burning their attempts.
 */
export interface CircuitBreaker {
  /** The circuit's name, e.g. `sms`. */
  readonly name: string;
  /** The current state. */
  state(): CircuitState;
  /** Run `call` through the breaker. */
  run<T>(call: () => Promise<T>): Promise<T>;
}

/**
 * A circuit breaker: opens after `failureThreshold` consecutive failures, defers calls with
 * `DeliveryDeferredError` while open, and lets one trial through after `coolDownMs`. Permanent delivery
 * errors do not count as failures.
 */
export function createCircuitBreaker(options: CircuitBreakerOptions): CircuitBreaker {
  const threshold = options.failureThreshold ?? 5;
  const coolDownMs = options.coolDownMs ?? 60_000;
  const clock = options.clock ?? systemClock;
  let failures = 0;
  let openedAt: number | undefined;
  let trialRunning = false;

  const set = (next: 'closed' | 'open') => {
    const before = current();
    if (next === 'closed') {
      failures = 0;
      openedAt = undefined;
    } else {
      openedAt = clock.now().getTime();
    }
    const after = current();
    if (after !== before) options.onStateChange?.(after, options.name);
  };

  function current(): CircuitState {
    if (openedAt === undefined) return 'closed';
    return clock.now().getTime() - openedAt >= coolDownMs ? 'half-open' : 'open';
  }

  return {
    name: options.name,
    state: current,
    async run<T>(call: () => Promise<T>): Promise<T> {
      const state = current();
      if (state === 'open' || (state === 'half-open' && trialRunning)) {
        const retryAt = new Date((openedAt ?? clock.now().getTime()) + coolDownMs);
        throw new DeliveryDeferredError(`The ${options.name} circuit is open after repeated provider failures; retry after ${retryAt.toISOString()}`, retryAt);
      }
      const trial = state === 'half-open';
      if (trial) trialRunning = true;
      try {
        const result = await call();
        if (trial || failures > 0) set('closed');
        return result;
      } catch (error) {
        if (!isStatdeskError(error, 'PERMANENT_DELIVERY')) {
          failures++;
          if (trial || failures >= threshold) set('open');
        } else if (trial) {
          set('closed');
        }
        throw error;
      } finally {
        if (trial) trialRunning = false;
      }
    },
  };
}

/** Wrap a transport (anything with `send`) so its calls go through a circuit breaker. */
export function withCircuitBreaker<T extends { send(delivery: never): Promise<unknown> }>(transport: T, breaker: CircuitBreaker): T {
  return {
    ...transport,
    send: (delivery: never) => breaker.run(() => transport.send(delivery)),
  } as T;
}
