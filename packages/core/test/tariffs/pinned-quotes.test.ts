import { describe, expect, it } from 'vitest';
import { QuoteError, priceQuote, quoteLines, sampleTariffBook, type QuoteRequest, type TariffRule } from '../../src/tariffs';
import { row, sampleWith, tehran } from './helpers';

// Every expected amount below is worked out by hand from the SAMPLE book (docs/tariffs.md):
// entry fee 1,000 (records or tables); records 50/40/35 per tier (≤100, 101–500, >500);
// tables country 5,000 … province 10,000 … block 80,000; expert time 50,000/h, 8 h/day, first
// hour free; CD 200 per copy + 200 per record; postage Tehran 20,000, other provinces 35,000;
// 100 per page; student −20 %, organisation −10 % (not on postage/products); waiver under 5,000;
// VAT 9 % before 1403, 10 % from 1403; total rounded to the nearest 1,000.

const in1403 = tehran(1403, 2, 10, 10, 30);
const individual = { category: 'individual', verified: false } as const;

function quote(request: Omit<QuoteRequest, 'quotedAt'> & { quotedAt?: Date }, book = sampleTariffBook) {
  return priceQuote({ quotedAt: in1403, ...request }, book);
}

describe('pinned prices of realistic requests (sample book)', () => {
  it('three tables at province level', () => {
    const q = quote({ applicant: individual, tables: [{ level: 'province', count: 3 }] });
    expect(q.lines.map(row)).toEqual([
      ['entry-fee', 1n, 1_000n, 1_000n],
      ['tables', 3n, 10_000n, 30_000n],
    ]);
    expect(q.subtotal.amount).toBe(31_000n);
    expect(q.vat && row(q.vat)).toEqual(['vat', 1n, 3_100n, 3_100n]);
    expect(q.rounding && row(q.rounding)).toEqual(['rounding', 1n, -100n, -100n]);
    expect(q.total.amount).toBe(34_000n);
    expect(q.bookId).toBe('sci-information-orders');
    expect(q.bookVersion).toBe('sample-1402.1');
  });

  it('1,234 records, graduated tiers', () => {
    const q = quote({ applicant: individual, records: 1234 });
    expect(q.lines.map(row)).toEqual([
      ['entry-fee', 1n, 1_000n, 1_000n],
      ['records', 100n, 50n, 5_000n],
      ['records', 400n, 40n, 16_000n],
      ['records', 734n, 35n, 25_690n],
    ]);
    expect(q.subtotal.amount).toBe(47_690n);
    expect(q.vat?.subtotal.amount).toBe(4_769n);
    expect(q.total.amount).toBe(52_000n); // 52,459 rounded down by 459
  });

  it('1,234 records, whole-quantity tiers (all records at the >500 price)', () => {
    const book = sampleWith((doc) => {
      const rule = doc.components.find((c) => c.kind === 'per-record') as Extract<TariffRule, { kind: 'per-record' }>;
      (rule as { pricing: string }).pricing = 'whole-quantity';
    });
    const q = quote({ applicant: individual, records: 1234 }, book);
    expect(q.lines.map(row)).toEqual([
      ['entry-fee', 1n, 1_000n, 1_000n],
      ['records', 1234n, 35n, 43_190n],
    ]);
    expect(q.vat?.subtotal.amount).toBe(4_419n);
    expect(q.rounding?.subtotal.amount).toBe(391n);
    expect(q.total.amount).toBe(49_000n);
  });

  it('3 expert days with the first hour free', () => {
    const q = quote({ applicant: individual, expertTime: { quantity: 3, unit: 'day' } });
    expect(q.lines.map(row)).toEqual([['expert-time', 23n, 50_000n, 1_150_000n]]);
    expect(q.lines[0]!.description.en).toContain('first 1 h free');
    expect(q.vat?.subtotal.amount).toBe(115_000n);
    expect(q.rounding).toBeNull();
    expect(q.total.amount).toBe(1_265_000n);
  });

  it('one expert hour is entirely inside the free band', () => {
    const q = quote({ applicant: individual, expertTime: { quantity: 1, unit: 'hour' } });
    expect(q.lines.map(row)).toEqual([['expert-time', 0n, 50_000n, 0n]]);
    expect(q.total.amount).toBe(0n);
  });

  it('two CDs of 30 records each, posted to another province', () => {
    const q = quote({ applicant: individual, media: [{ medium: 'cd', copies: 2, records: 30 }], postage: { destination: 'other-provinces' } });
    expect(q.lines.map(row)).toEqual([
      ['cd', 2n, 200n, 400n],
      ['cd', 60n, 200n, 12_000n],
      ['postage', 1n, 35_000n, 35_000n],
    ]);
    expect(q.vat?.subtotal.amount).toBe(4_740n);
    expect(q.total.amount).toBe(52_000n); // 52,140 − 140
  });

  const studentOrder = { records: 1234, tables: [{ level: 'province' as const, count: 3 }], postage: { destination: 'tehran' } };

  it('verified student: 20 % off everything but postage', () => {
    const q = quote({ applicant: { category: 'student', verified: true }, ...studentOrder });
    expect(q.subtotal.amount).toBe(97_690n);
    expect(q.discounts.map(row)).toEqual([['student-discount', 1n, -15_538n, -15_538n]]);
    expect(q.discounts[0]!.rate).toEqual({ basisPoints: 2000, base: { amount: 77_690n, currency: 'IRR' } });
    expect(q.vat?.subtotal.amount).toBe(8_215n); // 10 % of 82,152, nearest
    expect(q.total.amount).toBe(90_000n); // 90,367 − 367
    expect(q.notes).toEqual([]);
  });

  it('unverified student claim: no discount, and the quote says why', () => {
    const q = quote({ applicant: { category: 'student', verified: false }, ...studentOrder });
    expect(q.discounts).toEqual([]);
    expect(q.vat?.subtotal.amount).toBe(9_769n);
    expect(q.total.amount).toBe(107_000n); // 107,459 − 459
    expect(q.notes).toHaveLength(1);
    expect(q.notes[0]!.en).toMatch(/Student discount not applied/);
    expect(q.explanation.en).toContain('not verified');
  });

  it('verified organisation: 10 % off', () => {
    const q = quote({ applicant: { category: 'organisation', verified: true }, tables: [{ level: 'province', count: 3 }] });
    expect(q.discounts.map(row)).toEqual([['organisation-discount', 1n, -3_100n, -3_100n]]);
    expect(q.vat?.subtotal.amount).toBe(2_790n);
    expect(q.total.amount).toBe(31_000n); // 30,690 + 310
  });

  it('verified organisation: a discount that is not a whole Rial is rounded down', () => {
    const q = quote({ applicant: { category: 'organisation', verified: true }, records: 1233 });
    expect(q.subtotal.amount).toBe(47_655n); // 1,000 + 5,000 + 16,000 + 733 × 35
    expect(q.discounts.map(row)).toEqual([['organisation-discount', 1n, -4_765n, -4_765n]]); // 4,765.5 → 4,765
    expect(q.vat?.subtotal.amount).toBe(4_289n); // 10 % of 42,890
    expect(q.total.amount).toBe(47_000n); // 47,179 − 179
  });

  it('a small order below the 5,000 Rial threshold is waived, VAT and all', () => {
    const q = quote({ applicant: individual, records: 10 });
    expect(q.subtotal.amount).toBe(1_500n);
    expect(q.waiver && row(q.waiver)).toEqual(['de-minimis', 1n, -1_500n, -1_500n]);
    expect(q.vat?.subtotal.amount).toBe(0n);
    expect(q.rounding).toBeNull();
    expect(q.total.amount).toBe(0n);
  });

  it('an order exactly at the threshold is charged, and an exact half rounds up', () => {
    const q = quote({ applicant: individual, records: 80 });
    expect(q.subtotal.amount).toBe(5_000n);
    expect(q.waiver).toBeNull();
    expect(q.vat?.subtotal.amount).toBe(500n);
    expect(q.rounding?.subtotal.amount).toBe(500n);
    expect(q.total.amount).toBe(6_000n);
  });

  it('VAT changes from 9 % to 10 % at 00:00 Tehran on 1403-01-01', () => {
    const request = { applicant: individual, expertTime: { quantity: 3, unit: 'day' as const } };
    const lastMinuteOf1402 = quote({ ...request, quotedAt: tehran(1402, 12, 29, 23, 59) });
    const firstMinuteOf1403 = quote({ ...request, quotedAt: tehran(1403, 1, 1, 0, 0) });
    expect(lastMinuteOf1402.vat?.rate?.basisPoints).toBe(900);
    expect(lastMinuteOf1402.vat?.subtotal.amount).toBe(103_500n);
    expect(lastMinuteOf1402.rounding?.subtotal.amount).toBe(500n);
    expect(lastMinuteOf1402.total.amount).toBe(1_254_000n);
    expect(firstMinuteOf1403.vat?.rate?.basisPoints).toBe(1000);
    expect(firstMinuteOf1403.total.amount).toBe(1_265_000n);
    // 1403-01-01 00:00 Tehran is 2024-03-19T20:30Z (UTC+03:30).
    expect(tehran(1403, 1, 1, 0, 0).toISOString()).toBe('2024-03-19T20:30:00.000Z');
  });

  it('tables at several levels come out coarsest first; levels may be given as numbers', () => {
    const q = quote({ applicant: individual, tables: [{ level: 7, count: 2 }, { level: 'country', count: 1 }] });
    expect(q.lines.map(row)).toEqual([
      ['entry-fee', 1n, 1_000n, 1_000n],
      ['tables', 1n, 5_000n, 5_000n],
      ['tables', 2n, 80_000n, 160_000n],
    ]);
    expect(q.total.amount).toBe(183_000n); // 182,600 + 400
  });

  it('publications by the page and shop products from the book or the caller', () => {
    const q = quote({
      applicant: { category: 'student', verified: true },
      publications: [{ title: 'Labour force survey 1402', pages: 120, copies: 2 }],
      products: [{ productId: 'statistical-yearbook-1401' }, { productId: 'custom-extract-file', listPrice: 75_000n }],
    });
    expect(q.lines.map(row)).toEqual([
      ['publication-pages', 240n, 100n, 24_000n],
      ['shop-products', 1n, 400_000n, 400_000n],
      ['shop-products', 1n, 75_000n, 75_000n],
    ]);
    // The student discount covers publications only, not shop products: 20 % of 24,000.
    expect(q.discounts.map(row)).toEqual([['student-discount', 1n, -4_800n, -4_800n]]);
    expect(q.vat?.subtotal.amount).toBe(49_420n);
    expect(q.total.amount).toBe(544_000n); // 543,620 + 380
  });

  it('rounding up, down, and before VAT', () => {
    const withRounding = (mode: 'up' | 'down' | 'nearest', point: 'total' | 'before-vat') =>
      sampleWith((doc) => {
        const i = doc.components.findIndex((c) => c.kind === 'rounding');
        doc.components[i] = { kind: 'rounding', id: 'rounding', description: { fa: 'گرد کردن', en: 'Rounding' }, increment: '1000', mode, point };
      });
    const request = { applicant: individual, tables: [{ level: 'province' as const, count: 3 }] };
    expect(quote(request, withRounding('up', 'total')).total.amount).toBe(35_000n);
    expect(quote(request, withRounding('down', 'total')).total.amount).toBe(34_000n);

    const beforeVat = quote({ applicant: individual, records: 1234 }, withRounding('nearest', 'before-vat'));
    expect(beforeVat.rounding?.subtotal.amount).toBe(310n); // 47,690 → 48,000
    expect(beforeVat.vat?.rate?.base.amount).toBe(48_000n);
    expect(beforeVat.total.amount).toBe(52_800n);
    expect(quoteLines(beforeVat).map((l) => l.kind).slice(-2)).toEqual(['rounding', 'vat']);
  });

  it('a minimum charge tops small orders up before the waiver is considered', () => {
    const book = sampleWith((doc) => {
      doc.components.unshift({ kind: 'minimum-charge', id: 'minimum', description: { fa: 'حداقل هزینه', en: 'Minimum charge' }, amount: 10_000 });
    });
    const q = quote({ applicant: individual, records: 10 }, book);
    expect(q.lines.map(row).at(-1)).toEqual(['minimum', 1n, 8_500n, 8_500n]);
    expect(q.subtotal.amount).toBe(10_000n);
    expect(q.waiver).toBeNull();
    expect(q.total.amount).toBe(11_000n);
  });

  it('explains itself in Persian and English, line by line', () => {
    const q = quote({ applicant: { category: 'student', verified: true }, ...studentOrder });
    expect(q.explanation.en).toContain('Records extracted — records 101–500: 400 record(s) × 40 Rial = 16,000 Rial');
    expect(q.explanation.en).toContain('Student discount (20%): 20% of 77,690 Rial = -15,538 Rial');
    expect(q.explanation.en).toContain('Total payable: 90,000 Rial (9,000 Toman)');
    expect(q.explanation.en).toContain('SAMPLE');
    expect(q.explanation.fa).toContain('مبلغ قابل پرداخت: ۹۰٬۰۰۰ ریال (۹٬۰۰۰ تومان)');
    expect(q.explanation.fa).toContain('۱۴۰۳/۰۲/۱۰ ۱۰:۳۰');
  });

  it('takes the quote instant as an ISO string with offset, as in docs/tariffs.md', () => {
    const fromString = priceQuote({ applicant: { category: 'student', verified: true }, quotedAt: '2024-04-29T10:30:00+03:30', ...studentOrder }, sampleTariffBook);
    expect(fromString).toEqual(quote({ applicant: { category: 'student', verified: true }, ...studentOrder }));
    expect(fromString.quotedAt.toISOString()).toBe('2024-04-29T07:00:00.000Z');
  });

  it('is deterministic', () => {
    const request = { applicant: { category: 'student', verified: true }, quotedAt: in1403, ...studentOrder } as const;
    expect(priceQuote(request, sampleTariffBook)).toEqual(priceQuote(request, sampleTariffBook));
  });
});

