import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CurrencyMismatchError,
  InvalidAmountError,
  addMoney,
  compareMoney,
  divideRounded,
  formatMoney,
  formatToman,
  money,
  moneyFromJSON,
  moneyToJSON,
  multiplyMoney,
  parseMoneyText,
  percentageOf,
  rial,
  roundMoney,
  sumMoney,
  toman,
  type Money,
} from '../../src/money';

describe('Money', () => {
  it('holds whole Rial as bigint with a currency', () => {
    const m = rial(1000);
    expect(m).toEqual({ amount: 1000n, currency: 'IRR' });
    expect(rial('123456789012345678901234567890').amount).toBe(123456789012345678901234567890n);
    expect(toman(125).amount).toBe(1250n);
  });

  it('rejects fractions, unsafe numbers and non-numeric text', () => {
    expect(() => rial(10.5)).toThrow(InvalidAmountError);
    expect(() => rial(2 ** 60)).toThrow(InvalidAmountError);
    expect(() => rial('1e3')).toThrow(InvalidAmountError);
    expect(() => rial('1,000')).toThrow(InvalidAmountError);
  });

  it('refuses to mix currencies', () => {
    const foreign = { amount: 5n, currency: 'XXX' } as unknown as Money;
    expect(() => addMoney(rial(1), foreign)).toThrow(CurrencyMismatchError);
    expect(() => money(1, 'USD' as never)).toThrow(InvalidAmountError);
  });

  it('adds, multiplies and sums exactly, beyond 2^53', () => {
    const big = rial(2n ** 60n);
    expect(addMoney(big, rial(1)).amount).toBe(2n ** 60n + 1n);
    expect(multiplyMoney(rial(35), 734).amount).toBe(25_690n);
    expect(sumMoney([rial(1), rial(2), rial(3)]).amount).toBe(6n);
    expect(sumMoney([]).amount).toBe(0n);
    expect(compareMoney(rial(1), rial(2))).toBe(-1);
  });

  it('takes percentages in basis points with explicit rounding', () => {
    expect(percentageOf(rial(82_152), 1000, 'nearest').amount).toBe(8_215n);
    expect(percentageOf(rial(82_155), 1000, 'nearest').amount).toBe(8_216n); // exact half goes up
    expect(percentageOf(rial(82_159), 1000, 'down').amount).toBe(8_215n);
    expect(percentageOf(rial(82_151), 1000, 'up').amount).toBe(8_216n);
  });

  it('rounds to an increment', () => {
    expect(roundMoney(rial(34_100), 1000n, 'nearest').amount).toBe(34_000n);
    expect(roundMoney(rial(5_500), 1000n, 'nearest').amount).toBe(6_000n);
    expect(roundMoney(rial(34_001), 1000n, 'up').amount).toBe(35_000n);
    expect(roundMoney(rial(34_999), 1000n, 'down').amount).toBe(34_000n);
    expect(roundMoney(rial(-1_500), 1000n, 'nearest').amount).toBe(-1_000n);
    expect(roundMoney(rial(-1_001), 1000n, 'down').amount).toBe(-2_000n);
  });

  it('divideRounded agrees with the definition of each mode', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }), fc.bigInt({ min: 1n, max: 10n ** 6n }), (n, d) => {
        const down = divideRounded(n, d, 'down');
        const up = divideRounded(n, d, 'up');
        const nearest = divideRounded(n, d, 'nearest');
        expect(down * d <= n && n < (down + 1n) * d).toBe(true);
        expect((up - 1n) * d < n && n <= up * d).toBe(true);
        const distance = n - nearest * d;
        expect(distance * 2n < d && distance * 2n >= -d).toBe(true);
      }),
    );
  });

  it('round-trips through JSON with the amount as a string', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(2n ** 80n), max: 2n ** 80n }), (amount) => {
        const m = rial(amount);
        const json = JSON.parse(JSON.stringify(moneyToJSON(m))) as unknown;
        expect(json).toEqual({ amount: amount.toString(), currency: 'IRR' });
        expect(moneyFromJSON(json)).toEqual(m);
      }),
    );
    expect(() => moneyFromJSON({ amount: 10, currency: 'IRR' })).toThrow();
  });
});

describe('formatting', () => {
  it('formats Rial in Persian and Latin digits with unit names', () => {
    expect(formatMoney(rial(1_234_567))).toBe('۱٬۲۳۴٬۵۶۷ ریال');
    expect(formatMoney(rial(1_234_567), { language: 'en' })).toBe('1,234,567 Rial');
    expect(formatMoney(rial(1_234_567), { language: 'fa', digits: 'latin' })).toBe('1٬234٬567 ریال');
    expect(formatMoney(rial(1_234_567), { language: 'en', digits: 'persian', grouping: false })).toBe('۱۲۳۴۵۶۷ Rial');
    expect(formatMoney(rial(-9_538), { language: 'en', withUnit: false })).toBe('-9,538');
    expect(formatMoney(rial(0), { language: 'en' })).toBe('0 Rial');
  });

  it('formats Toman as Rial ÷ 10, keeping a tenth rather than rounding it away', () => {
    expect(formatToman(rial(92_000))).toBe('۹٬۲۰۰ تومان');
    expect(formatToman(rial(92_000), { language: 'en' })).toBe('9,200 Toman');
    expect(formatToman(rial(1_005), { language: 'en' })).toBe('100.5 Toman');
    expect(formatToman(rial(1_005))).toBe('۱۰۰٫۵ تومان');
    expect(formatToman(rial(5), { language: 'en' })).toBe('0.5 Toman');
  });

  it('parses what it formats, in every unit, language and digit set', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 18n), max: 10n ** 18n }),
        fc.constantFrom('rial' as const, 'toman' as const),
        fc.constantFrom('fa' as const, 'en' as const),
        fc.constantFrom('persian' as const, 'latin' as const),
        fc.boolean(),
        (amount, unit, language, digits, grouping) => {
          const text = formatMoney(rial(amount), { unit, language, digits, grouping });
          expect(parseMoneyText(text)).toEqual(rial(amount));
        },
      ),
    );
  });

  it('parses typed amounts and rejects fractional Rial', () => {
    expect(parseMoneyText('۱۲٬۰۰۰ ریال').amount).toBe(12_000n);
    expect(parseMoneyText('1,200 Toman').amount).toBe(12_000n);
    expect(parseMoneyText('٣٤٥').amount).toBe(345n);
    expect(() => parseMoneyText('12.5 Rial')).toThrow(InvalidAmountError);
    expect(() => parseMoneyText('12.55 Toman')).toThrow(InvalidAmountError);
    expect(() => parseMoneyText('twelve')).toThrow(InvalidAmountError);
  });
});
