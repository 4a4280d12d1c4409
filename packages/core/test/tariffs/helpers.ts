import { toGregorian } from 'jalaali-js';
import { fromZoned } from '../../src/time/zoned';
import { type QuoteLine, type TariffBookInput, parseTariffBook, sampleTariffBookDocument } from '../../src/tariffs';

/** The instant a Tehran wall clock reads the given Solar Hijri date and time. */
export function tehran(jy: number, jm: number, jd: number, hour = 10, minute = 0): Date {
  const g = toGregorian(jy, jm, jd);
  return fromZoned({ year: g.gy, month: g.gm, day: g.gd, hour, minute });
}

/** A copy of the sample book document with some rules replaced, parsed. */
export function sampleWith(change: (doc: TariffBookInput) => void) {
  const doc = structuredClone(sampleTariffBookDocument) as TariffBookInput;
  change(doc);
  return parseTariffBook(doc);
}

/** Compact view of a line for pinning: [ruleId, quantity, unitPrice, subtotal]. */
export function row(line: QuoteLine): [string, bigint, bigint, bigint] {
  return [line.ruleId, line.quantity, line.unitPrice.amount, line.subtotal.amount];
}
