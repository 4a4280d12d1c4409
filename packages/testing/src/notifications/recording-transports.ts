import type { EmailDelivery, EmailTransport, SmsDelivery, SmsTransport, TransportReceipt } from '@statdesk/core';

/**
 * E-mail and SMS transports that keep what they were given. `fail(error, times)` makes the next
 * sends reject (a plain Error is retried by the outbox; a `PermanentDeliveryError` is not).
 */
export class RecordingTransports {
  /** E-mail deliveries. */
  readonly emails: EmailDelivery[] = [];
  /** SMS deliveries. */
  readonly texts: SmsDelivery[] = [];
  /** Every call, including failed ones. */
  attempts = 0;
  private failures: { error: () => Error; times: number } | undefined;

  /** The e-mail transport to hand to the notifier. */
  readonly email: EmailTransport = { send: (delivery) => this.deliver(() => this.emails.push(structuredClone(delivery))) };
  /** The SMS transport to hand to the notifier. */
  readonly sms: SmsTransport = { send: (delivery) => this.deliver(() => this.texts.push(structuredClone(delivery))) };

  /** The transports, as `createTemplateNotifier({ transports })` takes them. */
  get transports(): { email: EmailTransport; sms: SmsTransport } {
    return { email: this.email, sms: this.sms };
  }

  /** Makes the next `times` sends reject with `error()`. */
  fail(error: () => Error, times = 1): void {
    this.failures = { error, times };
  }

  private async deliver(keep: () => number): Promise<TransportReceipt> {
    this.attempts++;
    if (this.failures && this.failures.times > 0) {
      this.failures.times--;
      throw this.failures.error();
    }
    const count = keep();
    return { providerMessageId: `recorded-${this.emails.length + this.texts.length}-${count}` };
  }
}

/** New recording transports. */
export function recordingTransports(): RecordingTransports {
  return new RecordingTransports();
}
