/**
 * The effect handlers that talk to the gateway for the payment workflow, and tell the payer
 * (an order) how its payment ended. Register them on the desk:
 *
 *   const desk = createDesk({ …, effects: paymentEffects({ desk: () => desk, gateways, callbackUrl }) });
 *
 * Each handler may run more than once for one effect (a crash after the call, a retry). Every
 * command it sends carries an idempotency key derived from the effect's own key, so a repeat is
 * a replay; a command the workflow no longer accepts (a timeout or a racing path moved it on)
 * is dropped, because the state it would have changed is already decided.
 */
import { systemActor } from '../engine/actor';
import type { EffectHandler } from '../engine/desk';
import type { Desk, SendCommand } from '../engine/desk';
import type { OutboxEffect } from '../engine/effects';
import { isStatdeskError } from '../errors';
import { isPaymentGatewayError } from './errors';
import type { GatewayRegistry } from './gateway-registry';
import type { PaymentInquireEffect, PaymentRequestEffect, PaymentReverseEffect, PaymentSettleEffect, PaymentVerifyEffect } from './payment.machine';
import { PAYMENT_WORKFLOW } from './payment.workflow';

/** What a payer workflow emits (`effect('payment.open', …)`) to start a payment. */
export interface PaymentOpenEffect {
  /** Counts the payer's attempts; with the payer's id it names the payment. */
  attempt: number;
  /** Amount in whole Rial. */
  amountRial: bigint;
  /** Shown to the payer on the bank page. */
  description: string;
  /** Whom the payment is for. */
  customerProfileId: string;
  /** A gateway to prefer, if it is enabled. */
  gateway?: string;
}

/** The events a payer workflow receives, as `system`. */
export type PayerEvent =
  | { type: 'paymentVerified'; paymentId: string; amountRial: bigint; refId: string }
  | { type: 'paymentFailed'; paymentId: string; reason: string };

/** Options of {@link paymentEffects}. */
export interface PaymentEffectsOptions {
  /** The desk these handlers are registered on (a function: the desk is created after them). */
  desk: () => Desk;
  /** The gateways payments go through. */
  gateways: GatewayRegistry;
  /** The portal's callback URL for a payment; the gateway appends `Authority` and `Status`. */
  callbackUrl: (args: { tenantId: string; paymentId: string }) => string;
}

/** The payment id of a payer's n-th attempt: stable, so a repeated `payment.open` opens nothing new. */
export function paymentIdFor(payerId: string, attempt: number): string {
  return `${payerId}.payment-${attempt}`;
}

/**
 * The outbox handlers that talk to the gateways for the payment workflow (`payment.open`, request, verify,
 * inquire, settle, reverse): register them in `DeskOptions.effects`.
 */
