import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createTemplateSet, findPersonalData, isNationalId, notificationCatalogue, TemplateParameterError, toPersianDigits, type Language } from '../../src';
import { sampleParams } from './samples';

const templates = createTemplateSet();

/** Ten digits with a valid checksum: a national ID. */
const nationalId = fc
  .array(fc.integer({ min: 0, max: 9 }), { minLength: 9, maxLength: 9 })
  .filter((d) => new Set(d).size > 1)
  .map((digits) => {
    const sum = digits.reduce((s, d, i) => s + d * (10 - i), 0);
    const r = sum % 11;
    return digits.join('') + String(r < 2 ? r : 11 - r);
  })
  .filter(isNationalId);

// Every string slot: text, references and links (the kinds a person's data could be typed into).
const stringSlots = Object.entries(notificationCatalogue).flatMap(([id, d]) =>
  Object.entries(d.params as Record<string, { kind: string }>)
    .filter(([, p]) => ['text', 'reference', 'url'].includes(p.kind))
    .map(([param, p]) => ({ id, param, kind: p.kind })),
);

function embed(kind: string, value: string): string {
  if (kind === 'url') return `https://portal.example.ir/orders?ref=${value}`;
  if (kind === 'reference') return value;
  return `کد ملی ${value} است`;
}

describe('no template leaks personal data', () => {
  it('no notification declares a parameter named after personal data', () => {
    const personal = /national|mobile|phone|email|e-mail|address|postal(?!Tracking)|card|birth/i;
    for (const [id, declaration] of Object.entries(notificationCatalogue)) {
      for (const name of Object.keys(declaration.params)) expect(`${id}.${name}`).not.toMatch(personal);
    }
  });

  it('a national ID fed into any string parameter (any digit script) is refused, never rendered', () => {
    expect(stringSlots.length).toBeGreaterThan(30);
    fc.assert(
      fc.property(nationalId, fc.constantFrom(...stringSlots), fc.constantFrom<Language>('fa', 'en'), fc.constantFrom('email', 'sms' as const), fc.boolean(), fc.constantFrom('', ' ', '-'), (id, slot, language, channel, persian, separator) => {
        // Written plainly or grouped as on the card (001-234567-9), in Latin or Persian digits.
        const written = separator ? `${id.slice(0, 3)}${separator}${id.slice(3, 9)}${separator}${id.slice(9)}` : id;
        const value = embed(slot.kind, persian ? toPersianDigits(written) : written);
        const params = { ...sampleParams(notificationCatalogue, slot.id), [slot.param]: value };
        let error: unknown;
        let output = '';
        try {
          output = JSON.stringify(templates.render({ template: slot.id, channel: channel as 'email', language, params }));
        } catch (e) {
          error = e;
        }
        expect(output).not.toContain(id);
        expect(error).toBeInstanceOf(TemplateParameterError);
        expect(error).toMatchObject({ param: slot.param });
        expect((error as Error).message).toContain('national ID');
        expect((error as Error).message).not.toContain(id);
      }),
      { numRuns: 300 },
    );
  });

  it('mobile numbers and e-mail addresses are refused too; a display name carrying them is not used', () => {
    expect(findPersonalData('تماس: ۰۹۱۲۳۴۵۶۷۸۹')).toBe('mobile number');
    expect(findPersonalData('write to someone@example.ir')).toBe('e-mail address');
    expect(findPersonalData('IO-1403-000123')).toBeUndefined();
    expect(findPersonalData('token 12345678901234')).toBeUndefined();
    // Grouped codes (complaint codes are read aloud in fours) are not IDs; a grouped ID is.
    expect(findPersonalData('1234 5678 9012')).toBeUndefined();
    expect(findPersonalData('5678 9012')).toBeUndefined();
    expect(findPersonalData('کد ملی ۰۰۱-۲۳۴۵۶۷-۹')).toBe('national ID');
    expect(findPersonalData('001 234 5679')).toBe('national ID');
    const email = templates.render({ template: 'complaint.escalated', channel: 'email', language: 'fa', params: { trackingCode: 'C-1' }, recipientName: '0012345679' });
    expect(email.text.startsWith('کاربر گرامی،')).toBe(true);
    expect(email.text).not.toContain('0012345679');
  });
});
