import type { InquiryStatus, VerificationFailure } from '../ports/payment';

/** Why a payment ended without money taken (or with money that has to go back). */
export type PaymentFailureReason =
  | VerificationFailure
  /** The payer cancelled at the bank (callback `Status=NOK`). */
  | 'cancelled'
  /** The payer never paid within the callback window and the inquiries that followed. */
  | 'abandoned'
  /** The gateway refused to open the payment. */
  | 'request-refused'
  /** The gateway was switched off before the payment was opened. */
  | 'gateway-disabled'
  /** The gateway could not be reached to open the payment. */
  | 'gateway-unavailable'
  /** The gateway never gave a definite answer; finance checks the merchant panel by hand. */
  | 'unresolved';

export interface PaymentInput {
  /** The instance that asked for the payment (an order); it gets `paymentVerified` / `paymentFailed`. */
  payerId: string;
  amountRial: bigint;
  gateway: string;
  description: string;
  callbackUrl: string;
  /** Whom the payment is for (the order's customer profile). */
  customerProfileId: string;
}

export interface PaymentContext extends PaymentInput {
  authority?: string;
  redirectUrl?: string;
  refId?: string;
  /** Masked card number from the gateway. */
  cardPan?: string;
  alreadyVerified?: boolean;
  failure?: { reason: PaymentFailureReason; message: string };
  /** Inquiries made so far (callback window ran out, unknown outcomes). */
  checks: number;
  lastInquiry?: InquiryStatus;
  refund?: { reference: string; note?: string };
}

/** The instance key holding a payment's gateway authority (unique per tenant). */
export const PAYMENT_AUTHORITY_KEY = 'payment.authority';
