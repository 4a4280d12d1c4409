/** The office's name and signing units are a setting of the template set, not a rewrite of every template. */
import { describe, expect, it } from 'vitest';
import { createTemplateSet, encodeJson, notificationCatalogue, type JsonValue } from '../../src';
import { sampleParams } from './samples';

const fars = { fa: 'سازمان مدیریت و برنامه‌ریزی استان فارس', en: 'Fars Management and Planning Organisation' };
const params = (id: string) => encodeJson(sampleParams(notificationCatalogue, id)) as Record<string, JsonValue>;

describe('createTemplateSet({ office })', () => {
  it('signs every shipped e-mail and opens every SMS with the office given, in both languages', () => {
    const templates = createTemplateSet({ office: { name: fars } });
    for (const id of Object.keys(notificationCatalogue)) {
      for (const language of ['fa', 'en'] as const) {
        const email = templates.render({ template: id, channel: 'email', language, params: params(id) });
        const sms = templates.render({ template: id, channel: 'sms', language, params: params(id) });
        expect(email.text.trimEnd().endsWith(fars[language]), `${id} ${language}`).toBe(true);
        expect(sms.text.startsWith(`${fars[language]}: `), `${id} ${language}`).toBe(true);
        expect(`${email.text}${sms.text}`).not.toMatch(/مرکز آمار ایران|Statistical Centre of Iran/);
      }
    }
  });

  it('puts a unit above the name, or signs with the name alone when the unit is null', () => {
    const templates = createTemplateSet({
      office: { name: fars, units: { informationOrders: { fa: 'دفتر آمار', en: 'Statistics Office' }, complaints: null } },
    });
    const order = templates.render({ template: 'information-order.payment-confirmed', channel: 'email', language: 'en', params: params('information-order.payment-confirmed') });
    expect(order.text.trimEnd().split('\n').slice(-2)).toEqual(['Statistics Office', fars.en]);
    const complaint = templates.render({ template: 'complaint.closed', channel: 'email', language: 'fa', params: params('complaint.closed') });
    expect(complaint.text.trimEnd().split('\n').slice(-2)).not.toContain('سامانه دریافت پرسش، انتقاد، پیشنهاد و شکایت');
    expect(complaint.text.trimEnd().endsWith(`\n\n${fars.fa}`)).toBe(true);
  });

  it('keeps the Statistical Centre of Iran by default', () => {
    const email = createTemplateSet().render({ template: 'shop-order.refunded', channel: 'email', language: 'en', params: params('shop-order.refunded') });
    expect(email.text.trimEnd().split('\n').slice(-2)).toEqual(['Statistical Information Services System', 'Statistical Centre of Iran']);
  });
});
