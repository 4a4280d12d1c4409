/**
 * What a gateway adapter throws when it has no definite answer about a payment. The payment
 * workflow's effect handlers retry every kind except `rejected` and `unsupported`, which a retry
 * cannot change.
 */
export type PaymentGatewayErrorKind =
  /** The gateway did not answer in time. */
  | 'timeout'
  /** No connection, or an HTTP status that is not the gateway's answer (5xx, 404 from a proxy). */
  | 'unavailable'
  /** An answer we cannot read (not JSON, fields missing). */
  | 'protocol'
  /** A definite refusal (bad merchant id, amount below minimum…): retrying will not help. */
  | 'rejected'
  /** The gateway does not offer this operation (see `capabilities`). */
  | 'unsupported'
  /** The gateway was switched off for new payments. */
  | 'disabled';

/**
 * A gateway adapter had no definite answer (see {@link PaymentGatewayErrorKind}); `retryable` tells whether
 * trying again may help.
 */
export class PaymentGatewayError extends Error {
  /** Stable error code. */
  readonly code = 'PAYMENT_GATEWAY' as const;
  constructor(
    /** The gateway's name. */
    readonly gateway: string,
    /** What went wrong. */
    readonly kind: PaymentGatewayErrorKind,
    message: string,
    /** The gateway's own result code, when it gave one (Zarinpal: -9, -10, …). */
    readonly gatewayCode?: number,
    options?: { cause?: unknown },
  ) {
    super(`${gateway}: ${message}`, options);
    this.name = 'PaymentGatewayError';
  }

  /** Worth trying again later: the gateway gave no definite answer. */
  get retryable(): boolean {
    return this.kind === 'timeout' || this.kind === 'unavailable' || this.kind === 'protocol';
  }
}

/** True when `error` is a `PaymentGatewayError`, optionally of one kind. */
export function isPaymentGatewayError(error: unknown, kind?: PaymentGatewayErrorKind): error is PaymentGatewayError {
  return error instanceof PaymentGatewayError && (kind === undefined || error.kind === kind);
}
