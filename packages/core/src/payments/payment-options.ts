import { DefinitionError } from '../errors';

/** Options of the payment workflow: its version, timeouts, inquiry schedule and roles. */
export interface PaymentOptions {
  /** The definition's version (default `1`). */
  version?: string;
  /** How long the gateway may take to open a payment before it fails (default 10 minutes). */
  requestTimeoutMs?: number;
  /** How long to wait for the browser's callback before asking the gateway (default 20 minutes). */
  callbackWindowMs?: number;
  /** How long an inquiry may stay unanswered before the outcome counts as unknown (default 10 minutes). */
  inquiryTimeoutMs?: number;
  /** How long verification may stay unanswered before the outcome counts as unknown (default 10 minutes). */
  verifyTimeoutMs?: number;
  /** Pause between re-checks of an unknown payment (default 30 minutes). */
  recheckIntervalMs?: number;
  /** Inquiries before an unpaid payment is abandoned or an unknown one unresolved (default 6). */
  maxChecks?: number;
  /** Roles that record a refund by hand (default `finance-officer`, `supervisor`). */
  refundRoles?: readonly string[];
  /** Staff roles that may read payments (default finance officer, supervisor, shop clerk). */
  readRoles?: readonly string[];
}

/** Payment options with every default filled in. */
export type ResolvedPaymentOptions = Required<Omit<PaymentOptions, 'version'>> & { version: string };

const MINUTE = 60_000;

/**
 * Fills in the defaults of {@link PaymentOptions} and checks the values; throws `DefinitionError` naming a
 * bad one.
 */
export function resolvePaymentOptions(options: PaymentOptions = {}): ResolvedPaymentOptions {
  const resolved: ResolvedPaymentOptions = {
    version: options.version ?? '1',
    requestTimeoutMs: options.requestTimeoutMs ?? 10 * MINUTE,
    callbackWindowMs: options.callbackWindowMs ?? 20 * MINUTE,
    inquiryTimeoutMs: options.inquiryTimeoutMs ?? 10 * MINUTE,
    verifyTimeoutMs: options.verifyTimeoutMs ?? 10 * MINUTE,
    recheckIntervalMs: options.recheckIntervalMs ?? 30 * MINUTE,
    maxChecks: options.maxChecks ?? 6,
    refundRoles: options.refundRoles ?? ['finance-officer', 'supervisor'],
    readRoles: options.readRoles ?? ['finance-officer', 'supervisor', 'shop-clerk'],
  };
  for (const name of ['requestTimeoutMs', 'callbackWindowMs', 'inquiryTimeoutMs', 'verifyTimeoutMs', 'recheckIntervalMs'] as const) {
    const value = resolved[name];
    if (!Number.isInteger(value) || value < 1) throw new DefinitionError(`payment: ${name} must be a whole number of milliseconds ≥ 1 (got ${value})`);
  }
  if (!Number.isInteger(resolved.maxChecks) || resolved.maxChecks < 1) throw new DefinitionError(`payment: maxChecks must be a whole number ≥ 1 (got ${resolved.maxChecks})`);
  return resolved;
}
