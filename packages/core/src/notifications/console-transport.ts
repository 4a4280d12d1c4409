/**
 * Development transports that print rendered messages instead of sending them, with the
 * address masked so a shared terminal or log never shows a real contact.
 */
import { maskEmail, maskMobile } from './mask';
import type { EmailTransport, SmsTransport } from './transport';

/** Options of {@link consoleTransports}. */
export interface ConsoleTransportOptions {
  /** Where lines go. Default: standard output. */
  write?: (text: string) => void;
}

/**
 * E-mail and SMS transports that print each message (addresses masked) instead of sending it; for
 * development.
 */
export function consoleTransports(options: ConsoleTransportOptions = {}): { email: EmailTransport; sms: SmsTransport } {
  const write = options.write ?? ((text: string) => void process.stdout.write(`${text}\n`));
  let count = 0;
  return {
    email: {
      async send({ to, message, idempotencyKey }) {
        write(
          [`── e-mail to ${maskEmail(to)} [${message.template}, ${message.language}] key ${idempotencyKey}`, `Subject: ${message.subject}`, '', message.text].join('\n'),
        );
        return { providerMessageId: `console-${++count}` };
      },
    },
    sms: {
      async send({ to, message, idempotencyKey }) {
        write([`── SMS to ${maskMobile(to)} [${message.template}, ${message.language}] key ${idempotencyKey}`, message.text].join('\n'));
        return { providerMessageId: `console-${++count}` };
      },
    },
  };
}
