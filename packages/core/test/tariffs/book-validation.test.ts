import { describe, expect, it } from 'vitest';
import { TariffBookError, parseTariffBook, safeParseTariffBook, sampleTariffBook, sampleTariffBookDocument, tariffBookToJSON, type TariffBookInput } from '../../src/tariffs';

const text = { fa: 'متن', en: 'text' };

function rejected(document: unknown): TariffBookError {
  try {
    parseTariffBook(document);
  } catch (e) {
    if (e instanceof TariffBookError) return e;
    throw e;
  }
  throw new Error('the book was accepted');
}

function minimalBook(components: unknown[], extra: Record<string, unknown> = {}): unknown {
  return { id: 'test-book', version: '1', title: text, effectiveFrom: '1403-01-01', components, ...extra };
}

describe('tariff book validation', () => {
  it('accepts the sample book and reads amounts as bigint Rial and dates as Tehran instants', () => {
    expect(sampleTariffBook.sample).toBe(true);
    expect(sampleTariffBook.effectiveFrom.calendar).toBe('solar-hijri');
    // 1402-01-01 = 2023-03-21; Tehran was UTC+03:30 then (no DST from 1402).
    expect(sampleTariffBook.effectiveFrom.instant.toISOString()).toBe('2023-03-20T20:30:00.000Z');
    const entry = sampleTariffBook.components.find((c) => c.kind === 'entry-fee');
    expect(entry && 'amount' in entry ? entry.amount : undefined).toBe(1000n);
  });

  it('names the offending path of a non-increasing tier', () => {
    const error = rejected(
      minimalBook([
        { kind: 'entry-fee', id: 'entry', description: text, amount: 1000 },
        { kind: 'per-record', id: 'records', description: text, pricing: 'per-tier', tiers: [{ upTo: 100, unitPrice: 50 }, { upTo: 100, unitPrice: 40 }, { upTo: null, unitPrice: 35 }] },
      ]),
    );
    expect(error.issues).toEqual([{ path: 'components[1].tiers[1].upTo', message: "must be greater than the previous tier's upTo (100)" }]);
    expect(error.message).toContain('components[1].tiers[1].upTo');
  });

  it('rejects fractions, negatives and non-numeric amounts at their paths', () => {
    const error = rejected(
      minimalBook([
        { kind: 'entry-fee', id: 'entry', description: text, amount: 1000.5 },
        { kind: 'per-page', id: 'pages', description: text, unitPrice: -100 },
        { kind: 'per-table', id: 'tables', description: text, prices: [{ level: 'province', unitPrice: '10,000' }] },
        { kind: 'waiver', id: 'waiver', description: text, threshold: 0 },
      ]),
    );
    expect(error.issues.map((i) => i.path)).toEqual(['components[0].amount', 'components[1].unitPrice', 'components[2].prices[0].unitPrice', 'components[3].threshold']);
    expect(error.issues[0]!.message).toMatch(/whole number/);
    expect(error.issues[1]!.message).toMatch(/negative/);
  });

  it('rejects open tiers before the last and a closed last tier', () => {
    const error = rejected(
      minimalBook([{ kind: 'per-record', id: 'records', description: text, pricing: 'whole-quantity', tiers: [{ upTo: null, unitPrice: 50 }, { upTo: 500, unitPrice: 40 }] }]),
    );
    expect(error.issues.map((i) => i.path)).toEqual(['components[0].tiers[0].upTo', 'components[0].tiers[1].upTo']);
  });

  it('rejects unknown rule kinds, duplicate ids, a second VAT rule and double discounts', () => {
    const vat = { kind: 'vat', id: 'vat', description: text, rates: [{ from: '1400-01-01', basisPoints: 900 }] };
    const error = rejected(
      minimalBook([
        { kind: 'entry-fee', id: 'fee', description: text, amount: 1 },
        { kind: 'per-page', id: 'fee', description: text, unitPrice: 1 },
        vat,
        { ...vat, id: 'vat-2' },
        { kind: 'category-discount', id: 'd1', description: text, category: 'student', basisPoints: 2000 },
        { kind: 'category-discount', id: 'd2', description: text, category: 'student', basisPoints: 1000, appliesTo: ['per-page'] },
      ]),
    );
    expect(error.issues.map((i) => i.path)).toEqual(['components[1].id', 'components[3].kind', 'components[5].appliesTo']);

    const unknown = rejected(minimalBook([{ kind: 'lottery', id: 'x', description: text }]));
    expect(unknown.issues.map((i) => i.path)).toEqual(['components[0].kind']);
  });

  it('checks dates: real Solar Hijri days, an end after the start, VAT rates covering the book', () => {
    // 1402 is not a leap year: Esfand has 29 days.
    expect(rejected(minimalBook([], { effectiveFrom: '1402-12-30' })).issues).toEqual([
      { path: 'effectiveFrom', message: 'is not a valid Solar Hijri date: 1402-12-30' },
    ]);
    expect(rejected(minimalBook([], { effectiveTo: '1402-06-01' })).issues.map((i) => i.path)).toEqual(['effectiveTo']);
    expect(rejected(minimalBook([], { effectiveFrom: '03/20/2024' })).issues.map((i) => i.path)).toEqual(['effectiveFrom']);
    const gap = rejected(
      minimalBook([{ kind: 'vat', id: 'vat', description: text, rates: [{ from: '1403-01-01', to: '1403-06-01', basisPoints: 1000 }, { from: '1403-07-01', basisPoints: 1000 }] }]),
    );
    expect(gap.issues.map((i) => i.path)).toEqual(['components[0].rates']);
    const overlap = rejected(
      minimalBook([{ kind: 'vat', id: 'vat', description: text, rates: [{ from: '1400-01-01', basisPoints: 900 }, { from: '1403-01-01', basisPoints: 1000 }] }]),
    );
    expect(overlap.issues.map((i) => i.path)).toEqual(['components[0].rates[1].from']);
  });

  it('accepts Gregorian dates, ISO instants and Persian digits', () => {
    const book = parseTariffBook(minimalBook([{ kind: 'per-page', id: 'pages', description: text, unitPrice: '۱۰۰' }], { effectiveFrom: '2024-03-20', effectiveTo: '۱۴۰۴/۰۱/۰۱' }));
    expect(book.effectiveFrom.instant.toISOString()).toBe('2024-03-19T20:30:00.000Z');
    expect(book.effectiveTo?.calendar).toBe('solar-hijri');
    expect(book.effectiveTo?.text).toBe('1404/01/01');
    const instant = parseTariffBook(minimalBook([], { effectiveFrom: '2024-03-20T00:00:00+03:30' }));
    expect(instant.effectiveFrom.instant.toISOString()).toBe('2024-03-19T20:30:00.000Z');
  });

  it('safeParseTariffBook returns the error instead of throwing', () => {
    const result = safeParseTariffBook({ id: 'Bad Id', version: '', title: text, effectiveFrom: '1403-01-01', components: [] });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.issues.map((i) => i.path)).toEqual(['id', 'version']);
  });

  it('writes a book back to JSON and reads it again unchanged', () => {
    const json = JSON.parse(JSON.stringify(tariffBookToJSON(sampleTariffBook))) as TariffBookInput;
    expect(json.effectiveFrom).toBe('1402-01-01');
    expect(parseTariffBook(json)).toEqual(sampleTariffBook);
    expect(parseTariffBook(sampleTariffBookDocument)).toEqual(sampleTariffBook);
  });
});
