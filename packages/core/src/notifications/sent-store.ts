/**
 * The sent-notification store remembers which idempotency keys were delivered, so a retry of an
 * outbox row whose send succeeded but whose "done" mark was lost (a crash in between) is answered
 * as a duplicate instead of reaching the person twice.
 *
 * Contract for implementers (a storage adapter keeps it in a table keyed by `idempotencyKey`):
 * - `find` returns what `record` stored for the key, or `undefined`.
 * - `record` is idempotent: recording a key again keeps the first record and does not fail.
 * - Records hold no personal data (no address, no message text).
 */
import type { NotificationChannel } from '../ports/notification';

/** A notification already handed to a provider. */
export interface SentNotification {
  /** The outbox key of the message. */
  idempotencyKey: string;
  /** E-mail or SMS. */
  channel: NotificationChannel;
  /** The template id. */
  template: string;
  /** The provider's id for the message, when it gave one. */
  providerMessageId?: string;
  /** When it was handed over (UTC). */
  sentAt: Date;
}

/**
 * The notifications already sent, by outbox key, so a retried delivery is not sent twice (see the contract
 * above).
 */
export interface SentNotificationStore {
  /** The record for a key, if it was sent. */
  find(idempotencyKey: string): Promise<SentNotification | undefined>;
  /** Records a sent message; a second record of the same key keeps the first. */
  record(sent: SentNotification): Promise<void>;
}

/** In-process store: enough for one process and for tests; use a persistent one in production. */
export class MemorySentNotificationStore implements SentNotificationStore {
  private readonly records = new Map<string, SentNotification>();

  /** The record for a key, if it was sent. */
  async find(idempotencyKey: string): Promise<SentNotification | undefined> {
    const found = this.records.get(idempotencyKey);
    return found && { ...found, sentAt: new Date(found.sentAt) };
  }

  /** Records a sent message; the first record of a key wins. */
  async record(sent: SentNotification): Promise<void> {
    if (!this.records.has(sent.idempotencyKey)) this.records.set(sent.idempotencyKey, { ...sent, sentAt: new Date(sent.sentAt) });
  }

  /** How many keys are recorded. */
  get size(): number {
    return this.records.size;
  }
}

/** A new in-process sent-notification store. */
export function memorySentNotificationStore(): MemorySentNotificationStore {
  return new MemorySentNotificationStore();
}
