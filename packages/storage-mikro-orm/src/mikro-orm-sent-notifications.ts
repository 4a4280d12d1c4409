/**
 * `mikroOrmSentNotifications`: the notifier's sent-notification keys in
 * `statdesk_sent_notifications`, on the storage's own connection pool. `recordIntent` writes a
 * `sending` row before the provider is called; `record` turns it into `sent` (or inserts one), so
 * the first record of a key stays and a repeat (or a concurrent one) is a no-op. Rows hold the key, channel, template, provider id and time: no address, no text.
 */
import type { NotificationChannel, SentNotification, SentNotificationStore } from '@statdesk/core';
import type { MikroOrmStorage } from './mikro-orm-storage';
import type { SqlDatabase } from './sql/sql-database';
import { sqlValues, type SqlValues } from './sql/sql-values';

const sql = {
  find: 'SELECT idempotency_key, channel, template, provider_message_id, sent_at, state FROM statdesk_sent_notifications WHERE idempotency_key = ?',
  /** A record replaces an intent of its key, never another record. */
  record: `INSERT INTO statdesk_sent_notifications (idempotency_key, channel, template, provider_message_id, sent_at, state) VALUES (?, ?, ?, ?, ?, 'sent')
    ON CONFLICT (idempotency_key) DO UPDATE SET provider_message_id = excluded.provider_message_id, sent_at = excluded.sent_at, state = 'sent'
    WHERE statdesk_sent_notifications.state = 'sending'`,
  recordIntent: `INSERT INTO statdesk_sent_notifications (idempotency_key, channel, template, provider_message_id, sent_at, state) VALUES (?, ?, ?, NULL, ?, 'sending')
    ON CONFLICT (idempotency_key) DO NOTHING`,
};

/**
 * The record of sent notifications in the storage's database (`statdesk_sent_notifications`); create it with
 * {@link mikroOrmSentNotifications}.
 */
export class MikroOrmSentNotifications implements SentNotificationStore {
  private readonly values: SqlValues;

  /** @internal use `mikroOrmSentNotifications()`. */
  constructor(private readonly db: SqlDatabase) {
    this.values = sqlValues(db.dialect);
  }

  find(idempotencyKey: string): Promise<SentNotification | undefined> {
    return this.db.session(async (s) => {
      const [row] = await s.all(sql.find, [idempotencyKey]);
      if (!row) return undefined;
      return {
        idempotencyKey: String(row.idempotency_key),
        channel: row.channel as NotificationChannel,
        template: String(row.template),
        ...(row.provider_message_id !== null && row.provider_message_id !== undefined ? { providerMessageId: String(row.provider_message_id) } : {}),
        sentAt: this.values.readTime(row.sent_at),
        ...(row.state === 'sending' ? { state: 'sending' as const } : {}),
      };
    });
  }

  recordIntent(intent: Omit<SentNotification, 'providerMessageId' | 'state'>): Promise<void> {
    return this.db.session(async (s) => {
      await s.run(sql.recordIntent, [intent.idempotencyKey, intent.channel, intent.template, this.values.time(intent.sentAt)]);
    });
  }

  record(sent: SentNotification): Promise<void> {
    return this.db.session(async (s) => {
      await s.run(sql.record, [sent.idempotencyKey, sent.channel, sent.template, sent.providerMessageId ?? null, this.values.time(sent.sentAt)]);
    });
  }
}

/** A sent-notification store on the storage's database and connection pool; run the storage's migrations first. */
export function mikroOrmSentNotifications(storage: MikroOrmStorage): MikroOrmSentNotifications {
  return new MikroOrmSentNotifications(storage.database);
}
