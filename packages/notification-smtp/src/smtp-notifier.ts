import {
  createCircuitBreaker,
  createTemplateNotifier,
  createTemplateSet,
  withCircuitBreaker,
  type CircuitBreakerOptions,
  type Clock,
  type ContactDirectory,
  type Notifier,
  type SentNotificationStore,
  type SmsTransport,
  type TemplateSet,
} from '@statdesk/core';
import { smtpTransport, type SmtpTransportOptions } from './smtp-transport';

/** Options of {@link smtpNotifier}. */
export interface SmtpNotifierOptions {
  /** The SMTP server and sender the e-mails go through. */
  smtp: SmtpTransportOptions;
  /**
   * Where the notifier looks up a person's e-mail and mobile (statdesk keeps no contact details in workflow
   * history).
   */
  contacts: ContactDirectory;
  /** Default: the shipped templates. */
  templates?: TemplateSet;
  /** SMS goes through its own transport when given (e.g. `@statdesk/notification-sms`). */
  sms?: SmsTransport;
  /**
   * Which notifications were already sent, by outbox key, so a retried delivery does not send twice (default:
   * in memory, per process).
   */
  sent?: SentNotificationStore;
  /** Clock for the sent records (default: the system clock). */
  clock?: Clock;
  /** The portal's address, to which the workflows' root-relative links are resolved (per tenant, or one for all). */
  portalUrl?: string | ((tenantId: string) => string | undefined);
  /** Protect the SMTP server with a circuit breaker (off unless given). */
  circuitBreaker?: Omit<CircuitBreakerOptions, 'name' | 'clock'>;
}

/** A ready notifier: templates → the profile's official e-mail over SMTP (and SMS when given). */
export function smtpNotifier(options: SmtpNotifierOptions): Notifier {
  const base = smtpTransport(options.smtp);
  const email = options.circuitBreaker
    ? withCircuitBreaker(base, createCircuitBreaker({ ...options.circuitBreaker, name: 'email', ...(options.clock ? { clock: options.clock } : {}) }))
    : base;
  return createTemplateNotifier({
    contacts: options.contacts,
    templates: options.templates ?? createTemplateSet(),
    transports: { email, ...(options.sms ? { sms: options.sms } : {}) },
    ...(options.sent ? { sent: options.sent } : {}),
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.portalUrl ? { portalUrl: options.portalUrl } : {}),
  });
}
