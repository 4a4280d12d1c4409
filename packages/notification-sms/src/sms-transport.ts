/**
 * An SMS transport over a provider's template (lookup) HTTP API, using the global `fetch`.
 * The mobile number goes to the provider and nowhere else: not into errors, not into logs.
 */
import { createHash } from 'node:crypto';
import { DefinitionError, PermanentDeliveryError, type SmsDelivery, type SmsTransport, type TemplateSet, type TransportReceipt } from '@statdesk/core';
import type { SmsProvider } from './provider';

/** Options of {@link smsTransport}. */
export interface SmsTransportOptions {
  /** The provider whose template API sends the messages (`kavenegarProvider(...)`, `smsIrProvider(...)`). */
  provider: SmsProvider;
  /** Checked at construction: every lookup template these use must be known to the provider. */
  templates?: TemplateSet;
  /** Per request. Default 15 s. */
  timeoutMs?: number;
  /** Default: the global fetch. */
  fetch?: typeof fetch;
}

const MOBILE = /(?:\+98|0098|0)?9\d{9}/g;

/**
 * An `SmsTransport` for the notifier over a provider's template API: it checks at construction that every
 * lookup template is known to the provider, sends one HTTP request per message, classifies failures as
 * permanent or retryable, and keeps mobile numbers out of the reasons it reports.
 */
export function smsTransport(options: SmsTransportOptions): SmsTransport {
  const { provider } = options;
  const doFetch = options.fetch ?? fetch;
  const timeoutMs = options.timeoutMs ?? 15_000;
  if (options.templates && provider.templateProblem) {
    const problems = new Set<string>();
    for (const id of options.templates.ids()) {
      const template = options.templates.template(id);
      for (const language of ['fa', 'en'] as const) {
        const name = template[language].sms.lookup?.template;
        const problem = name === undefined ? `"${id}" (${language}) has no lookup template` : provider.templateProblem(name);
        if (problem) problems.add(problem);
      }
    }
    if (problems.size) throw new DefinitionError(`SMS provider ${provider.name} cannot send every notification:\n- ${[...problems].join('\n- ')}`);
  }

  return {
    async send(delivery: SmsDelivery): Promise<TransportReceipt> {
      const lookup = delivery.message.lookup;
      if (!lookup) throw new DefinitionError(`Notification "${delivery.message.template}" has no SMS lookup template; ${provider.name} sends template messages only`);
      let request;
      try {
        request = provider.request({ receptor: delivery.to, template: lookup.template, tokens: lookup.tokens, localId: localIdFor(delivery.idempotencyKey) });
      } catch (error) {
        throw new DefinitionError(`SMS provider ${provider.name}: ${error instanceof Error ? error.message : String(error)}`);
      }
      let status: number;
      let body: string;
      try {
        const response = await doFetch(request.url, {
          method: request.method,
          headers: request.headers,
          ...(request.body !== undefined ? { body: request.body } : {}),
          signal: AbortSignal.timeout(timeoutMs),
        });
        status = response.status;
        body = await response.text();
      } catch (error) {
        // The URL can hold the API key (Kavenegar) and the receptor: report only the cause.
        const cause = error instanceof Error ? ((error.cause as { code?: string } | undefined)?.code ?? error.name) : 'error';
        throw new Error(`SMS provider ${provider.name} unreachable (${cause})`);
      }
      const answer = provider.answer(status, body);
      if (answer.ok) return answer.messageId ? { providerMessageId: answer.messageId } : {};
      const reason = answer.reason.replace(MOBILE, '<mobile>');
      if (answer.permanent) throw new PermanentDeliveryError(`SMS provider ${provider.name} refused the message: ${reason}`);
      throw new Error(`SMS provider ${provider.name} failed: ${reason}`);
    },
  };
}

/** A numeric id derived from the outbox key (providers' local ids are often numeric). */
export function localIdFor(idempotencyKey: string): string {
  return BigInt(`0x${createHash('sha256').update(idempotencyKey).digest('hex').slice(0, 15)}`).toString();
}
