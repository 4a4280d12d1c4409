import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizePersianInput, toArabicDigits, toDigitSet, toLatinDigits, toPersianDigits, toPersianLetters } from '../../src/locale';

describe('digit normalisation', () => {
  it('turns Persian and Arabic-Indic digits into Latin ones and leaves other text alone', () => {
    expect(toLatinDigits('کد ملی: ۰۰۱۲۳۴۵۶۷۸')).toBe('کد ملی: 0012345678');
    expect(toLatinDigits('٠١٢٣٤٥٦٧٨٩')).toBe('0123456789');
    expect(toLatinDigits('۹۸ and ٩٨ and 98')).toBe('98 and 98 and 98');
  });

  it('writes digits in Persian or Arabic-Indic form whatever set they came in', () => {
    expect(toPersianDigits('1403/01/01')).toBe('۱۴۰۳/۰۱/۰۱');
    expect(toPersianDigits('٤٥6')).toBe('۴۵۶');
    expect(toArabicDigits('۴۵6')).toBe('٤٥٦');
    expect(toDigitSet('۱٢3', 'latin')).toBe('123');
  });

  it('round-trips any string through Persian digits back to its Latin form', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (s) => {
        expect(toLatinDigits(toPersianDigits(s))).toBe(toLatinDigits(s));
        expect(toLatinDigits(toArabicDigits(s))).toBe(toLatinDigits(s));
      }),
    );
  });

  it('leaves no Persian or Arabic digit behind', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 9 })), (ds) => {
        const mixed = ds.map((d, i) => String.fromCharCode((i % 3 === 0 ? 0x06f0 : i % 3 === 1 ? 0x0660 : 0x30) + d)).join('');
        expect(toLatinDigits(mixed)).toBe(ds.join(''));
      }),
    );
  });
});

describe('letter normalisation', () => {
  it('folds Arabic yeh and kaf into Persian yeh and keheh', () => {
    expect(toPersianLetters('علي كريمي')).toBe('علی کریمی');
    expect(toPersianLetters('مصطفى')).toBe('مصطفی');
  });

  it('keeps the zero-width non-joiner', () => {
    expect(toPersianLetters('مي\u200cشود')).toBe('می\u200cشود');
  });

  it('normalises digits and letters together', () => {
    expect(normalizePersianInput('كد ۱۲٣')).toBe('کد 123');
  });
});
