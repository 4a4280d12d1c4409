/**
 * Zarinpal v4 result codes the adapter acts on. Anything else negative is a refusal whose
 * message the gateway gives; the adapter passes it on.
 */
export const ZARINPAL_CODES = Object.freeze({
  success: 100,
  alreadyVerified: 101,
  validation: -9,
  amountMismatch: -50,
  failed: -51,
  invalidAuthority: -54,
} as const);

/** Inquiry statuses as Zarinpal names them. */
export const ZARINPAL_INQUIRY_STATUSES = Object.freeze({
  IN_BANK: 'pending',
  PAID: 'paid',
  VERIFIED: 'verified',
  FAILED: 'failed',
  REVERSED: 'reversed',
} as const);
