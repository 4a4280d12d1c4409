/**
 * The payment workflow definition: schemas and roles per event. Only the engine (`system`, via
 * the effect handlers, the callback handler and the reconciler) moves a payment; finance records
 * the refund of a payment nobody takes.
 */
import { z } from 'zod';
import { defineWorkflow } from '../engine/definition';
import { PAYMENT_AUTHORITY_KEY } from './payment-context';
import { paymentMachine } from './payment.machine';
import { resolvePaymentOptions, type PaymentOptions } from './payment-options';

/** The name of the payment workflow. */
export const PAYMENT_WORKFLOW = 'payment';

const SYSTEM = ['system'] as const;

/** Schema of a payment's start input (amount in whole Rial). */
export const paymentInputSchema = z.object({
  payerId: z.string().min(1),
  amountRial: z.bigint().positive('must be more than zero'),
  gateway: z.string().min(1),
  description: z.string().min(1).max(255),
  callbackUrl: z.url(),
  customerProfileId: z.string().min(1),
});

/**
 * The payment workflow definition: one instance per payment attempt, started by a payer workflow's
 * `payment.open` effect.
 */
export function paymentWorkflow(options: PaymentOptions = {}) {
  const settings = resolvePaymentOptions(options);
  return defineWorkflow({
    name: PAYMENT_WORKFLOW,
    version: settings.version,
    machine: paymentMachine(settings),
    create: { schema: paymentInputSchema, roles: SYSTEM },
    readRoles: settings.readRoles,
    events: {
      requested: { schema: z.object({ authority: z.string().min(1).max(100), redirectUrl: z.url() }), roles: SYSTEM, internal: true },
      requestRefused: { schema: z.object({ reason: z.enum(['request-refused', 'gateway-disabled']), message: z.string() }), roles: SYSTEM, internal: true },
      callback: { schema: z.object({ status: z.enum(['OK', 'NOK']) }), roles: SYSTEM, internal: true },
      reportedPaid: { roles: SYSTEM, internal: true },
      inquired: { schema: z.object({ status: z.enum(['pending', 'paid', 'verified', 'failed', 'reversed', 'unknown']) }), roles: SYSTEM, internal: true },
      verificationSucceeded: {
        schema: z.object({ refId: z.string().min(1), cardPan: z.string().optional(), alreadyVerified: z.boolean() }),
        roles: SYSTEM, internal: true,
        // A masked PAN is still card data: kept on the payment, never in its history.
        personal: ['cardPan'],
      },
      verificationFailed: {
        schema: z.object({ reason: z.enum(['not-paid', 'amount-mismatch', 'invalid-authority', 'gateway-error']), message: z.string() }),
        roles: SYSTEM, internal: true,
      },
      settled: { roles: SYSTEM, internal: true },
      payerRefused: { schema: z.object({ message: z.string() }), roles: SYSTEM, internal: true },
      recordRefund: { schema: z.object({ reference: z.string().min(1).max(100), note: z.string().max(500).optional() }), roles: settings.refundRoles },
      reverse: { roles: settings.refundRoles },
      reversed: { roles: SYSTEM },
      reverseRefused: { schema: z.object({ message: z.string().max(500), code: z.number().int().optional() }), roles: SYSTEM },
    },
    keys: (snapshot) => (snapshot.context.authority ? [{ name: PAYMENT_AUTHORITY_KEY, value: snapshot.context.authority, unique: true }] : []),
  });
}

/** The type of the payment workflow definition. */
export type PaymentWorkflow = ReturnType<typeof paymentWorkflow>;
