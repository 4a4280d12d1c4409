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

export type NotificationChannel = 'email' | 'sms';
export type Language = 'fa' | 'en';

/** Whom to reach: a profile, resolved to its official contact when the message is sent. */
export interface NotificationRecipient {
  tenantId: string;
  profileId: string;
}

export interface NotificationMessage {
  recipient: NotificationRecipient;
  channel: NotificationChannel;
  /** Template id, e.g. `information-order.quote-ready`. */
  template: string;
  params: Record<string, JsonValue>;
  language: Language;
  idempotencyKey: string;
}

export interface NotificationReceipt {
  /** The provider's id for the message, when it gives one. */
  providerMessageId?: string;
  /** True when the key had been delivered before and nothing was sent now. */
  duplicate: boolean;
}

export interface Notifier {
  send(message: NotificationMessage): Promise<NotificationReceipt>;
}

/** A profile's official contacts, as the service-level agreement defines them. */
export interface OfficialContact {
  email?: string;
  /** Iranian mobile, normalised: 09xxxxxxxxx. */
  mobile?: string;
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
  officialContact(tenantId: string, profileId: string): Promise<OfficialContact | undefined>;
}
