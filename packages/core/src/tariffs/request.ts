import { z } from 'zod';
import { CURRENCIES } from '../money/currency';
import type { Money } from '../money/money';
import { rialAmountSchema } from './amounts.schema';
import { type GeographicLevel, geographicLevelSchema } from './geographic-level';

/** The applicant categories a tariff can price differently. */
export const APPLICANT_CATEGORIES = ['individual', 'student', 'organisation'] as const;
/** An applicant category: individual, student or organisation. */
export type ApplicantCategory = (typeof APPLICANT_CATEGORIES)[number];

/** The media data can be delivered on. */
export const MEDIA = ['cd', 'dvd'] as const;
/** A delivery medium. */
export type Medium = (typeof MEDIA)[number];

/** The kinds of thing a request can ask for; an entry fee names the ones that trigger it. */
export const REQUEST_ITEM_KINDS = ['records', 'tables', 'expert-time', 'media', 'postage', 'publications', 'products'] as const;
/** A kind of thing a request asks for. */
export type RequestItemKind = (typeof REQUEST_ITEM_KINDS)[number];

const count = z.number().int('must be a whole number').min(0, 'must not be negative');
const positiveCount = z.number().int('must be a whole number').min(1, 'must be at least 1');

const moneyInputSchema = z.union([
  z.object({ amount: z.bigint().nonnegative('must not be negative'), currency: z.enum(CURRENCIES) }).transform((m) => m.amount),
  rialAmountSchema,
]);

/** Schema of a {@link QuoteRequest}: validates it and fills in the defaults. */
export const quoteRequestSchema = z.object({
  applicant: z.object({
    category: z.enum(APPLICANT_CATEGORIES),
    /** Staff checked the evidence (e.g. the student card). Unverified claims get no category discount. */
    verified: z.boolean().default(false),
  }),
  /** The instant to price at: picks the book, the VAT rate, and is stored on the quote. */
  quotedAt: z.union([z.date(), z.iso.datetime({ offset: true }).transform((s) => new Date(s))]).refine((d) => !Number.isNaN(d.getTime()), 'must be a valid instant'),
  /** Number of data records extracted. */
  records: count.optional(),
  /** Published or custom tables, by geographic level (name or number 1–7). */
  tables: z.array(z.object({ level: geographicLevelSchema, count: positiveCount })).optional(),
  expertTime: z.object({ quantity: count, unit: z.enum(['hour', 'day']) }).optional(),
  media: z.array(z.object({ medium: z.enum(MEDIA), copies: positiveCount.default(1), records: count.default(0) })).optional(),
  /** Delivery by post; `destination` is one of the book's destination codes when it prices by destination. */
  postage: z.object({ destination: z.string().min(1).optional(), shipments: positiveCount.default(1) }).optional(),
  /** Printed publications, charged per page. */
  publications: z.array(z.object({ title: z.string().optional(), pages: positiveCount, copies: positiveCount.default(1) })).optional(),
  /** Shop products; `listPrice` (from the caller's catalogue) overrides the book's list price. */
  products: z.array(z.object({ productId: z.string().min(1), quantity: positiveCount.default(1), listPrice: moneyInputSchema.optional() })).optional(),
});

/** What callers pass to `priceQuote` (validated by `quoteRequestSchema`; defaults in brackets). */
export interface QuoteRequest {
  /** The applicant's category, and whether staff verified it (default false). */
  applicant: { category: ApplicantCategory; /** [false] */ verified?: boolean };
  /** A Date, or an ISO date-time string with an offset. */
  quotedAt: Date | string;
  /** Number of raw records asked for. */
  records?: number;
  /** Statistical tables asked for, by geographic level. */
  tables?: readonly { level: GeographicLevel | number; count: number }[];
  /** Expert (consultant) time asked for. */
  expertTime?: { quantity: number; unit: 'hour' | 'day' };
  /** [copies 1, records 0] */
  media?: readonly { medium: Medium; copies?: number; records?: number }[];
  /** [shipments 1] */
  postage?: { destination?: string; shipments?: number };
  /** [copies 1] */
  publications?: readonly { title?: string; pages: number; copies?: number }[];
  /** [quantity 1]; `listPrice` in Rial, or a Money in IRR. */
  products?: readonly { productId: string; quantity?: number; listPrice?: Money | bigint | number | string }[];
}

/** A request after validation and defaults. */
export type ParsedQuoteRequest = z.output<typeof quoteRequestSchema>;


/** Which item kinds the request actually asks for (an empty list or zero count asks for nothing). */
export function requestedItemKinds(r: ParsedQuoteRequest): RequestItemKind[] {
  const kinds: RequestItemKind[] = [];
  if ((r.records ?? 0) > 0) kinds.push('records');
  if ((r.tables?.length ?? 0) > 0) kinds.push('tables');
  if ((r.expertTime?.quantity ?? 0) > 0) kinds.push('expert-time');
  if ((r.media?.length ?? 0) > 0) kinds.push('media');
  if (r.postage) kinds.push('postage');
  if ((r.publications?.length ?? 0) > 0) kinds.push('publications');
  if ((r.products?.length ?? 0) > 0) kinds.push('products');
  return kinds;
}
