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

/** What starts a payment instance. */
export interface PaymentInput {
  /** The instance that asked for the payment (an order); it gets `paymentVerified` / `paymentFailed`. */
  payerId: string;
  /** Amount to charge, in whole Rial. */
  amountRial: bigint;
  /** The gateway's name. */
  gateway: string;
  /** Shown to the payer on the bank page. */
  description: string;
  /** Where the gateway sends the browser back. */
  callbackUrl: string;
  /** Whom the payment is for (the order's customer profile). */
  customerProfileId: string;
}

/** The payment workflow's context: the input plus what the gateway said. */
export interface PaymentContext extends PaymentInput {
  /** The gateway's id for the payment, once requested. */
  authority?: string;
  /** The bank page the payer was sent to. */
  redirectUrl?: string;
  /** The bank reference, once verified. */
  refId?: string;
  /** Masked card number from the gateway. */
  cardPan?: string;
  /** True when the gateway reported the payment as verified earlier (code 101). */
  alreadyVerified?: boolean;
  /** Why the payment failed, if it did. */
  failure?: { reason: PaymentFailureReason; message: string };
  /** Inquiries made so far (callback window ran out, unknown outcomes). */
  checks: number;
  /** The last inquiry's answer. */
  lastInquiry?: InquiryStatus;
  /**
   * How the money went back: reversed at the gateway (`reference` is the authority) or paid by
   * bank transfer, recorded by finance with the transfer's reference.
   */
  refund?: { reference: string; method?: 'gateway-reverse' | 'bank-transfer'; note?: string };
  /** The gateway's last refusal to reverse the payment (finance then pays it back by transfer). */
  reverseRefusal?: { message: string; code?: number };
}

/** The instance key holding a payment's gateway authority (unique per tenant). */
export const PAYMENT_AUTHORITY_KEY = 'payment.authority';
