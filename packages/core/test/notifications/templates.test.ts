import { describe, expect, it } from 'vitest';
import {
  createTemplateSet,
  defaultTemplates,
  encodeJson,
  isStatdeskError,
  notification,
  notificationCatalogue,
  TemplateParameterError,
  TemplateSetError,
  type JsonValue,
  type Language,
} from '../../src';
import { sampleParams } from './samples';

const templates = createTemplateSet();
const languages: Language[] = ['fa', 'en'];

describe('the shipped template set', () => {
  it('covers every notification in the catalogue, in both languages and both channels', () => {
    expect(templates.ids()).toEqual(Object.keys(notificationCatalogue));
    expect(Object.keys(defaultTemplates).sort()).toEqual(Object.keys(notificationCatalogue).sort());
  });

  for (const id of Object.keys(notificationCatalogue)) {
    for (const language of languages) {
      it(`renders ${id} in ${language}`, () => {
        // Parameters as the outbox delivers them: JSON with tagged bigints.
        const params = encodeJson(sampleParams(notificationCatalogue, id)) as Record<string, JsonValue>;
        const email = templates.render({ template: id, channel: 'email', language, params, recipientName: 'Sara Ahmadi' });
        const sms = templates.render({ template: id, channel: 'sms', language, params });
        expect({ email, sms }).toMatchSnapshot();
        for (const text of [email.subject, email.text, sms.text, ...Object.values(sms.lookup?.tokens ?? {})]) {
          expect(text).not.toMatch(/\{\{|\}\}/);
          // Persian text carries Persian digits; the only Latin digits left are references and links.
          if (language === 'fa') expect(text.replace(/IO-1403-000123|https:\/\/\S+/g, '')).not.toMatch(/[0-9]/);
        }
      });
    }
  }

  it('shows dates in the Solar Hijri calendar, Tehran time, and amounts in Rial and Toman', () => {
    const params = { orderNumber: 'IO-1', amount: 12_500_000n, validUntil: '2024-07-15T20:45:00Z', link: 'https://portal.example.ir/o/IO-1' };
    const fa = templates.render({ template: 'information-order.quote-ready', channel: 'email', language: 'fa', params });
    expect(fa.text).toContain('۱۲٬۵۰۰٬۰۰۰ ریال (۱٬۲۵۰٬۰۰۰ تومان)');
    // 20:45 UTC is 00:15 the next day in Tehran (+03:30): 26 Tir 1403.
    expect(fa.text).toContain('۲۶ تیر ۱۴۰۳، ساعت ۰۰:۱۵');
    const en = templates.render({ template: 'information-order.quote-ready', channel: 'email', language: 'en', params });
    expect(en.text).toContain('12,500,000 Rial (1,250,000 Toman)');
    expect(en.text).toContain('26 Tir 1403 AP, 00:15 Tehran time');
    expect(en.text.startsWith('Dear customer,')).toBe(true);
  });

  it('fills HTML alternatives with escaped values', () => {
    const set = createTemplateSet({
      overrides: { 'information-order.receipt-rejected': { en: { email: { html: '<p>Reason: {{reason}}</p>' } } } },
    });
    const email = set.render({
      template: 'information-order.receipt-rejected',
      channel: 'email',
      language: 'en',
      params: { orderNumber: 'IO-1', reason: 'amount <> quote & "date"', attemptsLeft: 2, link: 'https://portal.example.ir/o' },
    });
    expect(email.html).toBe('<p>Reason: amount &#60;&#62; quote &#38; &#34;date&#34;</p>');
    expect(email.text).toContain('Reason: amount <> quote & "date"');
  });

  it('the typed helper gives a notify payload for a catalogue id', () => {
    expect(notification('complaint.escalated', { trackingCode: 'C-77' })).toEqual({ template: 'complaint.escalated', params: { trackingCode: 'C-77' } });
  });
});

