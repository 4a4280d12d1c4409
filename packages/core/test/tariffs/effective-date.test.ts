import { describe, expect, it } from 'vitest';
import { QuoteError, createTariffRegistry, parseTariffDate, periodContains, sampleTariffBook } from '../../src/tariffs';

function instant(text: string): string {
  const parsed = parseTariffDate(text);
  if ('error' in parsed) throw new Error(parsed.error);
  return parsed.instant.toISOString();
}

describe('tariff dates', () => {
  it('reads Solar Hijri days as 00:00 Asia/Tehran, with the historical offset', () => {
    expect(instant('1403-01-01')).toBe('2024-03-19T20:30:00.000Z'); // +03:30
    // 1401-03-01 = 2022-05-22, when Tehran still kept summer time (+04:30).
    expect(instant('1401-03-01')).toBe('2022-05-21T19:30:00.000Z');
    expect(instant('۱۴۰۳/۱/۱')).toBe('2024-03-19T20:30:00.000Z');
    // 1403 is a leap year, so 30 Esfand exists.
    expect(instant('1403-12-30')).toBe('2025-03-19T20:30:00.000Z');
  });

  it('reads Gregorian days and ISO instants', () => {
    expect(instant('2024-03-20')).toBe('2024-03-19T20:30:00.000Z');
    expect(instant('2024-03-20T12:00:00Z')).toBe('2024-03-20T12:00:00.000Z');
  });

  it('rejects impossible days and ambiguous years', () => {
    expect(parseTariffDate('1402-12-30')).toEqual({ error: 'is not a valid Solar Hijri date: 1402-12-30' });
    expect(parseTariffDate('2023-02-29')).toEqual({ error: 'is not a valid Gregorian date: 2023-02-29' });
    expect(parseTariffDate('1750-01-01')).toHaveProperty('error');
    expect(parseTariffDate('next Nowruz')).toHaveProperty('error');
    expect(parseTariffDate('2024-03-20T12:00:00')).toHaveProperty('error'); // no offset: which zone?
  });

  it('treats periods as half-open', () => {
    const from = parseTariffDate('1402-01-01');
    const to = parseTariffDate('1403-01-01');
    if ('error' in from || 'error' in to) throw new Error('unparsable');
    const period = { from, to };
    expect(periodContains(period, from.instant)).toBe(true);
    expect(periodContains(period, new Date(to.instant.getTime() - 1))).toBe(true);
    expect(periodContains(period, to.instant)).toBe(false);
  });

  it('a registry rejects an unreadable quote instant as a QuoteError', () => {
    const registry = createTariffRegistry([sampleTariffBook]);
    expect(() => registry.priceQuote({ applicant: { category: 'individual' }, quotedAt: 'not a date', records: 5 })).toThrow(QuoteError);
  });
});
