import type { NotificationMessage, NotificationReceipt, Notifier } from '@statdesk/core';

/**
 * A notifier that keeps what it was asked to send. Honours the port's contract: a key already
 * delivered is not delivered again. `failNext(n)` makes the next n sends fail, for retry tests.
 */
export class RecordingNotifier implements Notifier {
  /** Messages delivered, once each. */
  readonly sent: NotificationMessage[] = [];
  /** Every call, including failed and duplicate ones. */
  readonly calls: NotificationMessage[] = [];
  private readonly delivered = new Set<string>();
  private failures = 0;

  async send(message: NotificationMessage): Promise<NotificationReceipt> {
    this.calls.push(structuredClone(message));
    if (this.failures > 0) {
      this.failures--;
      throw new Error('RecordingNotifier: simulated delivery failure');
    }
    if (this.delivered.has(message.idempotencyKey)) return { duplicate: true };
    this.delivered.add(message.idempotencyKey);
    this.sent.push(structuredClone(message));
    return { duplicate: false, providerMessageId: `msg-${this.sent.length}` };
  }

  /** Makes the next `times` sends fail with a retryable error. */
  failNext(times = 1): void {
    this.failures += times;
  }

  /** Forgets what was recorded. */
  clear(): void {
    this.sent.length = 0;
    this.calls.length = 0;
  }
}

/** A new recording notifier. */
export function recordingNotifier(): RecordingNotifier {
  return new RecordingNotifier();
}
