/**
 * The gateway's callback: the browser comes back to the portal with `?Authority=…&Status=OK|NOK`.
 * It is a redirect, not a server message, so it can be replayed, forged or lost. The handler
 * only tells the payment which button the payer pressed; the amount to verify comes from the
 * stored payment, and verification happens through the gateway, so a forged `OK` verifies
 * nothing that was not paid. A second callback (reload, back button) changes nothing.
 */
import { systemActor } from '../engine/actor';
import type { Desk } from '../engine/desk';
import { NotFoundError, ValidationError, isStatdeskError } from '../errors';
import { PAYMENT_AUTHORITY_KEY, type PaymentContext } from './payment-context';
import { sendOnFreshState } from './send-on-fresh-state';

/** What {@link handlePaymentCallback} did with a gateway's return. */
export interface PaymentCallbackResult {
  /** The payment the callback was for. */
  paymentId: string;
  /** The instance that asked for the payment (send the browser to its page). */
  payerId: string;
  /** The payment's state after the callback. */
  state: string;
  /** False when the callback changed nothing (a duplicate, or the payment had moved on). */
  accepted: boolean;
}

/**
 * Handles the browser's return from a gateway: finds the payment by its authority and tells it the gateway's
 * status; verification then runs through the payment's own workflow with the amount from our records, never
 * from the query string. Safe to call twice.
 */
export async function handlePaymentCallback(
  desk: Desk,
  input: { tenantId: string; query: URLSearchParams | Readonly<Record<string, string | undefined>> },
): Promise<PaymentCallbackResult> {
  const read = (name: string) => (input.query instanceof URLSearchParams ? (input.query.get(name) ?? undefined) : input.query[name]);
  const authority = read('Authority')?.trim();
  const status = read('Status')?.trim();
  const issues = [
    ...(!authority || authority.length > 100 ? [{ path: 'Authority', message: 'is missing or too long' }] : []),
    ...(status !== 'OK' && status !== 'NOK' ? [{ path: 'Status', message: 'must be OK or NOK' }] : []),
  ];
  if (issues.length) throw new ValidationError('payment callback', issues);
  const [ref] = await desk.findByKey(input.tenantId, PAYMENT_AUTHORITY_KEY, authority!);
  if (!ref) throw new NotFoundError('payment', authority!);
  let accepted = true;
  try {
    await sendOnFreshState(desk, { tenantId: input.tenantId, instanceId: ref.instanceId, actor: systemActor, event: { type: 'callback', status: status! } });
  } catch (error) {
    if (!isStatdeskError(error, 'INVALID_TRANSITION')) throw error;
    accepted = false;
  }
  const view = await desk.get(ref, systemActor);
  const context = (view.data as { context: PaymentContext }).context;
  return { paymentId: ref.instanceId, payerId: context.payerId, state: view.state, accepted };
}
