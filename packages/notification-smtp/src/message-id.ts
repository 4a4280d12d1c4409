import { createHash } from 'node:crypto';

/**
 * A Message-ID derived from the outbox row's idempotency key: a resend of the same row carries
 * the same id, so mail systems (and the recipient's client) can recognise the duplicate.
 */
export function messageIdFor(idempotencyKey: string, domain: string): string {
  const digest = createHash('sha256').update(idempotencyKey).digest('hex').slice(0, 32);
  return `<statdesk.${digest}@${domain}>`;
}
