import { EntitySchema } from '@mikro-orm/core';

/** A delivered notification's idempotency key, so a retried send is answered as a duplicate. */
export interface SentNotificationRow {
  idempotencyKey: string;
  channel: string;
  template: string;
  providerMessageId: string | null;
  sentAt: Date;
  /** `sending` (an intent written before the provider was called) or `sent`. */
  state: string;
}

/**
 * Table `statdesk_sent_notifications`: the outbox keys of notifications already handed to a provider, so a
 * retry never sends twice.
 */
export const SentNotificationEntity = new EntitySchema<SentNotificationRow>({
  name: 'StatdeskSentNotification',
  tableName: 'statdesk_sent_notifications',
  properties: {
    idempotencyKey: { type: 'string', length: 500, primary: true },
    channel: { type: 'string', length: 10 },
    template: { type: 'string', length: 200 },
    providerMessageId: { type: 'string', length: 300, nullable: true },
    sentAt: { type: 'datetime' },
    state: { type: 'string', length: 10, default: 'sent' },
  },
});
