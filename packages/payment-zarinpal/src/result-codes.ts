/**
 * Every result code Zarinpal's v4 payment API answers, and what each means for a payment.
 *
 * A code is one of:
 * - `success`: the call did what was asked (100; 101 on verify: verified earlier);
 * - `transient`: the gateway is busy or broken (−12 too many attempts, −52 internal error):
 *   nothing is known about the payment, so the call is retried later and never fails a payment;
 * - `merchant`: our merchant account or request is wrong (bad merchant id, suspended terminal,
 *   invalid fields, wages settings): a refusal to open a payment, but on verify or inquiry it
 *   says nothing about whether the card holder paid, so it is retried (and logged) there;
 * - `payment`: a definite answer about this payment (not paid, amount differs, unknown
 *   authority, cannot be reversed): the only answers that fail a payment or a reversal.
 *
 * Codes not listed here are treated as `transient`: an answer we cannot read is not a definite one.
 */

/** How the adapter treats a result code (see the module comment). */
export type ZarinpalCodeClass = 'success' | 'transient' | 'merchant' | 'payment';

/** One result code: its class and what Zarinpal's documentation says it means. */
export interface ZarinpalCode {
  /** How the adapter treats it. */
  class: ZarinpalCodeClass;
  /** Zarinpal's meaning, in English. */
  meaning: string;
}

/** Every code of the v4 payment API (request, verify, inquiry, unVerified, reverse). */
export const ZARINPAL_RESULT_CODES: Readonly<Record<number, ZarinpalCode>> = Object.freeze({
  100: { class: 'success', meaning: 'Success' },
  101: { class: 'success', meaning: 'Verified earlier (verify only)' },
  [-9]: { class: 'merchant', meaning: 'Validation error in the request fields' },
  [-10]: { class: 'merchant', meaning: 'Terminal is not valid: merchant_id or server IP address' },
  [-11]: { class: 'merchant', meaning: 'Terminal is not active' },
  [-12]: { class: 'transient', meaning: 'Too many attempts, try again later' },
  [-15]: { class: 'merchant', meaning: 'Terminal user is suspended' },
  [-16]: { class: 'merchant', meaning: 'Terminal user level is not valid' },
  [-17]: { class: 'merchant', meaning: 'Terminal user level is limited (blue level)' },
  [-18]: { class: 'merchant', meaning: 'Referrer address does not match the registered domain' },
  [-19]: { class: 'merchant', meaning: 'Terminal user transactions are banned' },
  [-30]: { class: 'merchant', meaning: 'Terminal does not allow floating wages' },
  [-31]: { class: 'merchant', meaning: 'Terminal does not allow wages: no default bank account in the panel' },
  [-32]: { class: 'merchant', meaning: 'Wages exceed the maximum (floating)' },
  [-33]: { class: 'merchant', meaning: 'Floating wages are not valid' },
  [-34]: { class: 'merchant', meaning: 'Wages exceed the maximum (fixed)' },
  [-35]: { class: 'merchant', meaning: 'Wages reached the maximum number of parts' },
  [-36]: { class: 'merchant', meaning: 'Floating wages below the 10,000 Rial minimum' },
  [-37]: { class: 'merchant', meaning: 'A wages IBAN is inactive at the bank' },
  [-38]: { class: 'merchant', meaning: 'Wages IBAN not set at Shaparak' },
  [-39]: { class: 'merchant', meaning: 'Wages error' },
  [-40]: { class: 'merchant', meaning: 'Invalid extra parameters (expire_in)' },
  [-41]: { class: 'merchant', meaning: 'Amount above the 100,000,000 Toman maximum' },
  [-50]: { class: 'payment', meaning: 'Amount differs from the paid amount' },
  [-51]: { class: 'payment', meaning: 'Not paid: the session has no successful payment' },
  [-52]: { class: 'transient', meaning: 'Gateway internal error, contact support' },
  [-53]: { class: 'payment', meaning: 'The session belongs to another merchant' },
  [-54]: { class: 'payment', meaning: 'Invalid authority' },
  [-55]: { class: 'payment', meaning: 'Manual payment request not found' },
  [-60]: { class: 'payment', meaning: 'The bank cannot reverse this session' },
  [-61]: { class: 'payment', meaning: 'The session is not in success status (not verified): nothing to reverse' },
  [-62]: { class: 'merchant', meaning: 'Reverse needs the server IP registered with the terminal' },
  [-63]: { class: 'payment', meaning: 'The reversal window (30 minutes from payment) has passed' },
});

/** The class of a code; unknown codes are transient (see the module comment). */
export function classifyZarinpalCode(code: number): ZarinpalCodeClass {
  return ZARINPAL_RESULT_CODES[code]?.class ?? 'transient';
}

/** Result codes the adapter acts on by name. */
export const ZARINPAL_CODES = Object.freeze({
  success: 100,
  alreadyVerified: 101,
  validation: -9,
  amountMismatch: -50,
  failed: -51,
  otherMerchant: -53,
  invalidAuthority: -54,
  manualRequestNotFound: -55,
  notReversible: -60,
  notVerified: -61,
  reverseIpNotRegistered: -62,
  reverseWindowPassed: -63,
} as const);

/** Inquiry statuses as Zarinpal names them. */
export const ZARINPAL_INQUIRY_STATUSES = Object.freeze({
  IN_BANK: 'pending',
  PAID: 'paid',
  VERIFIED: 'verified',
  FAILED: 'failed',
  REVERSED: 'reversed',
} as const);
