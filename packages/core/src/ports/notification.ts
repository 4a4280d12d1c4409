/**
 * The notifier port: delivers one message to a person over one channel.
 *
 * The engine never calls it inside a transaction: a notification is an outbox row written with
 * the transition that caused it and handed to the notifier after commit, possibly more than
 * once (a crash after sending and before marking the row done). So:
 * - `send` MUST be idempotent on `message.idempotencyKey`: a second call with a key already
 *   delivered MUST NOT deliver again (pass the key to the provider where it supports one, or
 *   remember it).
 * - `send` rejects when delivery failed and may be retried; it resolves once the provider has
 *   accepted the message.
 */
import type { JsonValue } from './json';

/** How a message reaches a person. */
export type NotificationChannel = 'email' | 'sms';
/** The languages statdesk writes messages in: Persian or English. */
export type Language = 'fa' | 'en';

/** Whom to reach: a profile, resolved to its official contact when the message is sent. */
export interface NotificationRecipient {
  /** The profile's tenant. */
  tenantId: string;
  /** The profile to reach. */
  profileId: string;
}

/** One message to send: to a profile, on a channel, from a template; the contact is resolved at send time. */
export interface NotificationMessage {
  /** Whom to reach. */
  recipient: NotificationRecipient;
  /** E-mail or SMS. */
  channel: NotificationChannel;
  /** Template id, e.g. `information-order.quote-ready`. */
  template: string;
  /** Template parameters: no personal data, only what the message shows (a tracking code, an amount). */
  params: Record<string, JsonValue>;
  /** The message's language. */
  language: Language;
  /** Stable per message across retries; a notifier MUST NOT deliver one key twice. */
  idempotencyKey: string;
}

/** What a notifier reports for a message. */
export interface NotificationReceipt {
  /** The provider's id for the message, when it gives one. */
  providerMessageId?: string;
  /** True when the key had been delivered before and nothing was sent now. */
  duplicate: boolean;
}

/**
 * The notifier port: delivers a message at most once per idempotency key, or throws (retried by the outbox
 * unless `PermanentDeliveryError`).
 */
export interface Notifier {
  /** Sends the message, or reports it as a duplicate of an earlier delivery. */
  send(message: NotificationMessage): Promise<NotificationReceipt>;
  /**
   * Whether this notifier can render the template, for notifiers that know their templates (the
   * template notifier does). `createDesk` asks it about every template the workflows declare and
   * refuses to start on an unknown one; a notifier without it is not checked.
   */
  knowsTemplate?(template: string): boolean;
}

/** A profile's official contacts, as the service-level agreement defines them. */
export interface OfficialContact {
  /** E-mail address, if the person gave one. */
  email?: string;
  /** Iranian mobile, normalised: 09xxxxxxxxx. */
  mobile?: string;
  /** The language the person reads messages in. */
  language: Language;
  /** How to address the person in a message (no other personal data). */
  displayName?: string;
}

/**
 * Resolves a profile to its official contacts at send time, so a changed e-mail address is used
 * by every message sent after the change. Implemented by the profile store.
 *
 * Contract: `undefined` for an unknown profile (or another tenant's).
 */
export interface ContactDirectory {
  /** The profile's contacts, or `undefined` for an unknown profile. */
  officialContact(tenantId: string, profileId: string): Promise<OfficialContact | undefined>;
}
