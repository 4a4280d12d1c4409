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

/** What a transport reports for a sent message. */
export interface TransportReceipt {
  /** The provider's id for the message, when it gives one. */
  providerMessageId?: string;
}

interface Delivery {
  /** Stable per outbox row: the same across retries and restarts. */
  idempotencyKey: string;
  /** The tenant of the message. */
  tenantId: string;
  /** Its language. */
  language: Language;
}

/** One e-mail for an e-mail transport. */
export interface EmailDelivery extends Delivery {
  /** The recipient's official address. */
  to: string;
  /** The profile's display name, for the To header. */
  toName?: string;
  /** The rendered e-mail. */
  message: RenderedEmail;
}

/** One SMS for an SMS transport. */
export interface SmsDelivery extends Delivery {
  /** Normalised Iranian mobile, 09xxxxxxxxx. */
  to: string;
  /** The rendered SMS. */
  message: RenderedSms;
}

/**
 * Sends rendered e-mails (SMTP, an API, the console). Throw `PermanentDeliveryError` for a message that will
 * never go through; other errors are retried.
 */
export interface EmailTransport {
  /** Sends one e-mail; idempotent by `delivery.idempotencyKey` where the provider allows. */
  send(delivery: EmailDelivery): Promise<TransportReceipt>;
}

/**
 * Sends rendered SMS messages. Throw `PermanentDeliveryError` for a message that will never go through; other
 * errors are retried.
 */
export interface SmsTransport {
  /** Sends one SMS. */
  send(delivery: SmsDelivery): Promise<TransportReceipt>;
}
