import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GEOGRAPHIC_LEVELS, priceQuote, quoteFromJSON, quoteLines, quoteToJSON, sampleTariffBook, type QuoteRequest } from '../../src/tariffs';
import { sampleWith } from './helpers';

// Instants from 1402-01-01 to the end of 1405 (Tehran), spanning the 1403 VAT change.
const quotedAt = fc.integer({ min: Date.parse('2023-03-21T00:00:00Z'), max: Date.parse('2027-03-20T00:00:00Z') }).map((t) => new Date(t));

const applicant = fc.record({
  category: fc.constantFrom('individual' as const, 'student' as const, 'organisation' as const),
  verified: fc.boolean(),
});

/** One requested item, as a partial request, so "adding a line" can be expressed by merging. */
type Item = Partial<Omit<QuoteRequest, 'applicant' | 'quotedAt'>>;

const item: fc.Arbitrary<Item> = fc.oneof(
  fc.integer({ min: 1, max: 20_000 }).map((records) => ({ records })),
  fc.record({ level: fc.constantFrom(...GEOGRAPHIC_LEVELS), count: fc.integer({ min: 1, max: 50 }) }).map((t) => ({ tables: [t] })),
  fc.record({ quantity: fc.integer({ min: 1, max: 40 }), unit: fc.constantFrom('hour' as const, 'day' as const) }).map((expertTime) => ({ expertTime })),
  fc.record({ medium: fc.constant('cd' as const), copies: fc.integer({ min: 1, max: 5 }), records: fc.integer({ min: 0, max: 1000 }) }).map((m) => ({ media: [m] })),
  fc.constantFrom('tehran', 'other-provinces').map((destination) => ({ postage: { destination } })),
  fc.record({ pages: fc.integer({ min: 1, max: 800 }), copies: fc.integer({ min: 1, max: 10 }) }).map((p) => ({ publications: [p] })),
  fc
    .record({
      productId: fc.constantFrom('census-1395-results-cd', 'statistical-yearbook-1401', 'caller-priced'),
      quantity: fc.integer({ min: 1, max: 5 }),
      listPrice: fc.bigInt({ min: 0n, max: 10_000_000n }),
    })
    .map((p) => ({ products: [p.productId === 'caller-priced' ? p : { productId: p.productId, quantity: p.quantity }] })),
);

/** Merge items the way a person adds lines to an order: lists concatenate, single items are set once. */
function merge(items: readonly Item[]): Item {
  const out: Item = {};
  for (const it of items) {
    if (it.records !== undefined && out.records === undefined) out.records = it.records;
    if (it.expertTime && !out.expertTime) out.expertTime = it.expertTime;
    if (it.postage && !out.postage) out.postage = it.postage;
    if (it.tables) out.tables = [...(out.tables ?? []), ...it.tables];
    if (it.media) out.media = [...(out.media ?? []), ...it.media];
    if (it.publications) out.publications = [...(out.publications ?? []), ...it.publications];
    if (it.products) out.products = [...(out.products ?? []), ...it.products];
  }
  return out;
}

const request = fc.record({ applicant, quotedAt, items: fc.array(item, { maxLength: 6 }) }).map(
  ({ applicant, quotedAt, items }): QuoteRequest => ({ applicant, quotedAt, ...merge(items) }),
);

// A second book exercising the other options: whole-quantity tiers, a minimum, rounding before VAT.
const variantBook = sampleWith((doc) => {
  for (const c of doc.components) {
    if (c.kind === 'per-record') (c as { pricing: string }).pricing = 'whole-quantity';
    if (c.kind === 'rounding') Object.assign(c, { mode: 'up', point: 'before-vat', increment: 500 });
  }
  doc.components.push({ kind: 'minimum-charge', id: 'minimum', description: { fa: 'حداقل', en: 'Minimum' }, amount: 7_500 });
});
const book = fc.constantFrom(sampleTariffBook, variantBook);

describe('pricing properties', () => {
  it('totals are never negative', () => {
    fc.assert(
      fc.property(request, book, (r, b) => {
        expect(priceQuote(r, b).total.amount >= 0n).toBe(true);
      }),
    );
  });

  it("the quote's lines always sum to its total, and every line is quantity × unit price", () => {
    fc.assert(
      fc.property(request, book, (r, b) => {
        const q = priceQuote(r, b);
        const lines = quoteLines(q);
        expect(lines.reduce((s, l) => s + l.subtotal.amount, 0n)).toBe(q.total.amount);
        expect(q.lines.reduce((s, l) => s + l.subtotal.amount, 0n)).toBe(q.subtotal.amount);
        for (const l of lines) expect(l.subtotal.amount).toBe(l.quantity * l.unitPrice.amount);
        // Discounts are the stated rate of their base, rounded down to the Rial.
        for (const d of q.discounts) {
          const taken = -d.subtotal.amount * 10_000n;
          const exact = d.rate!.base.amount * BigInt(d.rate!.basisPoints);
          expect(taken <= exact && exact < taken + 10_000n).toBe(true);
        }
      }),
    );
  });

  it('adding a line never lowers the total before discounts', () => {
    fc.assert(
      fc.property(applicant, quotedAt, fc.array(item, { maxLength: 5 }), item, book, (a, at, items, extra, b) => {
        const before = priceQuote({ applicant: a, quotedAt: at, ...merge(items) }, b);
        const after = priceQuote({ applicant: a, quotedAt: at, ...merge([...items, extra]) }, b);
        expect(after.subtotal.amount >= before.subtotal.amount).toBe(true);
      }),
    );
  });

  it('a verified category never pays more than the same request unverified', () => {
    fc.assert(
      fc.property(request, (r) => {
        const verified = priceQuote({ ...r, applicant: { ...r.applicant, verified: true } }, sampleTariffBook);
        const unverified = priceQuote({ ...r, applicant: { ...r.applicant, verified: false } }, sampleTariffBook);
        // Rounding to 1,000 can move either by up to 500, so compare before rounding.
        const unrounded = (q: typeof verified) => q.total.amount - (q.rounding?.subtotal.amount ?? 0n);
        expect(unrounded(verified) <= unrounded(unverified)).toBe(true);
      }),
    );
  });

  it('quotes round-trip through JSON, bigints and all', () => {
    fc.assert(
      fc.property(request, book, (r, b) => {
        const q = priceQuote(r, b);
        const text = JSON.stringify(quoteToJSON(q));
        const back = quoteFromJSON(JSON.parse(text));
        expect(back).toEqual(q);
        expect(typeof back.total.amount).toBe('bigint');
        expect(JSON.stringify(quoteToJSON(back))).toBe(text);
      }),
    );
  });

  it('is deterministic for any request', () => {
    fc.assert(
      fc.property(request, book, (r, b) => {
        expect(JSON.stringify(quoteToJSON(priceQuote(r, b)))).toBe(JSON.stringify(quoteToJSON(priceQuote(r, b))));
      }),
      { numRuns: 50 },
    );
  });
});

describe('quote JSON codec', () => {
  it('rejects documents that are not quotes', () => {
    const q = priceQuote({ applicant: { category: 'individual', verified: false }, quotedAt: new Date('2024-05-01T08:00:00Z'), records: 100 }, sampleTariffBook);
    const json = quoteToJSON(q);
    expect(() => quoteFromJSON({ ...json, total: { amount: 52459, currency: 'IRR' } })).toThrow();
    expect(() => quoteFromJSON({ ...json, quotedAt: 'yesterday' })).toThrow();
    expect(json.total).toEqual({ amount: q.total.amount.toString(), currency: 'IRR' });
  });
});
