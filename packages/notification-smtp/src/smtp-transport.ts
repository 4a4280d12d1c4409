/**
 * An e-mail transport over SMTP (nodemailer). One message per outbox row, addressed to the
 * profile's official e-mail, with a Message-ID derived from the row's idempotency key.
 */
import type { EmailDelivery, EmailTransport, TransportReceipt } from '@statdesk/core';
import { createTransport } from 'nodemailer';
import type SMTPTransport from 'nodemailer/lib/smtp-transport/index.js';
import { messageIdFor } from './message-id';
import { classifySmtpError } from './smtp-errors';

/** Options of {@link smtpTransport}. */
export interface SmtpTransportOptions {
  /** SMTP server host name. */
  host: string;
  /** SMTP port (587 for STARTTLS, 465 with `secure`). */
  port: number;
  /** TLS from the first byte (port 465). Otherwise STARTTLS is used when the server offers it. */
  secure?: boolean;
  /** Refuse to send unless the server upgrades with STARTTLS. */
  requireTLS?: boolean;
  /** Credentials for SMTP AUTH, if the server asks for them. */
  auth?: { user: string; pass: string };
  /** The sender, e.g. `{ name: 'مرکز آمار ایران', address: 'no-reply@amar.org.ir' }`. */
  from: string | { name: string; address: string };
  /** Domain of generated Message-IDs. Default: the sender's domain. */
  messageIdDomain?: string;
  /** Milliseconds to wait for the connection, greeting and each command. Default 30 s. */
  timeoutMs?: number;
  /** Keep connections open and reuse them. Default false. */
  pool?: boolean;
  /** Extra nodemailer SMTP options (TLS settings, local address…); ours take precedence. */
  nodemailer?: SMTPTransport.Options;
}

/** An e-mail transport over SMTP, with a readiness check and a way to close its connection pool. */
export interface SmtpEmailTransport extends EmailTransport {
  /** Check the connection and credentials (for a readiness probe). */
  verify(): Promise<void>;
  /** Close pooled connections. */
  close(): void;
}

/**
 * An `EmailTransport` over SMTP with nodemailer: optional pooled connections, a stable Message-ID
 * per outbox key, and errors classified as permanent (rejected recipient) or retryable
 * (connection, 4xx).
 */
export function smtpTransport(options: SmtpTransportOptions): SmtpEmailTransport {
  const fromAddress = typeof options.from === 'string' ? options.from : options.from.address;
  const domain = options.messageIdDomain ?? fromAddress.slice(fromAddress.lastIndexOf('@') + 1).replace(/>$/, '');
  if (!domain || domain === fromAddress) throw new TypeError('smtpTransport: `from` needs an address with a domain, or set `messageIdDomain`');
  const timeout = options.timeoutMs ?? 30_000;
  const transporter = createTransport({
    ...options.nodemailer,
    host: options.host,
    port: options.port,
    secure: options.secure ?? false,
    ...(options.requireTLS ? { requireTLS: true } : {}),
    ...(options.auth ? { auth: options.auth } : {}),
    connectionTimeout: timeout,
    greetingTimeout: timeout,
    socketTimeout: timeout,
    ...(options.pool ? { pool: true } : {}),
    // nodemailer's own logger would print addresses.
    logger: false,
  } as SMTPTransport.Options);

  return {
    async send(delivery: EmailDelivery): Promise<TransportReceipt> {
      const { message } = delivery;
      const messageId = messageIdFor(delivery.idempotencyKey, domain);
      try {
        await transporter.sendMail({
          from: options.from,
          to: delivery.toName ? { name: delivery.toName, address: delivery.to } : delivery.to,
          subject: message.subject,
          text: message.text,
          ...(message.html ? { html: message.html } : {}),
          messageId,
          headers: { 'Content-Language': message.language, 'X-Statdesk-Template': message.template },
        });
      } catch (error) {
        throw classifySmtpError(error);
      }
      return { providerMessageId: messageId };
    },
    async verify() {
      try {
        await transporter.verify();
      } catch (error) {
        throw classifySmtpError(error);
      }
    },
    close: () => transporter.close(),
  };
}
