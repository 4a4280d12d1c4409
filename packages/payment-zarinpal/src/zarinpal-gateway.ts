/**
 * A `PaymentGateway` that speaks Zarinpal's v4 REST API over `fetch`: request, StartPay
 * redirect, verify, inquiry, unVerified and reverse. Every call has a timeout; a timeout, a
 * broken connection, a non-JSON answer or a 5xx rejects with a retryable `PaymentGatewayError`,
 * while Zarinpal's definite answers become results (verify) or `rejected` errors (request).
 * Card holders' contact details go to the gateway as metadata and nowhere else: no logging here.
 */
import { PaymentGatewayError, type InquiryStatus, type PaymentGateway, type PaymentRedirect, type PaymentRequest, type UnverifiedPayment, type VerificationFailure, type VerificationOutcome } from '@statdesk/core';
import { match } from 'ts-pattern';
import { ZARINPAL_CODES, ZARINPAL_INQUIRY_STATUSES, classifyZarinpalCode } from './result-codes';

/** Base URL of Zarinpal's production API. */
export const ZARINPAL_PRODUCTION_URL = 'https://payment.zarinpal.com';
/** Base URL of Zarinpal's sandbox, for testing with a sandbox merchant id. */
export const ZARINPAL_SANDBOX_URL = 'https://sandbox.zarinpal.com';

/** Options of {@link zarinpalGateway}. */
export interface ZarinpalGatewayOptions {
  /** The merchant id (a UUID) from the Zarinpal panel. */
  merchantId: string;
  /** `ZARINPAL_PRODUCTION_URL`, `ZARINPAL_SANDBOX_URL`, or a simulator's URL in tests. */
  baseUrl: string;
  /** Per-call timeout (default 10 s). */
  timeoutMs?: number;
  /** Sent as a bearer token where configured; `reverse` needs only the merchant id and a registered server IP. */
  accessToken?: string;
  /** The name recorded with payments (default `zarinpal`); distinct names let a portal use two merchant accounts. */
  name?: string;
  /** For tests and proxies (default the global `fetch`). */
  fetch?: typeof fetch;
}

/** Zarinpal's answer: `data` and `errors` each an object, or an array (empty, or of objects). */
interface Envelope {
  data?: Record<string, unknown> | unknown[];
  errors?: Record<string, unknown> | unknown[];
}

/**
 * A `PaymentGateway` for Zarinpal's v4 REST API: request a payment (amount in Rial), redirect to its StartPay
 * page, verify on return, and inquire about a payment whose return never came. Known result codes are mapped
 * to statdesk's verification outcomes.
 */
