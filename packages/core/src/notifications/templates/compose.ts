/**
 * Shared shape of the shipped templates: a greeting, the body and the sender's signature for
 * e-mail; the office's name before a short SMS; provider lookup templates named after the id.
 */
import type { Language } from '../../ports/notification';
import type { NotificationTemplate } from '../template';

export interface Wording {
  subject: string;
  body: string;
  sms: string;
}

export interface Sender {
  fa: string;
  en: string;
}

export const informationUnit: Sender = { fa: 'واحد اطلاع‌رسانی آماری\nمرکز آمار ایران', en: 'Statistical Information Unit\nStatistical Centre of Iran' };
export const shop: Sender = { fa: 'سامانه خدمات اطلاع‌رسانی آماری\nمرکز آمار ایران', en: 'Statistical Information Services System\nStatistical Centre of Iran' };
export const complaintsDesk: Sender = {
  fa: 'سامانه دریافت پرسش، انتقاد، پیشنهاد و شکایت\nمرکز آمار ایران',
  en: 'Questions, Criticism, Suggestions and Complaints System\nStatistical Centre of Iran',
};

const greeting: Record<Language, string> = { fa: '{{recipient}} گرامی،', en: 'Dear {{recipient}},' };
const smsPrefix: Record<Language, string> = { fa: 'مرکز آمار ایران: ', en: 'Statistical Centre of Iran: ' };

/** One notification's template in both languages; `tokens` are the lookup tokens, in order. */
export function compose(id: string, sender: Sender, tokens: Record<string, string>, wording: Record<Language, Wording>): NotificationTemplate {
  const part = (language: Language) => ({
    email: {
      subject: wording[language].subject,
      text: `${greeting[language]}\n\n${wording[language].body}\n\n${sender[language]}\n`,
    },
    sms: {
      text: smsPrefix[language] + wording[language].sms,
      lookup: { template: `${id.replace(/\./g, '-')}-${language}`, tokens },
    },
  });
  return { fa: part('fa'), en: part('en') };
}
