import type { Currency } from '../money/currency';
import { type Money, multiplyMoney, sumMoney } from '../money/money';
import type { RoundingMode } from '../money/rounding';
import type { LocalizedText } from './localized-text';
import type { ApplicantCategory } from './request';

/** What a line charges for, or which step of the pricing pipeline produced it. */
export type QuoteLineKind =
  | 'entry-fee'
  | 'per-record'
  | 'per-table'
  | 'expert-time'
  | 'media'
  | 'postage'
  | 'per-page'
  | 'product'
  | 'minimum-charge'
  | 'category-discount'
  | 'waiver'
  | 'vat'
  | 'rounding';

/** Line kinds that are charges (before discounts); category discounts name these in `appliesTo`. */
export const CHARGE_LINE_KINDS = [
  'entry-fee',
  'per-record',
  'per-table',
  'expert-time',
  'media',
  'postage',
  'per-page',
  'product',
  'minimum-charge',
] as const satisfies readonly QuoteLineKind[];

export type ChargeLineKind = (typeof CHARGE_LINE_KINDS)[number];

/** The unit a line's quantity counts. `amount` is used by percentage and adjustment lines. */
export type QuantityUnit = 'order' | 'record' | 'table' | 'hour' | 'copy' | 'page' | 'item' | 'shipment' | 'amount';

/**
 * One line of a quote. Always `subtotal = unitPrice × quantity`; discounts, the waiver and
 * downward rounding are lines with a negative unit price, so all lines add up to the total.
 */
export interface QuoteLine {
  /** The id of the book rule that produced the line. */
  ruleId: string;
  kind: QuoteLineKind;
  description: LocalizedText;
  quantity: bigint;
  unit: QuantityUnit;
  unitPrice: Money;
  subtotal: Money;
  /** Percentage lines (discount, VAT): the rate and the amount it was taken of. */
  rate?: { basisPoints: number; base: Money };
  /** Rounding lines: the rule applied. */
  rounding?: { increment: Money; mode: RoundingMode; point: RoundingPoint };
}

/** Where in the pipeline the rounding rule applies. */
export type RoundingPoint = 'before-vat' | 'total';

export interface Quote {
  bookId: string;
  bookVersion: string;
  /** True when priced with a book marked as sample data. */
  bookIsSample: boolean;
  /** The instant the prices (and the VAT rate) were taken at. */
  quotedAt: Date;
  currency: Currency;
  /** The category the prices assumed, and whether staff had verified it. */
  applicant: { category: ApplicantCategory; verified: boolean };
  /** Charge lines, in book order (minimum-charge top-up last). */
  lines: QuoteLine[];
  /** Sum of `lines`: the total before discounts. */
  subtotal: Money;
  discounts: QuoteLine[];
  /** De-minimis waiver cancelling a small net amount, if it applied. */
  waiver: QuoteLine | null;
  vat: QuoteLine | null;
  rounding: QuoteLine | null;
  total: Money;
  /** Rules that were considered but did not apply, and why (e.g. an unverified student claim). */
  notes: LocalizedText[];
  explanation: LocalizedText;
}

/** Every line of the quote in pipeline order; they always sum to `quote.total`. */
export function quoteLines(quote: Quote): QuoteLine[] {
  const out = [...quote.lines, ...quote.discounts];
  if (quote.waiver) out.push(quote.waiver);
  const roundingFirst = quote.rounding?.rounding?.point === 'before-vat';
  if (roundingFirst && quote.rounding) out.push(quote.rounding);
  if (quote.vat) out.push(quote.vat);
  if (!roundingFirst && quote.rounding) out.push(quote.rounding);
  return out;
}

export function sumLines(lines: readonly QuoteLine[], currency: Currency): Money {
  return sumMoney(
    lines.map((l) => l.subtotal),
    currency,
  );
}

/** Build a line whose subtotal is `unitPrice × quantity` by construction. */
export function makeLine(fields: Omit<QuoteLine, 'subtotal'>): QuoteLine {
  const line: QuoteLine = { ...fields, subtotal: multiplyMoney(fields.unitPrice, fields.quantity) };
  if (fields.rate === undefined) delete line.rate;
  if (fields.rounding === undefined) delete line.rounding;
  return line;
}
