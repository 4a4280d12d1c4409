/**
 * A template set: the catalogue of notifications joined with their templates (the defaults plus
 * a portal's overrides), checked once when it is built. Everything that can be known before a
 * message exists is checked here, so a bad template stops the portal at startup rather than
 * dead-lettering mail later: a notification without a template, a template for no notification,
 * a placeholder that names no parameter, a modifier the kind does not take, and a declared
 * parameter the e-mail text never shows.
 */
import { decodeJson } from '../engine/json-codec';
import { DefinitionError } from '../errors';
import type { JsonValue } from '../ports/json';
import type { Language, NotificationChannel } from '../ports/notification';
import { notificationCatalogue } from './catalogue';
import { TemplateParameterError, TemplateSetError } from './errors';
import { formatParameter, ParameterValueProblem, type FormatContext } from './format-parameter';
import { MODIFIERS, type NotificationCatalogue, type NotificationDeclaration } from './parameters';
import { findPersonalData } from './personal-data';
import { fillPlaceholders, placeholdersIn } from './placeholders';
import { RECIPIENT_PLACEHOLDER, type LanguageTemplate, type NotificationTemplate, type TemplateBook, type TemplateOverrides } from './template';
import type { Office } from './office';
import { shippedTemplates } from './templates';

/** The languages every template is written in. */
export const LANGUAGES: readonly Language[] = ['fa', 'en'];

/** Options of `createTemplateSet`. */
export interface TemplateSetOptions {
  /** Default: the shipped catalogue. Extend it (`{ ...notificationCatalogue, ...mine }`) for your own notifications. */
  catalogue?: NotificationCatalogue;
  /** Default: the shipped Persian and English templates, signed for `office`. */
  templates?: TemplateBook;
  /**
   * Who the shipped templates speak for: the office's name (each SMS's opening, the e-mail
   * signature's last line) and the unit signing each workflow. Default the Statistical Centre of
   * Iran. Applies to the shipped templates; a `templates` book of your own carries its own wording.
   */
  office?: Office;
  /** A portal's wording: any part of any template, per language. */
  overrides?: TemplateOverrides;
}

/** What to render: a notification, a channel and a language, with its parameters. */
export interface RenderRequest {
  /** The notification id. */
  template: string;
  /** E-mail or SMS. */
  channel: NotificationChannel;
  /** Language to render in. */
  language: Language;
  /** As the outbox stores them (bigint and Date tagged) or as plain values. */
  params: Record<string, unknown>;
  /** How to address the reader; a generic form of address when absent. */
  recipientName?: string;
  /** The portal's origin, for root-relative links (`/complaints/C-1`); without it they are refused. */
  portalUrl?: string;
}

/** An e-mail rendered from its template. */
export interface RenderedEmail {
  /** Always `email`. */
  channel: 'email';
  /** The notification id. */
  template: string;
  /** Its language. */
  language: Language;
  /** The subject line. */
  subject: string;
  /** The plain-text body. */
  text: string;
  /** The HTML body, when the template has one. */
  html?: string;
}

/** An SMS rendered from its template. */
export interface RenderedSms {
  /** Always `sms`. */
  channel: 'sms';
  /** The notification id. */
  template: string;
  /** Its language. */
  language: Language;
  /** The full text. */
  text: string;
  /** The provider lookup template and its filled tokens, when the template defines one. */
  lookup?: { template: string; tokens: Record<string, string> };
}

/** An e-mail or an SMS. */
export type RenderedMessage = RenderedEmail | RenderedSms;

/**
 * The templates of every notification, checked at startup against the catalogue (every id, language, channel
 * and placeholder), rendering messages at send time.
 */
export interface TemplateSet {
  /** The declarations the templates were checked against. */
  readonly catalogue: NotificationCatalogue;
  /** The notification ids, in catalogue order. */
  ids(): string[];
  /** The merged template of one notification (for previews and docs). */
  template(id: string): NotificationTemplate;
  /** Renders one message; throws `TemplateParameterError` when its parameters do not fit the declaration. */
  render(request: RenderRequest & { channel: 'email' }): RenderedEmail;
  /** Renders one SMS. */
  render(request: RenderRequest & { channel: 'sms' }): RenderedSms;
  /** Renders one message of either channel. */
  render(request: RenderRequest): RenderedMessage;
}

const GENERIC_RECIPIENT: Record<Language, string> = { fa: 'کاربر', en: 'customer' };

