/**
 * The office the shipped templates speak for: its name opens every SMS and closes every e-mail
 * signature, under the name of the unit that handles the workflow. A setting of the template set
 * (`createTemplateSet({ office })`), so another office changes two lines, not every template.
 */
import type { Language } from '../ports/notification';

/** A text in both languages. */
export type BilingualText = Readonly<Record<Language, string>>;

/** The units that sign each shipped workflow's e-mails; `null` signs with the office's name alone. */
export interface OfficeUnits {
  /** Information orders (channel A). */
  informationOrders: BilingualText | null;
  /** The online shop (channel B). */
  shop: BilingualText | null;
  /** Questions, criticism, suggestions and complaints (channel C). */
  complaints: BilingualText | null;
  /** Service-incident messages to staff. */
  incidents: BilingualText | null;
}

/** Who the shipped notification templates speak for. */
export interface Office {
  /** The office's name, e.g. `{ fa: 'مرکز آمار ایران', en: 'Statistical Centre of Iran' }`. */
  name: BilingualText;
  /** Signing units per workflow; those left out keep the shipped unit names ({@link DEFAULT_UNITS}). */
  units?: Partial<OfficeUnits>;
}

/** The shipped unit names, which sign above the office's name unless `units` changes them. */
export const DEFAULT_UNITS: Readonly<OfficeUnits> = Object.freeze({
  informationOrders: { fa: 'واحد اطلاع‌رسانی آماری', en: 'Statistical Information Unit' },
  shop: { fa: 'سامانه خدمات اطلاع‌رسانی آماری', en: 'Statistical Information Services System' },
  complaints: { fa: 'سامانه دریافت پرسش، انتقاد، پیشنهاد و شکایت', en: 'Questions, Criticism, Suggestions and Complaints System' },
  incidents: { fa: 'سامانه پیگیری رخدادهای خدمت', en: 'Service Incident Tracking' },
});

/** The office the shipped templates are written for (the default of `createTemplateSet`). */
export const STATISTICAL_CENTRE_OF_IRAN: Readonly<Office> = Object.freeze({ name: { fa: 'مرکز آمار ایران', en: 'Statistical Centre of Iran' } });
