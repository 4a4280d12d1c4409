/**
 * A notification template: what one notification says, per language and channel. Text holds
 * `{{param}}` placeholders (with an optional modifier, `{{amount|toman}}`) that the renderer fills
 * with formatted values; `{{recipient}}` is always available (the profile's display name, or a
 * polite generic form of address).
 */
import type { Language } from '../ports/notification';

/** An e-mail's subject and bodies, with `{{placeholders}}`. */
export interface EmailTemplate {
  /** Subject line. */
  subject: string;
  /** Plain-text body. */
  text: string;
  /** Optional HTML alternative; values are HTML-escaped when filled in. */
  html?: string;
}

/** An SMS as free text and, optionally, as a provider lookup template. */
export interface SmsTemplate {
  /** The full short text, for providers that send free text (and the console). */
  text: string;
  /**
   * For template ("lookup"/"verify") providers: the template registered at the provider and the
   * values of its tokens, in the provider's order.
   */
  lookup?: { template: string; tokens: Readonly<Record<string, string>> };
}

/** The e-mail and SMS wording of a notification in one language. */
export interface LanguageTemplate {
  /** The e-mail. */
  email: EmailTemplate;
  /** The SMS. */
  sms: SmsTemplate;
}

/** A notification's wording in every language. */
export type NotificationTemplate = Readonly<Record<Language, LanguageTemplate>>;

/** Templates by notification id. */
export type TemplateBook = Readonly<Record<string, NotificationTemplate>>;

/** A portal's changes to a template book: any part of any template, per language. */
export type TemplateOverrides = Readonly<
  Record<string, Partial<Record<Language, { email?: Partial<EmailTemplate>; sms?: Partial<SmsTemplate> }>>>
>;

/** The placeholder every template may use besides its declared parameters. */
export const RECIPIENT_PLACEHOLDER = 'recipient';
