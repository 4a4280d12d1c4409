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

export interface SentNotification {
  idempotencyKey: string;
  channel: NotificationChannel;
  template: string;
  providerMessageId?: string;
  sentAt: Date;
}

export interface SentNotificationStore {
  find(idempotencyKey: string): Promise<SentNotification | undefined>;
  record(sent: SentNotification): Promise<void>;
}

/** In-process store: enough for one process and for tests; use a persistent one in production. */
export class MemorySentNotificationStore implements SentNotificationStore {
  private readonly records = new Map<string, SentNotification>();

  async find(idempotencyKey: string): Promise<SentNotification | undefined> {
    const found = this.records.get(idempotencyKey);
    return found && { ...found, sentAt: new Date(found.sentAt) };
  }

  async record(sent: SentNotification): Promise<void> {
    if (!this.records.has(sent.idempotencyKey)) this.records.set(sent.idempotencyKey, { ...sent, sentAt: new Date(sent.sentAt) });
  }

  get size(): number {
    return this.records.size;
  }
}

export function memorySentNotificationStore(): MemorySentNotificationStore {
  return new MemorySentNotificationStore();
}
