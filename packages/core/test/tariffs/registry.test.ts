import { describe, expect, it } from 'vitest';
import { QuoteError, TariffBookError, createTariffRegistry, parseTariffBook, sampleTariffBook, sampleTariffBookDocument } from '../../src/tariffs';
import { tehran } from './helpers';

function version(version: string, effectiveFrom: string, effectiveTo?: string, entryFee = 1000) {
  const doc = structuredClone(sampleTariffBookDocument) as Record<string, unknown> & { components: { kind: string; amount?: number }[] };
  doc.version = version;
  doc.effectiveFrom = effectiveFrom;
  if (effectiveTo) doc.effectiveTo = effectiveTo;
  const fee = doc.components.find((c) => c.kind === 'entry-fee')!;
  fee.amount = entryFee;
  return parseTariffBook(doc);
}

describe('tariff registry', () => {
  const v1402 = version('1402', '1402-01-01', '1403-01-01', 1000);
  const v1403 = version('1403', '1403-01-01', undefined, 2000);

  it('picks the book in force at an instant (from inclusive, to exclusive)', () => {
    const registry = createTariffRegistry([v1403, v1402]);
    expect(registry.bookInForce(tehran(1402, 12, 29, 23, 59))?.version).toBe('1402');
    expect(registry.bookInForce(tehran(1403, 1, 1, 0, 0))?.version).toBe('1403');
    expect(registry.bookInForce(tehran(1401, 12, 29))).toBeUndefined();
    expect(registry.books.map((b) => b.version)).toEqual(['1402', '1403']);
    expect(registry.findVersion('sci-information-orders', '1402')).toBe(v1402);
  });

  it('prices with the book in force and records its version', () => {
    const registry = createTariffRegistry([v1402, v1403]);
    const request = { applicant: { category: 'individual', verified: false }, tables: [{ level: 'province', count: 3 }] } as const;
    const before = registry.priceQuote({ ...request, quotedAt: tehran(1402, 12, 20) });
    const after = registry.priceQuote({ ...request, quotedAt: tehran(1403, 1, 20) });
    expect(before.bookVersion).toBe('1402');
    expect(before.lines[0]!.subtotal.amount).toBe(1000n);
    expect(after.bookVersion).toBe('1403');
    expect(after.lines[0]!.subtotal.amount).toBe(2000n);
    expect(() => registry.priceQuote({ ...request, quotedAt: tehran(1400, 1, 20) })).toThrow(QuoteError);
  });

  it('rejects overlapping versions of one tariff, naming the book', () => {
    const open1402 = version('1402-open', '1402-01-01');
    try {
      createTariffRegistry([v1403, open1402]);
      throw new Error('accepted overlapping books');
    } catch (e) {
      expect(e).toBeInstanceOf(TariffBookError);
      expect((e as TariffBookError).issues).toEqual([{ path: 'books[1].effectiveFrom', message: expect.stringContaining('overlaps version 1403') }]);
    }
  });

  it('rejects a version given twice and allows back-to-back books', () => {
    expect(() => createTariffRegistry([v1402, v1402])).toThrow(/books\[1\]\.version/);
    expect(() => createTariffRegistry([v1402, v1403])).not.toThrow();
  });

  it('keeps different tariffs apart and asks which one when several are held', () => {
    const other = parseTariffBook({ ...structuredClone(sampleTariffBookDocument), id: 'shop' });
    const registry = createTariffRegistry([sampleTariffBook, other]);
    expect(registry.bookInForce(tehran(1403, 5, 1), 'shop')?.id).toBe('shop');
    expect(() => registry.bookInForce(tehran(1403, 5, 1))).toThrow(/several tariffs/);
  });
});