export function paymentEffects(options: PaymentEffectsOptions): Record<string, EffectHandler> {
  const { gateways } = options;

  /** Sends a command; `undefined` when the instance no longer accepts it. */
  async function sendQuietly(effect: OutboxEffect, suffix: string, command: Omit<SendCommand, 'actor' | 'tenantId' | 'idempotencyKey'>) {
    try {
      return await options.desk().send({ ...command, tenantId: effect.tenantId, actor: systemActor, idempotencyKey: `${effect.idempotencyKey}:${suffix}` });
    } catch (error) {
      if (isStatdeskError(error, 'INVALID_TRANSITION')) return undefined;
      // The same step of this effect already committed with other fields (a repeat of a gateway
      // call answered differently): the first answer stands.
      if (isStatdeskError(error, 'DUPLICATE_COMMAND')) return undefined;
      throw error;
    }
  }

  /** Whether the payer's history already records this payment as verified. */
  async function payerHolds(tenantId: string, payerId: string, paymentId: string): Promise<boolean> {
    const history = await options.desk().history({ tenantId, instanceId: payerId }, systemActor);
    return history.some((row) => row.eventType === 'paymentVerified' && (row.payload as { paymentId?: unknown } | null)?.paymentId === paymentId);
  }

  const open: EffectHandler = async (effect) => {
    const request = effect.payload as PaymentOpenEffect;
    const paymentId = paymentIdFor(effect.instanceId, request.attempt);
    // With none enabled, the payment is still recorded and fails cleanly as gateway-disabled.
    const gateway = (await gateways.forNewPayment(request.gateway))?.name ?? request.gateway ?? gateways.names[0]!;
    try {
      await options.desk().create({
        tenantId: effect.tenantId,
        workflow: PAYMENT_WORKFLOW,
        actor: systemActor,
        instanceId: paymentId,
        input: {
          payerId: effect.instanceId,
          amountRial: request.amountRial,
          gateway,
          description: request.description,
          callbackUrl: options.callbackUrl({ tenantId: effect.tenantId, paymentId }),
          customerProfileId: request.customerProfileId,
        },
        idempotencyKey: `${effect.idempotencyKey}:open`,
      });
    } catch (error) {
      // A repeat after the switch changed picks another gateway: the payment already exists.
      if (isStatdeskError(error, 'DUPLICATE_COMMAND') || (isStatdeskError(error, 'CONFLICT') && error.details.entity === 'instance')) return;
      throw error;
    }
  };

  const request: EffectHandler = async (effect) => {
    const payload = effect.payload as PaymentRequestEffect;
    if (!(await gateways.isEnabled(payload.gateway))) {
      await sendQuietly(effect, 'refused', {
        instanceId: effect.instanceId,
        event: { type: 'requestRefused', reason: 'gateway-disabled', message: `gateway ${payload.gateway} is switched off` },
      });
      return;
    }
    let redirect;
    try {
      redirect = await gateways.get(payload.gateway).requestPayment({
        tenantId: effect.tenantId,
        amountRial: payload.amountRial,
        description: payload.description,
        callbackUrl: payload.callbackUrl,
        orderId: effect.instanceId,
        idempotencyKey: effect.idempotencyKey,
      });
    } catch (error) {
      if (!isPaymentGatewayError(error) || error.retryable) throw error;
      await sendQuietly(effect, 'refused', {
        instanceId: effect.instanceId,
        event: { type: 'requestRefused', reason: error.kind === 'disabled' ? 'gateway-disabled' : 'request-refused', message: error.message },
      });
      return;
    }
    await sendQuietly(effect, 'requested', { instanceId: effect.instanceId, event: { type: 'requested', authority: redirect.authority, redirectUrl: redirect.redirectUrl } });
  };

  const verify: EffectHandler = async (effect) => {
    const payload = effect.payload as PaymentVerifyEffect;
    // The amount is the one stored with the payment (carried in this effect's stored payload).
    const outcome = await gateways.get(payload.gateway).verify({ authority: payload.authority, amountRial: payload.amountRial });
    const event =
      outcome.status === 'verified'
        ? // Without a bank reference from the gateway, the authority is the payment's reference.
          { type: 'verificationSucceeded', refId: outcome.refId ?? payload.authority, alreadyVerified: outcome.alreadyVerified, ...(outcome.cardPan ? { cardPan: outcome.cardPan } : {}) }
        : { type: 'verificationFailed', reason: outcome.reason, message: outcome.message };
    await sendQuietly(effect, 'verified', { instanceId: effect.instanceId, event });
  };

  const inquire: EffectHandler = async (effect) => {
    const payload = effect.payload as PaymentInquireEffect;
    const gateway = gateways.get(payload.gateway);
    const status = gateway.capabilities.inquire ? await gateway.inquire(payload.authority) : 'unknown';
    await sendQuietly(effect, 'inquired', { instanceId: effect.instanceId, event: { type: 'inquired', status } });
  };

  const reverse: EffectHandler = async (effect) => {
    const payload = effect.payload as PaymentReverseEffect;
    const gateway = gateways.get(payload.gateway);
    if (!gateway.capabilities.reverse) {
      await sendQuietly(effect, 'refused', { instanceId: effect.instanceId, event: { type: 'reverseRefused', message: `gateway ${payload.gateway} cannot reverse payments` } });
      return;
    }
    // No answer (time-out, −12, −52) rejects here and is retried: only a definite answer counts.
    const outcome = await gateway.reverse(payload.authority);
    // A refusal after an earlier run already reversed it (a crash before recording): done, not refused.
    const done = outcome.reversed || (gateway.capabilities.inquire && (await gateway.inquire(payload.authority)) === 'reversed');
    const event = done
      ? { type: 'reversed' }
      : { type: 'reverseRefused', message: outcome.message ?? 'the gateway refused to reverse the payment', ...(outcome.code !== undefined ? { code: outcome.code } : {}) };
    await sendQuietly(effect, done ? 'reversed' : 'refused', { instanceId: effect.instanceId, event });
  };

  const settle: EffectHandler = async (effect) => {
    const payload = effect.payload as PaymentSettleEffect;
    const event =
      payload.outcome === 'verified'
        ? { type: 'paymentVerified', paymentId: effect.instanceId, amountRial: payload.amountRial, refId: payload.refId }
        : { type: 'paymentFailed', paymentId: effect.instanceId, reason: payload.reason };
    const accepted = (await sendQuietly(effect, 'payer', { instanceId: payload.payerId, event })) !== undefined;
    if (payload.outcome === 'failed') return; // a payer that moved on needs nothing from a failed payment
    // Refused because this payment is already the payer's (another run of this effect got there
    // first): that is the work done, not the payer turning the money away.
    if (accepted || (await payerHolds(effect.tenantId, payload.payerId, effect.instanceId))) await sendQuietly(effect, 'settled', { instanceId: effect.instanceId, event: { type: 'settled' } });
    else await sendQuietly(effect, 'refused', { instanceId: effect.instanceId, event: { type: 'payerRefused', message: `payer ${payload.payerId} did not accept the payment` } });
  };

  return {
    'payment.open': open,
    'payment.request': request,
    'payment.verify': verify,
    'payment.inquire': inquire,
    'payment.settle': settle,
    'payment.reverse': reverse,
  };
}
