/**
 * Development transports that print rendered messages instead of sending them, masked as every
 * other log of statdesk is: the address, the recipient's name, links (a download link is a key)
 * and long codes (a complaint's tracking and secret codes), so a shared terminal or log never
 * shows a real contact or something to act on.
 */
import { maskEmail, maskMessageText, maskMobile } from './mask';
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
      async send({ to, toName, message, idempotencyKey }) {
        const names = toName ? [toName] : [];
        write(
          [
            `── e-mail to ${maskEmail(to)} [${message.template}, ${message.language}] key ${idempotencyKey}`,
            `Subject: ${maskMessageText(message.subject, names)}`,
            '',
            maskMessageText(message.text, names),
          ].join('\n'),
        );
        return { providerMessageId: `console-${++count}` };
      },
    },
    sms: {
      async send({ to, message, idempotencyKey }) {
        write([`── SMS to ${maskMobile(to)} [${message.template}, ${message.language}] key ${idempotencyKey}`, maskMessageText(message.text)].join('\n'));
        return { providerMessageId: `console-${++count}` };
      },
    },
  };
}
