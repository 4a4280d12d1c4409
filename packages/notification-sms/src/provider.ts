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

export interface ProviderRequest {
  url: string;
  method: 'GET' | 'POST';
  headers: Record<string, string>;
  body?: string;
}

export type ProviderAnswer = { ok: true; messageId?: string } | { ok: false; permanent: boolean; reason: string };

export interface SmsProvider {
  readonly name: string;
  /** Problems with a provider template name, checked at startup (e.g. no id mapped for it). */
  templateProblem?(template: string): string | undefined;
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
