/**
 * One card-gateway payment as its own durable workflow. Every call to the gateway is an outbox
 * effect run after the state that asked for it committed, so a crash repeats a call (gateways
 * are idempotent on authority) but never loses the fact that it was asked for.
 *
 * initiated → redirected → (callback OK | reconciler says paid) → verifying → verified → settled;
 * NOK, definite failures and abandoned payments end in `failed` (a NOK arriving while the payment
 * is already being checked is confirmed by verification first); answers that never come lead
 * to `unknown`, which the reconciler keeps re-checking. A verified payment whose payer no longer
 * takes it (the order was cancelled meanwhile) waits in `refundDue` for finance, who either has
 * the gateway reverse it (`reverse`, inside the gateway's window) or pays it back by bank
 * transfer and records the reference (`recordRefund`).
 */
import { assign, setup } from 'xstate';
import { effect } from '../engine/effects';
import type { InquiryStatus, VerificationFailure } from '../ports/payment';
import type { PaymentContext, PaymentFailureReason, PaymentInput } from './payment-context';
import type { ResolvedPaymentOptions } from './payment-options';

/**
 * The events of the payment machine: gateway answers, callbacks, inquiries, finance's manual settlement and
 * refunds.
 */
export type PaymentEvent =
  | { type: 'requested'; authority: string; redirectUrl: string }
  | { type: 'requestRefused'; reason: 'request-refused' | 'gateway-disabled'; message: string }
  | { type: 'callback'; status: 'OK' | 'NOK' }
  | { type: 'reportedPaid' }
  | { type: 'inquired'; status: InquiryStatus }
  | { type: 'verificationSucceeded'; refId: string; cardPan?: string; alreadyVerified: boolean }
  | { type: 'verificationFailed'; reason: VerificationFailure; message: string }
  | { type: 'settled' }
  | { type: 'payerRefused'; message: string }
  | { type: 'recordRefund'; reference: string; note?: string }
  | { type: 'reverse' }
  | { type: 'reversed' }
  | { type: 'reverseRefused'; message: string; code?: number };

/** Effect payloads the payment emits; handlers in `paymentEffects`. */
export interface PaymentRequestEffect {
  /** The gateway's name. */
  gateway: string;
  /** Amount in whole Rial. */
  amountRial: bigint;
  /** Shown to the payer. */
  description: string;
  /** Where the gateway sends the browser back. */
  callbackUrl: string;
}
/** Payload of the `payment.verify` effect. */
export interface PaymentVerifyEffect {
  /** The gateway's name. */
  gateway: string;
  /** The gateway's id for the payment. */
  authority: string;
  /** From the stored payment, never from the callback. */
  amountRial: bigint;
}
/** Payload of the `payment.inquire` effect. */
export interface PaymentInquireEffect {
  /** The gateway's name. */
  gateway: string;
  /** The gateway's id for the payment. */
  authority: string;
}
/** Payload of the `payment.reverse` effect: undo the verified payment at its gateway. */
export interface PaymentReverseEffect {
  /** The gateway's name. */
  gateway: string;
  /** The gateway's id for the payment. */
  authority: string;
}
/** Payload of the `payment.settle` effect: the outcome told to the payer instance. */
export type PaymentSettleEffect =
  | { payerId: string; outcome: 'verified'; amountRial: bigint; refId: string }
  | { payerId: string; outcome: 'failed'; reason: PaymentFailureReason };

/** The XState id of the payment machine. */
export const PAYMENT_MACHINE_ID = 'payment';

const fail = (reason: PaymentFailureReason, message: string) => ({ type: 'fail' as const, params: { reason, message } });

/**
 * The payment's XState machine for the given options: request, redirect, callback, verify, with durable
 * inquiry timers for lost callbacks and unknown outcomes.
 */
