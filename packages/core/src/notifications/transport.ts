/**
 * Channel transports: the last step of a notification, handing one rendered message for one
 * address to a provider (an SMTP server, an SMS web service, the console).
 *
 * Contract for implementers:
 * - Resolve once the provider has accepted the message; reject when it has not.
 * - Reject with `PermanentDeliveryError` when retrying cannot help (the mailbox does not exist,
 *   the number is invalid); any other rejection is retried by the outbox with backoff.
 * - Pass `idempotencyKey` to the provider where it has a de-duplication field (a deterministic
 *   Message-ID, a provider-side local id), so a resend after a crash is recognised.
 * - Never log the address (`to`): it is personal data. Mask it when you must show it.
 */
import type { Language } from '../ports/notification';
import type { RenderedEmail, RenderedSms } from './template-set';

export interface TransportReceipt {
  providerMessageId?: string;
}

interface Delivery {
  /** Stable per outbox row: the same across retries and restarts. */
  idempotencyKey: string;
  tenantId: string;
  language: Language;
}

export interface EmailDelivery extends Delivery {
  to: string;
  /** The profile's display name, for the To header. */
  toName?: string;
  message: RenderedEmail;
}

export interface SmsDelivery extends Delivery {
  /** Normalised Iranian mobile, 09xxxxxxxxx. */
  to: string;
  message: RenderedSms;
}

export interface EmailTransport {
  send(delivery: EmailDelivery): Promise<TransportReceipt>;
}

export interface SmsTransport {
  send(delivery: SmsDelivery): Promise<TransportReceipt>;
}