describe('requests the book cannot price', () => {
  function issues(f: () => unknown) {
    try {
      f();
    } catch (e) {
      expect(e).toBeInstanceOf(QuoteError);
      return (e as QuoteError).issues;
    }
    throw new Error('expected a QuoteError');
  }

  it('a quote instant before the book is in force', () => {
    expect(issues(() => quote({ applicant: individual, records: 5, quotedAt: tehran(1401, 6, 1) }))).toEqual([
      { path: 'quotedAt', message: expect.stringContaining('outside tariff book sci-information-orders') },
    ]);
  });

  it('an unknown postage destination, an unpriced product, a level the book omits', () => {
    const book = sampleWith((doc) => {
      const tables = doc.components.find((c) => c.kind === 'per-table') as { prices: unknown[] };
      tables.prices = [{ level: 'province', unitPrice: 10_000 }];
    });
    const found = issues(() =>
      quote(
        {
          applicant: individual,
          tables: [{ level: 'province', count: 1 }, { level: 'block', count: 1 }],
          postage: { destination: 'mars' },
          products: [{ productId: 'no-such-product' }],
        },
        book,
      ),
    );
    expect(found.map((i) => i.path).sort()).toEqual(['postage.destination', 'products[0].productId', 'tables[1].level']);
  });

  it('an item kind with no rule in the book, and a malformed request', () => {
    const book = sampleWith((doc) => {
      doc.components = doc.components.filter((c) => c.kind !== 'expert-time');
    });
    expect(issues(() => quote({ applicant: individual, expertTime: { quantity: 2, unit: 'hour' } }, book))).toEqual([
      { path: 'expertTime', message: expect.stringContaining('no expert-time rule') },
    ]);
    expect(issues(() => quote({ applicant: individual, records: -3 })).map((i) => i.path)).toEqual(['records']);
    expect(issues(() => quote({ applicant: individual, tables: [{ level: 9, count: 1 }] })).map((i) => i.path)).toEqual(['tables[0].level']);
  });
});