export function paymentMachine(options: ResolvedPaymentOptions) {
  return setup({
    types: {} as { context: PaymentContext; input: PaymentInput; events: PaymentEvent },
    guards: {
      callbackOk: ({ event }) => event.type === 'callback' && event.status === 'OK',
      inquiryPaid: ({ event }) => event.type === 'inquired' && (event.status === 'paid' || event.status === 'verified'),
      inquiryDefinitelyUnpaid: ({ event }) => event.type === 'inquired' && (event.status === 'failed' || event.status === 'reversed'),
      inquiryPending: ({ event }) => event.type === 'inquired' && event.status === 'pending',
      checksLeft: ({ context }) => context.checks < options.maxChecks,
      pendingWithChecksLeft: ({ context, event }) => event.type === 'inquired' && event.status === 'pending' && context.checks < options.maxChecks,
    },
    actions: {
      fail: assign((_, params: { reason: PaymentFailureReason; message: string }) => ({ failure: { reason: params.reason, message: params.message } })),
      recordVerification: assign(({ event }) =>
        event.type === 'verificationSucceeded' ? { refId: event.refId, cardPan: event.cardPan, alreadyVerified: event.alreadyVerified } : {},
      ),
      recordFailure: assign(({ event }) => (event.type === 'verificationFailed' ? { failure: { reason: event.reason, message: event.message } } : {})),
    },
    delays: {
      requestTimeout: options.requestTimeoutMs,
      callbackWindow: options.callbackWindowMs,
      inquiryTimeout: options.inquiryTimeoutMs,
      verifyTimeout: options.verifyTimeoutMs,
      recheckInterval: options.recheckIntervalMs,
    },
  }).createMachine({
    id: PAYMENT_MACHINE_ID,
    context: ({ input }) => ({ ...input, checks: 0 }),
    initial: 'initiated',
    states: {
      initiated: {
        entry: effect('payment.request', ({ context }): PaymentRequestEffect => ({
          gateway: context.gateway,
          amountRial: context.amountRial,
          description: context.description,
          callbackUrl: context.callbackUrl,
        })),
        after: { requestTimeout: { target: 'failed', actions: fail('gateway-unavailable', 'the gateway did not open the payment in time') } },
        on: {
          requested: {
            target: 'redirected',
            actions: assign({ authority: ({ event }) => event.authority, redirectUrl: ({ event }) => event.redirectUrl }),
          },
          requestRefused: { target: 'failed', actions: assign({ failure: ({ event }) => ({ reason: event.reason, message: event.message }) }) },
        },
      },
      redirected: {
        // The payer is at the bank. If no callback comes in the window (closed tab, app switch),
        // ask the gateway instead of waiting for ever.
        after: { callbackWindow: 'checking' },
        on: {
          callback: [{ guard: 'callbackOk', target: 'verifying' }, { target: 'failed', actions: fail('cancelled', 'the payer cancelled at the bank') }],
          reportedPaid: 'verifying',
        },
      },
      checking: {
        entry: [
          assign({ checks: ({ context }) => context.checks + 1 }),
          effect('payment.inquire', ({ context }): PaymentInquireEffect => ({ gateway: context.gateway, authority: context.authority! })),
        ],
        after: { inquiryTimeout: 'unknown' },
        on: {
          // A late callback or the unverified sweep may arrive while the inquiry is out. Here a NOK
          // is not taken at its word: the payer may have paid after all (a second tab, a retry at
          // the bank), so verification decides; an unpaid payment then fails as not paid.
          callback: 'verifying',
          reportedPaid: 'verifying',
          verificationSucceeded: { target: 'verified', actions: 'recordVerification' },
          verificationFailed: { target: 'failed', actions: 'recordFailure' },
          inquired: [
            { guard: 'inquiryPaid', target: 'verifying', actions: assign({ lastInquiry: ({ event }) => event.status }) },
            { guard: 'inquiryDefinitelyUnpaid', target: 'failed', actions: [assign({ lastInquiry: ({ event }) => event.status }), fail('not-paid', 'the gateway reports the payment failed')] },
            // Not paid yet: wait another window while checks are left, then call it abandoned.
            { guard: 'pendingWithChecksLeft', target: 'redirected', actions: assign({ lastInquiry: ({ event }) => event.status }) },
            { guard: 'inquiryPending', target: 'failed', actions: [assign({ lastInquiry: ({ event }) => event.status }), fail('abandoned', 'the payer did not pay')] },
            { target: 'unknown', actions: assign({ lastInquiry: ({ event }) => event.status }) },
          ],
        },
      },
      verifying: {
        entry: effect('payment.verify', ({ context }): PaymentVerifyEffect => ({
          gateway: context.gateway,
          authority: context.authority!,
          amountRial: context.amountRial,
        })),
        after: { verifyTimeout: 'unknown' },
        on: {
          verificationSucceeded: { target: 'verified', actions: 'recordVerification' },
          verificationFailed: { target: 'failed', actions: 'recordFailure' },
        },
      },
      unknown: {
        // The gateway gave no definite answer. Ask again later; verifying twice is safe (101).
        after: { recheckInterval: [{ guard: 'checksLeft', target: 'checking' }, { target: 'failed', actions: fail('unresolved', 'the gateway gave no definite answer') }] },
        on: {
          callback: [{ guard: 'callbackOk', target: 'verifying' }],
          reportedPaid: 'verifying',
          inquired: [{ guard: 'inquiryPaid', target: 'verifying', actions: assign({ lastInquiry: ({ event }) => event.status }) }],
          // A verification retried past its timeout may still answer: a definite answer wins.
          verificationSucceeded: { target: 'verified', actions: 'recordVerification' },
          verificationFailed: { target: 'failed', actions: 'recordFailure' },
        },
      },
      verified: {
        entry: effect('payment.settle', ({ context }): PaymentSettleEffect => ({
          payerId: context.payerId,
          outcome: 'verified',
          amountRial: context.amountRial,
          refId: context.refId!,
        })),
        on: {
          settled: 'settled',
          payerRefused: { target: 'refundDue', actions: fail('not-paid', 'verified, but the payer no longer takes it') },
        },
      },
      refundDue: {
        on: {
          // Finance paid it back by bank transfer (outside the gateway's reversal window, or a
          // gateway that cannot reverse) and records the transfer's reference.
          recordRefund: { target: 'refunded', actions: assign({ refund: ({ event }) => ({ reference: event.reference, method: 'bank-transfer' as const, ...(event.note ? { note: event.note } : {}) }) }) },
          // Finance asks the gateway to undo the payment (Zarinpal: within 30 minutes of payment).
          reverse: 'reversing',
        },
      },
      reversing: {
        entry: effect('payment.reverse', ({ context }): PaymentReverseEffect => ({ gateway: context.gateway, authority: context.authority! })),
        on: {
          reversed: { target: 'refunded', actions: assign({ refund: ({ context }) => ({ reference: context.authority!, method: 'gateway-reverse' as const }) }) },
          // A definite no (window passed, not reversible): back to finance, who pays it back by transfer.
          reverseRefused: {
            target: 'refundDue',
            actions: assign({ reverseRefusal: ({ event }) => ({ message: event.message, ...(event.code !== undefined ? { code: event.code } : {}) }) }),
          },
        },
      },
      settled: { type: 'final' },
      refunded: { type: 'final' },
      failed: {
        type: 'final',
        entry: effect('payment.settle', ({ context }): PaymentSettleEffect => ({
          payerId: context.payerId,
          outcome: 'failed',
          reason: context.failure?.reason ?? 'gateway-error',
        })),
      },
    },
  });
}

/** The type of the payment machine. */
export type PaymentMachine = ReturnType<typeof paymentMachine>;
