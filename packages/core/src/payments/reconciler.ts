/**
 * The reconciler's sweep: asks each gateway for payments its card holders paid that nobody
 * verified (lost callbacks), and tells those payments they were paid; each one then verifies
 * through its own workflow. Each payment also re-checks itself on durable timers (callback
 * window, unknown outcomes), so the sweep is the fast path, not the only one.
 *
 * Safe to run as often as you like and from several processes: a payment already verifying or
 * verified ignores the news, and verification answers 101 (already verified) as success.
 * Gateways switched off are swept too: the money of in-flight payments is still there.
 */
import { systemActor } from '../engine/actor';
import type { Desk } from '../engine/desk';
import { isStatdeskError } from '../errors';
import type { GatewayRegistry } from './gateway-registry';
import { PAYMENT_AUTHORITY_KEY } from './payment-context';
import { sendOnFreshState } from './send-on-fresh-state';

/** What one reconciliation sweep found. */
export interface ReconcileResult {
  /** Payments told they were paid (they verify next). */
  reported: number;
  /** Already verifying, verified or finished: nothing to do. */
  alreadyHandled: number;
  /** Authorities the gateway listed that are not this tenant's payments. */
  notFound: number;
  /** Gateways whose listing failed; tried again next sweep. */
  failedGateways: string[];
}

/** The reconciler of lost payment callbacks (see the module comment above). */
export interface PaymentReconciler {
  /** One sweep over every gateway. */
  sweep(): Promise<ReconcileResult>;
  /** Sweep every `intervalMs` until `stop()` (a portal may use its own scheduler instead). */
  start(intervalMs: number): void;
  /** Stops the sweeping loop and waits for a sweep in progress. */
  stop(): Promise<void>;
}

/**
 * A reconciler for one tenant's merchant accounts: sweeps the gateways for paid but unverified payments and
 * nudges each to verify.
 */
export function createPaymentReconciler(options: {
  desk: Desk;
  gateways: GatewayRegistry;
  /** The tenant whose payments these merchant accounts hold. */
  tenantId: string;
  logger?: { error(message: string, fields?: Record<string, unknown>): void };
}): PaymentReconciler {
  const { desk, gateways, tenantId } = options;
  let timer: ReturnType<typeof setInterval> | undefined;
  let running: Promise<unknown> = Promise.resolve();

  async function sweep(): Promise<ReconcileResult> {
    const result: ReconcileResult = { reported: 0, alreadyHandled: 0, notFound: 0, failedGateways: [] };
    for (const name of gateways.names) {
      const gateway = gateways.get(name);
      if (!gateway.capabilities.listUnverified) continue;
      let unverified;
      try {
        unverified = await gateway.listUnverified();
      } catch (error) {
        result.failedGateways.push(name);
        options.logger?.error('statdesk: unverified listing failed', { gateway: name, error: error instanceof Error ? error.message : String(error) });
        continue;
      }
      for (const { authority } of unverified) {
        const [ref] = await desk.findByKey(tenantId, PAYMENT_AUTHORITY_KEY, authority);
        if (!ref) {
          result.notFound++;
          continue;
        }
        try {
          await sendOnFreshState(desk, { tenantId, instanceId: ref.instanceId, actor: systemActor, event: { type: 'reportedPaid' } });
          result.reported++;
        } catch (error) {
          if (!isStatdeskError(error, 'INVALID_TRANSITION')) throw error;
          result.alreadyHandled++;
        }
      }
    }
    return result;
  }

  return {
    sweep,
    start(intervalMs) {
      if (timer) return;
      timer = setInterval(() => {
        running = running.then(sweep).catch((error: unknown) => options.logger?.error('statdesk: reconciler sweep failed', { error: error instanceof Error ? error.message : String(error) }));
      }, intervalMs);
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = undefined;
      await running;
    },
  };
}
