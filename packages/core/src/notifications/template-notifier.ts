/**
 * The notifier that turns an outbox `notify` into a delivered message:
 * sent-store check → intent recorded → the profile's official contact (resolved now, not when the transition
 * happened) → the template in the reader's language → the channel's transport → sent-store record.
 */
import { DefinitionError, PermanentDeliveryError } from '../errors';
import { systemClock, type Clock } from '../ports/clock';
import type { ContactDirectory, Language, NotificationMessage, NotificationReceipt, Notifier } from '../ports/notification';
import { memorySentNotificationStore, type SentNotificationStore } from './sent-store';
import type { TemplateSet } from './template-set';
import type { EmailTransport, SmsTransport, TransportReceipt } from './transport';

/** Options of {@link createTemplateNotifier}. */
export interface TemplateNotifierOptions {
  /** Where the recipients' e-mail and mobile are looked up at send time. */
  contacts: ContactDirectory;
  /** The rendered templates per notification and language. */
  templates: TemplateSet;
  /** A channel without a transport dead-letters its messages as a configuration error. */
  transports: { email?: EmailTransport; sms?: SmsTransport };
  /** Default: in memory (one process). Pass a persistent store to survive restarts. */
  sent?: SentNotificationStore;
  /** Clock for the sent records (default the system clock). */
  clock?: Clock;
  /**
   * Whose language wins: the profile's preference (default) or the language the workflow put on
   * the message. The engine fills `fa` when a workflow names none, so the profile is the better guide.
   */
  language?: 'profile' | 'message';
  /**
   * The portal's origin, per tenant or for all: workflows put root-relative links in messages
   * (`/complaints/C-1`) because one definition serves several portals; they are resolved here.
   * Without it a relative link dead-letters its message.
   */
  portalUrl?: string | ((tenantId: string) => string | undefined);
  /**
   * A retry that finds the intent of an earlier attempt but no record of its success (the
   * process died, or the record could not be written, after the provider was called): `send`
   * again with the same idempotency key (default; at least once: the provider de-duplicates
   * where it takes the key, as Kavenegar's local id does), or `skip` it and record it as sent
   * (at most once: a message whose first attempt failed is then never delivered).
   */
  uncertainResend?: 'send' | 'skip';
}

/**
 * The notifier that renders the template of each message in the recipient's language, looks up the official
 * contact at send time, sends through the channel's transport, and records the key so a retry is not sent
 * twice.
 */
export function createTemplateNotifier(options: TemplateNotifierOptions): Notifier {
  const sent = options.sent ?? memorySentNotificationStore();
  const clock = options.clock ?? systemClock;
  const known = new Set(options.templates.ids());
  return {
    knowsTemplate: (template) => known.has(template),
    async send(message: NotificationMessage): Promise<NotificationReceipt> {
      const previous = await sent.find(message.idempotencyKey);
      const uncertain = previous?.state === 'sending';
      if (previous && !uncertain) return previous.providerMessageId ? { duplicate: true, providerMessageId: previous.providerMessageId } : { duplicate: true };
      const intent = { idempotencyKey: message.idempotencyKey, channel: message.channel, template: message.template, sentAt: clock.now() };
      if (uncertain && options.uncertainResend === 'skip') {
        await sent.record(intent);
        return { duplicate: true };
      }
      // Written before the provider is called: a retry after a lost record knows it may have gone out.
      if (!uncertain) await sent.recordIntent?.(intent);

      const { tenantId, profileId } = message.recipient;
      const contact = await options.contacts.officialContact(tenantId, profileId);
      if (!contact) throw new PermanentDeliveryError(`No profile "${profileId}" in tenant "${tenantId}"`);
      const language: Language = options.language === 'message' ? message.language : contact.language;
      const base = { idempotencyKey: message.idempotencyKey, tenantId, language };
      const portalUrl = typeof options.portalUrl === 'function' ? options.portalUrl(tenantId) : options.portalUrl;
      const request = { template: message.template, language, params: message.params, ...name(contact.displayName), ...(portalUrl ? { portalUrl } : {}) };

      let receipt: TransportReceipt;
      if (message.channel === 'email') {
        if (!contact.email) throw new PermanentDeliveryError(`Profile "${profileId}" has no official e-mail address`);
        const transport = options.transports.email;
        if (!transport) throw new DefinitionError('No e-mail transport configured for notifications');
        const rendered = options.templates.render({ ...request, channel: 'email' });
        receipt = await transport.send({ ...base, to: contact.email, ...(contact.displayName ? { toName: contact.displayName } : {}), message: rendered });
      } else {
        if (!contact.mobile) throw new PermanentDeliveryError(`Profile "${profileId}" has no official mobile number`);
        const transport = options.transports.sms;
        if (!transport) throw new DefinitionError('No SMS transport configured for notifications');
        const rendered = options.templates.render({ ...request, channel: 'sms' });
        receipt = await transport.send({ ...base, to: contact.mobile, message: rendered });
      }

      await sent.record({
        idempotencyKey: message.idempotencyKey,
        channel: message.channel,
        template: message.template,
        ...(receipt.providerMessageId ? { providerMessageId: receipt.providerMessageId } : {}),
        sentAt: clock.now(),
      });
      return receipt.providerMessageId ? { duplicate: false, providerMessageId: receipt.providerMessageId } : { duplicate: false };
    },
  };
}

function name(displayName: string | undefined): { recipientName?: string } {
  return displayName ? { recipientName: displayName } : {};
}
