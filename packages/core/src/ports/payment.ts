/**
 * The card-gateway port, shaped on Iran's Shaparak flow (request → redirect → callback →
 * verify), which every Iranian PSP follows. `@statdesk/payment-zarinpal` implements it over
 * HTTP; `@statdesk/testing` has a gateway simulator to test an adapter against.
 *
 * Contract:
 * - Amounts are whole Rial as `bigint`. The caller takes the amount to verify from its own
 *   storage, never from the callback's query string.
 * - `requestPayment` resolves with the gateway's authority and the URL to send the browser to,
 *   or rejects with a `PaymentGatewayError` (from `@statdesk/core`): `kind: 'rejected'` when the
 *   gateway answered no (retrying will not help), any other kind when it may be retried.
 * - `verify` MUST treat "already verified" (Zarinpal code 101) as success with
 *   `alreadyVerified: true`, so a duplicate callback or a reconciler racing the callback is
 *   harmless. A definite answer about the payment (not paid, amount mismatch, unknown authority)
 *   resolves as `status: 'failed'`; anything else (a timeout, 5xx, a reset connection, an
 *   unreadable answer, "too many attempts", a gateway-internal error, a merchant-account problem)
 *   MUST reject, so the caller retries instead of failing a payment the card holder may have made.
 * - `inquire` reports status only and MUST NOT verify.
 * - Every method may be called again after a crash; none may move money twice.
 * - A method whose capability flag is `false` rejects with `PaymentGatewayError` of kind
 *   `unsupported`; callers check `capabilities` first.
 */
export interface PaymentRequest {
  /** The tenant taking the payment. */
  tenantId: string;
  /** Amount to charge, in whole Rial. */
  amountRial: bigint;
  /** Shown to the payer on the bank page. */
  description: string;
  /** Where the gateway sends the browser back (absolute URL). */
  callbackUrl: string;
  /** Our payment id, echoed into the gateway's metadata. */
  orderId: string;
  /** Stable across retries of one request, so a retry does not open a second payment. */
  idempotencyKey: string;
  /** Optional contact hints the gateway shows the payer; never logged. */
  mobile?: string;
  /** E-mail hint for the payer, never logged. */
  email?: string;
}

/** Where to send the payer: the gateway's authority for the payment and its bank page. */
export interface PaymentRedirect {
  /** The gateway's id for the payment, needed to verify it. */
  authority: string;
  /** The bank page to redirect the browser to. */
  redirectUrl: string;
}

/** Why a verification failed: each one a definite answer from the gateway. */
export type VerificationFailure = 'not-paid' | 'amount-mismatch' | 'invalid-authority' | 'gateway-error';

/** What `verify` found: `verified` (with the bank reference), or `failed` with a definite reason. */
export type VerificationOutcome =
  | {
      status: 'verified';
      /** The bank reference; optional, as some gateways' answers omit it (callers then use the authority). */
      refId?: string;
      /** Masked card number as the gateway shows it (e.g. `6037-99**-****-1234`). */
      cardPan?: string;
      alreadyVerified: boolean;
    }
  | { status: 'failed'; reason: VerificationFailure; message: string; /** The gateway's own code, e.g. -51. */ code?: number };

/**
 * What an inquiry says: `pending` (payer has not paid, or is still at the bank), `paid` (paid,
 * not verified yet), `verified`, `failed`, `reversed`, or `unknown` (the gateway cannot say).
 */
export type InquiryStatus = 'pending' | 'paid' | 'verified' | 'failed' | 'reversed' | 'unknown';

/** Which of the optional operations this gateway offers. */
export interface PaymentGatewayCapabilities {
  /** `inquire`: status of one authority. */
  inquire: boolean;
  /** `listUnverified`: authorities paid by the card holder and not verified yet. */
  listUnverified: boolean;
  /** `reverse`: undo a verified payment within the gateway's window (Zarinpal: 30 minutes). */
  reverse: boolean;
  /** `refund`: return part or all of a verified payment to the card. */
  refund: boolean;
}

/** A payment the gateway says was paid but not yet verified. */
export interface UnverifiedPayment {
  /** The gateway's id for the payment. */
  authority: string;
  /** What the gateway says was paid (informational: verification uses the stored amount). */
  amountRial?: bigint;
}

/**
 * The card-gateway port (see the module contract above): request, verify, inquire, reconcile, reverse and
 * refund payments in whole Rial.
 */
export interface PaymentGateway {
  /** The gateway's name, recorded with each payment (e.g. `zarinpal`). */
  readonly name: string;
  /** Which optional operations this gateway supports. */
  readonly capabilities: PaymentGatewayCapabilities;
  /** Opens a payment at the gateway; resolves with where to send the payer. */
  requestPayment(request: PaymentRequest): Promise<PaymentRedirect>;
  /** Verifies a returned payment against the amount from our own records (whole Rial). */
  verify(input: { authority: string; amountRial: bigint }): Promise<VerificationOutcome>;
  /** Status only; never verifies. */
  inquire(authority: string): Promise<InquiryStatus>;
  /** Payments paid by the card holder but not verified yet, for the reconciler. */
  listUnverified(): Promise<UnverifiedPayment[]>;
  /**
   * Undo a verified payment where the gateway allows it (in full, inside its window). A definite
   * refusal (window passed, not verified, not reversible) resolves `reversed: false`; no answer rejects.
   */
  reverse(authority: string): Promise<{ reversed: boolean; message?: string; /** The gateway's own code for a refusal. */ code?: number }>;
  /** Return money to the card; `reference` is the gateway's id for the refund. */
  refund(input: { authority: string; amountRial: bigint; reason: string }): Promise<{ reference: string }>;
}

/**
 * The kill switch: whether a gateway may take new payments. Gateways shut down (IDPay and
 * Pay.ir did in 2025); an operator turns one off without a deploy. A portal running several
 * processes backs it with shared configuration; `createGatewayRegistry` keeps one in memory.
 *
 * Contract: turning a gateway off stops new payment requests only. Payments already sent to it
 * are still verified and reconciled through it, because the card holder's money may be there.
 */
export interface GatewaySwitch {
  /** Whether the gateway may take new payments now. */
  isEnabled(gateway: string): boolean | Promise<boolean>;
}
