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

/** The kinds of line a charge can be (before discounts, VAT and rounding). */
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
  /** What the line charges for. */
  kind: QuoteLineKind;
  /** The line's text in Persian and English. */
  description: LocalizedText;
  /** How many units. */
  quantity: bigint;
  /** What a unit is. */
  unit: QuantityUnit;
  /** Price of one unit. */
  unitPrice: Money;
  /** `unitPrice × quantity`. */
  subtotal: Money;
  /** Percentage lines (discount, VAT): the rate and the amount it was taken of. */
  rate?: { basisPoints: number; base: Money };
  /** Rounding lines: the rule applied. */
  rounding?: { increment: Money; mode: RoundingMode; point: RoundingPoint };
}

/** Where in the pipeline the rounding rule applies. */
export type RoundingPoint = 'before-vat' | 'total';

/**
 * A priced quote: charge lines, discounts, waiver, VAT and rounding lines that add up to `total`, with the
 * book and instant it was priced with and an explanation.
 */
export interface Quote {
  /** The tariff book's id. */
  bookId: string;
  /** The tariff book's version. */
  bookVersion: string;
  /** True when priced with a book marked as sample data. */
  bookIsSample: boolean;
  /** The instant the prices (and the VAT rate) were taken at. */
  quotedAt: Date;
  /** The currency of every amount (IRR). */
  currency: Currency;
  /** The category the prices assumed, and whether staff had verified it. */
  applicant: { category: ApplicantCategory; verified: boolean };
  /** Charge lines, in book order (minimum-charge top-up last). */
  lines: QuoteLine[];
  /** Sum of `lines`: the total before discounts. */
  subtotal: Money;
  /** Discount lines (negative), in book order. */
  discounts: QuoteLine[];
  /** De-minimis waiver cancelling a small net amount, if it applied. */
  waiver: QuoteLine | null;
  /** The VAT line, if VAT applies. */
  vat: QuoteLine | null;
  /** The rounding line, if rounding changed the total. */
  rounding: QuoteLine | null;
  /** What the applicant pays. */
  total: Money;
  /** Rules that were considered but did not apply, and why (e.g. an unverified student claim). */
  notes: LocalizedText[];
  /** How the total was reached, in Persian and English. */
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