export function zarinpalGateway(options: ZarinpalGatewayOptions): PaymentGateway {
  const name = options.name ?? 'zarinpal';
  if (!options.merchantId?.trim()) throw new PaymentGatewayError(name, 'rejected', 'merchantId is required');
  let base: URL;
  try {
    base = new URL(options.baseUrl);
  } catch {
    throw new PaymentGatewayError(name, 'rejected', 'baseUrl is not a URL');
  }
  const timeoutMs = options.timeoutMs ?? 10_000;
  const doFetch = options.fetch ?? fetch;

  /**
   * POSTs JSON and returns Zarinpal's code, data and message. Transport problems and transient
   * codes (−12, −52, unknown codes) reject with a retryable error: they say nothing definite.
   */
  async function call(path: string, body: Record<string, unknown>, headers: Record<string, string> = {}) {
    let response: Response;
    try {
      response = await doFetch(new URL(path, base), {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
        body: JSON.stringify({ merchant_id: options.merchantId, ...body }),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      const timedOut = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
      throw new PaymentGatewayError(name, timedOut ? 'timeout' : 'unavailable', timedOut ? `${path} did not answer within ${timeoutMs} ms` : `${path} could not be reached`, undefined, { cause: error });
    }
    let text: string;
    try {
      text = await response.text();
    } catch (error) {
      // The connection broke while the answer was coming in (a reset): nothing was read.
      throw new PaymentGatewayError(name, 'unavailable', `${path} broke off its answer`, undefined, { cause: error });
    }
    let envelope: Envelope;
    try {
      envelope = JSON.parse(text) as Envelope;
    } catch {
      throw new PaymentGatewayError(name, response.status >= 500 || response.status === 404 ? 'unavailable' : 'protocol', `${path} answered HTTP ${response.status} without JSON`);
    }
    const data = firstObject(envelope?.data);
    const errors = firstObject(envelope?.errors);
    const code = resultCode(data?.code) ?? resultCode(errors?.code);
    if (code === undefined) {
      throw new PaymentGatewayError(name, response.status >= 500 ? 'unavailable' : 'protocol', `${path} answered HTTP ${response.status} without a result code`);
    }
    const message = String((data?.message ?? errors?.message ?? '') || `code ${code}`);
    if (classifyZarinpalCode(code) === 'transient') throw new PaymentGatewayError(name, 'unavailable', `${path} answered ${code} (${message}); try again later`, code);
    return { code, data: data ?? {}, message };
  }

  return {
    name,
    capabilities: { inquire: true, listUnverified: true, reverse: true, refund: false },

    async requestPayment(request: PaymentRequest): Promise<PaymentRedirect> {
      const { code, data, message } = await call('/pg/v4/payment/request.json', {
        amount: toJsonAmount(name, request.amountRial),
        currency: 'IRR',
        description: request.description,
        callback_url: request.callbackUrl,
        metadata: { order_id: request.orderId, ...(request.mobile ? { mobile: request.mobile } : {}), ...(request.email ? { email: request.email } : {}) },
      });
      if (code !== ZARINPAL_CODES.success) throw new PaymentGatewayError(name, 'rejected', `payment request refused: ${message}`, code);
      const authority = data.authority;
      if (typeof authority !== 'string' || !authority) throw new PaymentGatewayError(name, 'protocol', 'payment request succeeded without an authority');
      return { authority, redirectUrl: new URL(`/pg/StartPay/${encodeURIComponent(authority)}`, base).toString() };
    },

    async verify({ authority, amountRial }): Promise<VerificationOutcome> {
      const { code, data, message } = await call('/pg/v4/payment/verify.json', { authority, amount: toJsonAmount(name, amountRial) });
      return match(classifyZarinpalCode(code))
        .returnType<VerificationOutcome>()
        .with('success', () => {
          // The reference is optional in the v4 answer: a 100/101 without it is still verified.
          const refId = data.ref_id;
          return {
            status: 'verified',
            ...(typeof refId === 'number' || (typeof refId === 'string' && refId) ? { refId: String(refId) } : {}),
            alreadyVerified: code === ZARINPAL_CODES.alreadyVerified,
            ...(typeof data.card_pan === 'string' && data.card_pan ? { cardPan: data.card_pan } : {}),
          };
        })
        .with('payment', () => ({ status: 'failed', reason: verificationFailure(code), message, code }))
        // Our merchant account is at fault, not the payment: the card holder may well have paid.
        .with('merchant', 'transient', () => {
          throw new PaymentGatewayError(name, 'unavailable', `verify refused for the merchant account: ${message}`, code);
        })
        .exhaustive();
    },

    async inquire(authority): Promise<InquiryStatus> {
      const { code, data } = await call('/pg/v4/payment/inquiry.json', { authority });
      if (code === ZARINPAL_CODES.invalidAuthority) return 'failed';
      if (code !== ZARINPAL_CODES.success) return 'unknown';
      const status = typeof data.status === 'string' ? data.status : '';
      return ZARINPAL_INQUIRY_STATUSES[status as keyof typeof ZARINPAL_INQUIRY_STATUSES] ?? 'unknown';
    },

    async listUnverified(): Promise<UnverifiedPayment[]> {
      const { code, data, message } = await call('/pg/v4/payment/unVerified.json', {});
      if (code !== ZARINPAL_CODES.success) throw new PaymentGatewayError(name, 'rejected', `unverified listing refused: ${message}`, code);
      const list = Array.isArray(data.authorities) ? (data.authorities as unknown[]) : [];
      return list.flatMap((item): UnverifiedPayment[] => {
        if (!item || typeof item !== 'object') return [];
        const { authority, amount } = item as { authority?: unknown; amount?: unknown };
        if (typeof authority !== 'string') return [];
        return [{ authority, ...(typeof amount === 'number' && Number.isSafeInteger(amount) ? { amountRial: BigInt(amount) } : {}) }];
      });
    },

    async reverse(authority) {
      // Zarinpal's reverse takes merchant_id and authority; the server's IP must be registered
      // with the terminal (else −62). A bearer token is sent only when one is configured.
      const { code, message } = await call('/pg/v4/payment/reverse.json', { authority }, options.accessToken ? { authorization: `Bearer ${options.accessToken}` } : {});
      return code === ZARINPAL_CODES.success ? { reversed: true } : { reversed: false, message, code };
    },

    async refund() {
      throw new PaymentGatewayError(name, 'unsupported', 'refunds go through the Zarinpal panel; record them on the order');
    },
  };
}

/** Zarinpal takes a JSON number; amounts past 2^53 cannot be sent exactly, so they are refused. */
function toJsonAmount(name: string, amountRial: bigint): number {
  if (amountRial <= 0n || amountRial > BigInt(Number.MAX_SAFE_INTEGER)) throw new PaymentGatewayError(name, 'rejected', `amount ${amountRial} Rial cannot be sent to the gateway`);
  return Number(amountRial);
}

/** The envelope part as an object: itself, or the first object of an array. */
function firstObject(part: unknown): Record<string, unknown> | undefined {
  const candidate: unknown = Array.isArray(part) ? part.find((item) => item !== null && typeof item === 'object' && !Array.isArray(item)) : part;
  return candidate !== null && typeof candidate === 'object' && !Array.isArray(candidate) ? (candidate as Record<string, unknown>) : undefined;
}

/** A result code given as a number or a numeric string (`"-51"`). */
function resultCode(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isInteger(value)) return value;
  if (typeof value === 'string' && /^\s*-?\d+\s*$/.test(value)) return Number(value);
  return undefined;
}

/** The failure reason of a definite verify answer about the payment. */
function verificationFailure(code: number): VerificationFailure {
  return match(code)
    .returnType<VerificationFailure>()
    .with(ZARINPAL_CODES.amountMismatch, () => 'amount-mismatch')
    .with(ZARINPAL_CODES.failed, () => 'not-paid')
    .with(ZARINPAL_CODES.invalidAuthority, ZARINPAL_CODES.otherMerchant, ZARINPAL_CODES.manualRequestNotFound, () => 'invalid-authority')
    .otherwise(() => 'gateway-error');
}