describe('overriding templates', () => {
  it('a portal changes any part of a template and keeps the rest', () => {
    const set = createTemplateSet({
      overrides: { 'complaint.escalated': { fa: { email: { subject: 'پیگیری ویژه شکایت {{trackingCode}}' } } } },
    });
    const email = set.render({ template: 'complaint.escalated', channel: 'email', language: 'fa', params: { trackingCode: 'C-77' } });
    expect(email.subject).toBe('پیگیری ویژه شکایت C-77');
    expect(email.text).toBe(templates.render({ template: 'complaint.escalated', channel: 'email', language: 'fa', params: { trackingCode: 'C-77' } }).text);
  });

  it('rejects at build time: unknown parameters, bad modifiers, missing templates, unknown ids, hidden parameters', () => {
    const { ['complaint.closed']: _dropped, ...withoutOne } = defaultTemplates;
    let error: unknown;
    try {
      createTemplateSet({
        templates: withoutOne,
        overrides: {
          'complaint.escalated': { en: { email: { subject: 'About {{trackingcode}}' } } },
          'shop-order.refunded': { fa: { sms: { text: '{{amount|date}} {{orderNumber' } } },
          'information-order.data-ready': { en: { email: { text: 'Your data is ready: {{link}}' } } },
          'no.such-notification': { fa: { email: { subject: 'x' } } },
        },
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(TemplateSetError);
    expect(isStatdeskError(error, 'DEFINITION')).toBe(true);
    expect((error as TemplateSetError).problems).toEqual([
      'override "no.such-notification" is for no declared notification',
      '"information-order.data-ready" (en) email.text never shows parameter "orderNumber"',
      '"information-order.data-ready" (en) email.text never shows parameter "expiresAt"',
      '"information-order.data-ready" (en) email.text never shows parameter "downloadLimit"',
      '"shop-order.refunded" (fa) sms.text: malformed placeholder near "{{orderNumber"',
      '"shop-order.refunded" (fa) sms.text: "amount" (money) takes no modifier "date"',
      '"complaint.escalated" (en) email.subject uses unknown parameter "trackingcode"',
      'notification "complaint.closed" has no template',
    ]);
  });

  it('a portal can declare its own notifications beside the shipped ones', () => {
    const set = createTemplateSet({
      catalogue: { ...notificationCatalogue, 'portal.welcome': { description: 'Welcome', params: { portalName: { kind: 'text' } } } },
      templates: {
        ...defaultTemplates,
        'portal.welcome': {
          fa: { email: { subject: 'خوش آمدید', text: 'به {{portalName}} خوش آمدید' }, sms: { text: 'به {{portalName}} خوش آمدید' } },
          en: { email: { subject: 'Welcome', text: 'Welcome to {{portalName}}' }, sms: { text: 'Welcome to {{portalName}}' } },
        },
      },
    });
    expect(set.render({ template: 'portal.welcome', channel: 'sms', language: 'en', params: { portalName: 'Amar' } })).toEqual({
      channel: 'sms',
      template: 'portal.welcome',
      language: 'en',
      text: 'Welcome to Amar',
    });
  });
});

describe('parameters at send time', () => {
  const render = (params: Record<string, unknown>) =>
    templates.render({ template: 'information-order.payment-confirmed', channel: 'sms', language: 'fa', params });

  it('a missing, undeclared or mistyped parameter is a permanent error naming it', () => {
    const cases: [Record<string, unknown>, string, string][] = [
      [{ orderNumber: 'IO-1' }, 'amount', 'missing'],
      [{ orderNumber: 'IO-1', amount: 5n, extra: 'x' }, 'extra', 'not declared'],
      [{ orderNumber: 'IO-1', amount: 12.5 }, 'amount', 'integer Rial'],
      [{ orderNumber: 'IO  1', amount: 5n }, 'orderNumber', 'grouped by single spaces'],
      [{ orderNumber: 'IO-1;', amount: 5n }, 'orderNumber', 'letters and digits'],
    ];
    for (const [params, param, problem] of cases) {
      let error: unknown;
      try {
        render(params);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(TemplateParameterError);
      expect(error).toMatchObject({ code: 'PERMANENT_DELIVERY', template: 'information-order.payment-confirmed', param });
      expect((error as Error).message).toContain(problem);
    }
  });

  it('an unknown template id is a configuration error', () => {
    expect(() => templates.render({ template: 'nope', channel: 'sms', language: 'fa', params: {} })).toThrow(/Unknown notification template "nope"/);
  });

  it('links must be https', () => {
    expect(() =>
      templates.render({ template: 'complaint.answered', channel: 'sms', language: 'en', params: { trackingCode: 'C-1', link: 'http://portal.example.ir/x' } }),
    ).toThrow(/links must use https/);
  });

  it('resolves a root-relative link against the portal address, and refuses it without one', () => {
    const request = { template: 'complaint.answered', channel: 'sms' as const, language: 'en' as const, params: { trackingCode: 'C-1', link: '/complaints/C-1' } };
    expect(templates.render({ ...request, portalUrl: 'https://amar.example.ir' }).text).toContain('https://amar.example.ir/complaints/C-1');
    expect(() => templates.render(request)).toThrow(/parameter "link": a root-relative link needs the portal's address/);
    // A protocol-relative link is not a path on the portal: it could point anywhere.
    expect(() => templates.render({ ...request, params: { trackingCode: 'C-1', link: '//evil.example/x' }, portalUrl: 'https://amar.example.ir' })).toThrow(/not an absolute URL/);
  });
});
