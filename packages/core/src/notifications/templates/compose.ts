/**
 * Shared shape of the shipped templates: a greeting, the body and the sender's signature for
 * e-mail; the office's name before a short SMS; provider lookup templates named after the id.
 */
import type { Language } from '../../ports/notification';
import type { NotificationTemplate } from '../template';
import { DEFAULT_UNITS, type Office } from '../office';

export interface Wording {
  subject: string;
  body: string;
  sms: string;
}

/** Who signs one workflow's messages: the e-mail signature and the SMS's opening words. */
export interface Sender {
  signature: Record<Language, string>;
  smsPrefix: Record<Language, string>;
}

/** The sender of each shipped workflow's messages, from the office setting. */
export interface OfficeSenders {
  informationOrders: Sender;
  shop: Sender;
  complaints: Sender;
  incidents: Sender;
}

/** The signing units and SMS prefix for an office, each unit's name above the office's. */
export function officeSenders(office: Office): OfficeSenders {
  const units = { ...DEFAULT_UNITS, ...office.units };
  const smsPrefix = { fa: `${office.name.fa}: `, en: `${office.name.en}: ` };
  const sender = (unit: Readonly<Record<Language, string>> | null): Sender => ({
    signature: unit ? { fa: `${unit.fa}\n${office.name.fa}`, en: `${unit.en}\n${office.name.en}` } : { ...office.name },
    smsPrefix,
  });
  return {
    informationOrders: sender(units.informationOrders),
    shop: sender(units.shop),
    complaints: sender(units.complaints),
    incidents: sender(units.incidents),
  };
}

const greeting: Record<Language, string> = { fa: '{{recipient}} گرامی،', en: 'Dear {{recipient}},' };

/** One notification's template in both languages; `tokens` are the lookup tokens, in order. */
export function compose(id: string, sender: Sender, tokens: Record<string, string>, wording: Record<Language, Wording>): NotificationTemplate {
  const part = (language: Language) => ({
    email: {
      subject: wording[language].subject,
      text: `${greeting[language]}\n\n${wording[language].body}\n\n${sender.signature[language]}\n`,
    },
    sms: {
      text: sender.smsPrefix[language] + wording[language].sms,
      lookup: { template: `${id.replace(/\./g, '-')}-${language}`, tokens },
    },
  });
  return { fa: part('fa'), en: part('en') };
}
