/**
 * An SMS provider's template ("lookup"/"verify") API, described as data: how to build the HTTP
 * request for one message and how to read the answer. Iranian providers differ in URL, auth and
 * field names but share the shape: a template registered at the provider, the receptor, tokens.
 */

/** One message to send through a provider template. */
export interface LookupMessage {
  /** Normalised Iranian mobile, 09xxxxxxxxx. */
  receptor: string;
  /** The provider-side template name (from the notification's SMS template). */
  template: string;
  /** Token values by name, in the template's order. */
  tokens: Readonly<Record<string, string>>;
  /** A de-duplication id derived from the outbox key, for providers that accept one. */
  localId: string;
}

/** The HTTP request a provider wants sent for one lookup message; the transport sends it. */
export interface ProviderRequest {
  /** Absolute URL, query string included. */
  url: string;
  /** HTTP method. */
  method: 'GET' | 'POST';
  /** Request headers (content type, API key header…). */
  headers: Record<string, string>;
  /** Request body, already encoded (JSON or form). */
  body?: string;
}

/**
 * How a provider read its answer: sent (with the provider's message id when it gives one), or failed —
 * `permanent` failures (bad template, blocked number) are not retried, the rest are.
 */
export type ProviderAnswer = { ok: true; messageId?: string } | { ok: false; permanent: boolean; reason: string };

/**
 * An SMS provider's template (lookup) API in two halves: build the request for a message, and read the
 * answer. `smsTransport` does the sending, retries and redaction; see `kavenegar` and `smsIr`.
 */
export interface SmsProvider {
  /** Short provider name, used in receipts and logs (`kavenegar`, `sms.ir`). */
  readonly name: string;
  /** Problems with a provider template name, checked at startup (e.g. no id mapped for it). */
  templateProblem?(template: string): string | undefined;
  /** The request that sends `message` with the provider's template. */
  request(message: LookupMessage): ProviderRequest;
  /** Read the HTTP status and body; `reason` must not contain the receptor. */
  answer(status: number, body: string): ProviderAnswer;
}

export function parseJson(body: string): unknown {
  try {
    return JSON.parse(body) as unknown;
  } catch {
    return undefined;
  }
}