/** Build and check a template set; throws `TemplateSetError` listing every problem. */
export function createTemplateSet(options: TemplateSetOptions = {}): TemplateSet {
  const catalogue: NotificationCatalogue = options.catalogue ?? notificationCatalogue;
  const base = options.templates ?? shippedTemplates(options.office);
  const problems: string[] = [];
  for (const id of Object.keys(base)) if (!(id in catalogue)) problems.push(`template "${id}" is for no declared notification`);
  for (const id of Object.keys(options.overrides ?? {})) if (!(id in catalogue)) problems.push(`override "${id}" is for no declared notification`);

  const merged = new Map<string, NotificationTemplate>();
  for (const [id, declaration] of Object.entries(catalogue)) {
    const template = base[id];
    if (!template) {
      problems.push(`notification "${id}" has no template`);
      continue;
    }
    const result = mergeOverrides(template, options.overrides?.[id]);
    problems.push(...checkTemplate(id, declaration, result));
    merged.set(id, result);
  }
  if (problems.length) throw new TemplateSetError(problems);

  function render(request: RenderRequest): RenderedMessage {
    const declaration = catalogue[request.template];
    const template = merged.get(request.template);
    if (!declaration || !template) throw new DefinitionError(`Unknown notification template "${request.template}"`);
    const format: FormatContext = request.portalUrl ? { portalUrl: request.portalUrl } : {};
    const values = checkParams(request.template, declaration, decodeJson(request.params as JsonValue) as Record<string, unknown>, format);
    const language = request.language;
    const name = request.recipientName && !findPersonalData(request.recipientName) ? request.recipientName.trim() : GENERIC_RECIPIENT[language];
    const fill = (text: string, escape: (s: string) => string = (s) => s) =>
      fillPlaceholders(text, ({ name: param, modifier }) => {
        if (param === RECIPIENT_PLACEHOLDER) return escape(name);
        const value = values[param];
        if (value === undefined) return '';
        try {
          return escape(formatParameter(declaration.params[param]!.kind, value, modifier, language, format));
        } catch (error) {
          if (error instanceof ParameterValueProblem) throw new TemplateParameterError(request.template, param, error.message);
          throw error;
        }
      });
    const part = template[language];
    if (request.channel === 'email') {
      const subject = fill(part.email.subject).replace(/\s+/g, ' ').trim();
      const email: RenderedEmail = { channel: 'email', template: request.template, language, subject, text: fill(part.email.text) };
      if (part.email.html) email.html = fill(part.email.html, escapeHtml);
      return email;
    }
    const sms: RenderedSms = { channel: 'sms', template: request.template, language, text: fill(part.sms.text) };
    if (part.sms.lookup) {
      sms.lookup = {
        template: part.sms.lookup.template,
        tokens: Object.fromEntries(Object.entries(part.sms.lookup.tokens).map(([token, text]) => [token, fill(text)])),
      };
    }
    return sms;
  }

  return {
    catalogue,
    ids: () => [...merged.keys()],
    template(id) {
      const template = merged.get(id);
      if (!template) throw new DefinitionError(`Unknown notification template "${id}"`);
      return template;
    },
    render: render as TemplateSet['render'],
  };
}

function mergeOverrides(template: NotificationTemplate, overrides: TemplateOverrides[string] | undefined): NotificationTemplate {
  if (!overrides) return template;
  const out = {} as Record<Language, LanguageTemplate>;
  for (const language of LANGUAGES) {
    const base = template[language];
    const change = overrides[language];
    out[language] = base && change ? { email: { ...base.email, ...change.email }, sms: { ...base.sms, ...change.sms } } : base;
  }
  return out;
}

function checkTemplate(id: string, declaration: NotificationDeclaration, template: NotificationTemplate): string[] {
  const problems: string[] = [];
  for (const language of LANGUAGES) {
    const part = template[language] as LanguageTemplate | undefined;
    const where = `"${id}" (${language})`;
    if (!part?.email || !part.sms) {
      problems.push(`${where} needs both an e-mail and an SMS template`);
      continue;
    }
    const texts: [string, string | undefined][] = [
      ['email.subject', part.email.subject],
      ['email.text', part.email.text],
      ['email.html', part.email.html],
      ['sms.text', part.sms.text],
    ];
    if (part.sms.lookup) {
      if (!part.sms.lookup.template?.trim()) problems.push(`${where} sms.lookup.template is empty`);
      for (const [token, text] of Object.entries(part.sms.lookup.tokens)) texts.push([`sms.lookup.tokens.${token}`, text]);
    }
    for (const [field, text] of texts) {
      if (text === undefined && field === 'email.html') continue;
      if (typeof text !== 'string' || !text.trim()) {
        problems.push(`${where} ${field} is empty`);
        continue;
      }
      const { placeholders, problem } = placeholdersIn(text);
      if (problem) problems.push(`${where} ${field}: ${problem}`);
      for (const { name, modifier } of placeholders) {
        if (name === RECIPIENT_PLACEHOLDER && !modifier) continue;
        const param = declaration.params[name];
        if (!param) problems.push(`${where} ${field} uses unknown parameter "${name}"`);
        else if (modifier && !MODIFIERS[param.kind].includes(modifier)) problems.push(`${where} ${field}: "${name}" (${param.kind}) takes no modifier "${modifier}"`);
      }
    }
    const shown = new Set(placeholdersIn(part.email.text ?? '').placeholders.map((p) => p.name));
    for (const [name, param] of Object.entries(declaration.params)) {
      if (!param.optional && !shown.has(name)) problems.push(`${where} email.text never shows parameter "${name}"`);
    }
  }
  return problems;
}

function checkParams(template: string, declaration: NotificationDeclaration, params: Record<string, unknown>, format: FormatContext): Record<string, unknown> {
  for (const name of Object.keys(params)) {
    if (!(name in declaration.params)) throw new TemplateParameterError(template, name, 'not declared for this notification');
  }
  for (const [name, param] of Object.entries(declaration.params)) {
    const value = params[name];
    if (value === undefined || value === null) {
      if (!param.optional) throw new TemplateParameterError(template, name, 'missing');
      continue;
    }
    // Every value is checked, also those this channel's text leaves out: a bad value is a bug
    // in the workflow either way, and personal data must be refused wherever it was put.
    try {
      formatParameter(param.kind, value, undefined, 'en', format);
    } catch (error) {
      if (error instanceof ParameterValueProblem) throw new TemplateParameterError(template, name, error.message);
      throw error;
    }
  }
  return Object.fromEntries(Object.entries(params).filter(([, v]) => v !== null && v !== undefined));
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
