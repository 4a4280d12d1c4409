/**
 * The card-gateway port, shaped on Iran's Shaparak flow (request → redirect → callback →
 * verify), which every Iranian PSP follows.
 *
 * Contract:
 * - Amounts are whole Rial as `bigint`. The caller takes the amount to verify from its own
 *   storage, never from the callback's query string.
 * - `verify` MUST treat "already verified" as success (`alreadyVerified: true`) so a duplicate
 *   callback or a reconciler racing the callback is harmless.
 * - Every method may be retried; `requestPayment` with the same `idempotencyKey` SHOULD return
 *   the same authority where the gateway allows it.
 */
export interface PaymentRequest {
  tenantId: string;
  amountRial: bigint;
  description: string;
  callbackUrl: string;
  /** Our payment id, echoed into the gateway's metadata. */
  orderId: string;
  idempotencyKey: string;
  /** Optional contact hints the gateway shows the payer; never logged. */
  mobile?: string;
  email?: string;
}

export interface PaymentRedirect {
  authority: string;
  redirectUrl: string;
}

export type VerificationOutcome =
  | { status: 'verified'; refId: string; cardPan?: string; alreadyVerified: boolean }
  | { status: 'failed'; reason: 'not-paid' | 'amount-mismatch' | 'invalid-authority' | 'gateway-error'; message: string };

export type InquiryStatus = 'pending' | 'paid' | 'verified' | 'failed' | 'reversed' | 'unknown';

export interface PaymentGateway {
  /** The gateway's name, recorded with each payment (e.g. `zarinpal`). */
  readonly name: string;
  requestPayment(request: PaymentRequest): Promise<PaymentRedirect>;
  verify(input: { authority: string; amountRial: bigint }): Promise<VerificationOutcome>;
  /** Status only; never verifies. */
  inquire(authority: string): Promise<InquiryStatus>;
  /** Authorities paid by the card holder but not verified yet, for the reconciler. */
  listUnverified(): Promise<string[]>;
  /** Undo a verified payment where the gateway allows it (Zarinpal: within 30 minutes). */
  reverse(authority: string): Promise<{ reversed: boolean; message?: string }>;
}
