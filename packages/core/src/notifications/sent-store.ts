/**
 * The sent-notification store remembers which idempotency keys were delivered, so a retry of an
 * outbox row whose send succeeded but whose "done" mark was lost (a crash in between) is answered
 * as a duplicate instead of reaching the person twice.
 *
 * It also remembers sends that were about to happen (`recordIntent`, written before the provider
 * is called): a retry that finds an intent but no record knows the first attempt may have
 * reached the person, and the notifier decides (see `TemplateNotifierOptions.uncertainResend`).
 *
 * Contract for implementers (a storage adapter keeps it in a table keyed by `idempotencyKey`):
 * - `find` returns what `record` stored for the key (`state` absent or `sent`), or the intent
 *   (`state: 'sending'`), or `undefined`.
 * - `record` is idempotent: recording a key again keeps the first record and does not fail; a
 *   record replaces an intent of the same key.
 * - `recordIntent` (optional) stores an intent unless the key has an intent or a record already.
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
  /** When it was handed over (UTC); for an intent, when the send was about to start. */
  sentAt: Date;
  /** `sending`: an intent, the send's outcome unknown; absent (stores return it so) or `sent`: handed to the provider. */
  state?: 'sending' | 'sent';
}

/**
 * The notifications already sent, by outbox key, so a retried delivery is not sent twice (see the contract
 * above).
 */
export interface SentNotificationStore {
  /** The record for a key, if it was sent. */
  find(idempotencyKey: string): Promise<SentNotification | undefined>;
  /** Records a sent message; a second record of the same key keeps the first; it replaces an intent. */
  record(sent: SentNotification): Promise<void>;
  /** Optional: records that a send is about to start, unless the key is known already. */
  recordIntent?(intent: Omit<SentNotification, 'providerMessageId' | 'state'>): Promise<void>;
}

/** In-process store: enough for one process and for tests; use a persistent one in production. */
export class MemorySentNotificationStore implements SentNotificationStore {
  private readonly records = new Map<string, SentNotification>();

  /** The record for a key, if it was sent. */
  async find(idempotencyKey: string): Promise<SentNotification | undefined> {
    const found = this.records.get(idempotencyKey);
    return found && { ...found, sentAt: new Date(found.sentAt) };
  }

  /** Records a sent message; the first record of a key wins over later ones, and replaces an intent. */
  async record(sent: SentNotification): Promise<void> {
    const known = this.records.get(sent.idempotencyKey);
    if (!known || known.state === 'sending') {
      const { state: _state, ...record } = sent;
      this.records.set(sent.idempotencyKey, { ...record, sentAt: new Date(sent.sentAt) });
    }
  }

  /** Records that a send is about to start, unless the key is known. */
  async recordIntent(intent: Omit<SentNotification, 'providerMessageId' | 'state'>): Promise<void> {
    if (!this.records.has(intent.idempotencyKey)) this.records.set(intent.idempotencyKey, { ...intent, state: 'sending', sentAt: new Date(intent.sentAt) });
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
