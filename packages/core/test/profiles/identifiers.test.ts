import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isValidNationalId, normalizeMobile, normalizeNationalId, normalizePostalCode, toPersianDigits, toArabicDigits } from '../../src';

/** The check digit by the published rule, computed independently of the code under test. */
function withCheckDigit(nine: string): string {
  const sum = [...nine].reduce((acc, d, i) => acc + Number(d) * (10 - i), 0);
  const r = sum % 11;
  return `${nine}${r < 2 ? r : 11 - r}`;
}

describe('national ID', () => {
  it('accepts known-good IDs in Latin, Persian and Arabic digits', () => {
    expect(isValidNationalId('0012345679')).toBe(true);
    expect(isValidNationalId('۰۰۱۲۳۴۵۶۷۹')).toBe(true);
    expect(isValidNationalId('٠٠١٢٣٤٥٦٧٩')).toBe(true);
    expect(isValidNationalId(' 001-234567-9 ')).toBe(true);
    expect(normalizeNationalId('۰۰۱-۲۳۴۵۶۷-۹')).toBe('0012345679');
  });

  it('refuses a wrong check digit, wrong lengths, letters and one repeated digit', () => {
    expect(isValidNationalId('0012345678')).toBe(false);
    expect(isValidNationalId('012345679')).toBe(false);
    expect(isValidNationalId('00123456790')).toBe(false);
    expect(isValidNationalId('00123a5679')).toBe(false);
    for (let d = 0; d <= 9; d++) expect(isValidNationalId(String(d).repeat(10))).toBe(false);
  });

  it('property: the computed check digit is accepted, every other is refused', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{9}$/), (nine) => {
        const id = withCheckDigit(nine);
        fc.pre(!/^(\d)\1{9}$/.test(id));
        expect(isValidNationalId(id)).toBe(true);
        expect(isValidNationalId(toPersianDigits(id))).toBe(true);
        expect(isValidNationalId(toArabicDigits(id))).toBe(true);
        for (let d = 0; d <= 9; d++) {
          if (String(d) !== id[9]) expect(isValidNationalId(`${nine}${d}`)).toBe(false);
        }
      }),
    );
  });
});

describe('mobile and postal code', () => {
  it('normalises the ways people type a mobile number', () => {
    for (const input of ['09121234567', '+989121234567', '00989121234567', '989121234567', '9121234567', '۰۹۱۲ ۱۲۳ ۴۵۶۷', '0912-123-4567']) {
      expect(normalizeMobile(input)).toBe('09121234567');
    }
    for (const input of ['0912123456', '08121234567', '+44 7700 900123', 'phone']) expect(normalizeMobile(input)).toBeUndefined();
  });

  it('accepts 10-digit postal codes in any digit set', () => {
    expect(normalizePostalCode('۱۴۱۵۵-۶۳۴۵۶')).toBe('1415563456');
    expect(normalizePostalCode('141556345')).toBeUndefined();
  });
});
