import { z } from 'zod';
import { CURRENCIES } from '../money/currency';
import { type MoneyJSON, moneyJSONSchema, moneyToJSON } from '../money/json';
import { type Money, money } from '../money/money';
import { ROUNDING_MODES } from '../money/rounding';
import { localizedTextSchema } from './localized-text';
import type { Quote, QuoteLine } from './quote';
import { APPLICANT_CATEGORIES } from './request';

/**
 * JSON codec for quotes, so a quote can be stored and shown later exactly as priced: bigints
 * travel as decimal strings, the instant as an ISO string. `quoteFromJSON(quoteToJSON(q))`
 * deep-equals `q`.
 */

const moneySchema = moneyJSONSchema.transform((m): Money => money(BigInt(m.amount), m.currency));

const LINE_KINDS = [
  'entry-fee',
  'per-record',
  'per-table',
  'expert-time',
  'media',
  'postage',
  'per-page',
  'product',
  'minimum-charge',
  'category-discount',
  'waiver',
  'vat',
  'rounding',
] as const satisfies readonly QuoteLine['kind'][];
const UNITS = ['order', 'record', 'table', 'hour', 'copy', 'page', 'item', 'shipment', 'amount'] as const satisfies readonly QuoteLine['unit'][];

const lineSchema = z
  .object({
    ruleId: z.string(),
    kind: z.enum(LINE_KINDS),
    description: localizedTextSchema,
    quantity: z.string().regex(/^-?\d+$/),
    unit: z.enum(UNITS),
    unitPrice: moneySchema,
    subtotal: moneySchema,
    rate: z.object({ basisPoints: z.number().int(), base: moneySchema }).optional(),
    rounding: z.object({ increment: moneySchema, mode: z.enum(ROUNDING_MODES), point: z.enum(['before-vat', 'total']) }).optional(),
  })
  .transform((l): QuoteLine => {
    const line: QuoteLine = { ...l, quantity: BigInt(l.quantity) };
    if (l.rate === undefined) delete line.rate;
    if (l.rounding === undefined) delete line.rounding;
    return line;
  });

/** Schema of a quote as JSON ({@link QuoteJSON}): amounts as strings of whole Rial. */
export const quoteJSONSchema = z.object({
  bookId: z.string(),
  bookVersion: z.string(),
  bookIsSample: z.boolean(),
  quotedAt: z.iso.datetime().transform((s) => new Date(s)),
  currency: z.enum(CURRENCIES),
  applicant: z.object({ category: z.enum(APPLICANT_CATEGORIES), verified: z.boolean() }),
  lines: z.array(lineSchema),
  subtotal: moneySchema,
  discounts: z.array(lineSchema),
  waiver: lineSchema.nullable(),
  vat: lineSchema.nullable(),
  rounding: lineSchema.nullable(),
  total: moneySchema,
  notes: z.array(localizedTextSchema),
  explanation: localizedTextSchema,
});

type LineJSON = Omit<QuoteLine, 'quantity' | 'unitPrice' | 'subtotal' | 'rate' | 'rounding'> & {
  quantity: string;
  unitPrice: MoneyJSON;
  subtotal: MoneyJSON;
  rate?: { basisPoints: number; base: MoneyJSON };
  rounding?: { increment: MoneyJSON; mode: NonNullable<QuoteLine['rounding']>['mode']; point: NonNullable<QuoteLine['rounding']>['point'] };
};

/** A quote as plain JSON (what `JSON.stringify` can write without losing anything). */
export type QuoteJSON = Omit<Quote, 'quotedAt' | 'lines' | 'subtotal' | 'discounts' | 'waiver' | 'vat' | 'rounding' | 'total'> & {
  quotedAt: string;
  lines: LineJSON[];
  subtotal: MoneyJSON;
  discounts: LineJSON[];
  waiver: LineJSON | null;
  vat: LineJSON | null;
  rounding: LineJSON | null;
  total: MoneyJSON;
};

function lineToJSON(line: QuoteLine): LineJSON {
  const out: LineJSON = {
    ruleId: line.ruleId,
    kind: line.kind,
    description: { ...line.description },
    quantity: line.quantity.toString(),
    unit: line.unit,
    unitPrice: moneyToJSON(line.unitPrice),
    subtotal: moneyToJSON(line.subtotal),
  };
  if (line.rate) out.rate = { basisPoints: line.rate.basisPoints, base: moneyToJSON(line.rate.base) };
  if (line.rounding) out.rounding = { increment: moneyToJSON(line.rounding.increment), mode: line.rounding.mode, point: line.rounding.point };
  return out;
}

/** A quote as JSON, bigint amounts as strings, so it can be stored and sent without losing precision. */
export function quoteToJSON(quote: Quote): QuoteJSON {
  return {
    bookId: quote.bookId,
    bookVersion: quote.bookVersion,
    bookIsSample: quote.bookIsSample,
    quotedAt: quote.quotedAt.toISOString(),
    currency: quote.currency,
    applicant: { ...quote.applicant },
    lines: quote.lines.map(lineToJSON),
    subtotal: moneyToJSON(quote.subtotal),
    discounts: quote.discounts.map(lineToJSON),
    waiver: quote.waiver && lineToJSON(quote.waiver),
    vat: quote.vat && lineToJSON(quote.vat),
    rounding: quote.rounding && lineToJSON(quote.rounding),
    total: moneyToJSON(quote.total),
    notes: quote.notes.map((n) => ({ ...n })),
    explanation: { ...quote.explanation },
  };
}

/** Read a stored quote back; throws a ZodError if the document is not a quote. */
export function quoteFromJSON(json: unknown): Quote {
  return quoteJSONSchema.parse(json);
}
