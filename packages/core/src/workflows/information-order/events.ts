/**
 * The order's events: what a sender may write (zod schemas, after digit normalisation) and what
 * the machine receives. Fields marked "server" are added by the workflow's enrich steps inside
 * the command's transaction; a sender's value for them is dropped by the schema.
 */
import { z } from 'zod';
import { dayNumberToIsoDate, solarDateProblem, solarDateToDayNumber } from '../../calendar/solar-date';
import { normalizeTypedInput, normalizeTypedNumber, typedRial, typedWholeNumber } from '../../locale/typed-input';
import type { StoredFileReference } from '../../ports/profiles';
import type { DownloadLink, DuplicateReceipt, OrderQuote, OrderRequest } from './context';
import { shebaSchema } from '../../payments/sheba';

// Free text is kept as the person wrote it (their digits and letters), only trimmed.
const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max);
const count = typedWholeNumber(z.number().int('must be a whole number').min(0, 'must not be negative'));
const positive = typedWholeNumber(z.number().int('must be a whole number').min(1, 'must be at least 1'));

/** Schema of an order request: subject, description, coverage, period, format. */
export const orderRequestSchema = z.object({
  subject: text(200),
  description: text(5000),
  geography: text(500).optional(),
  period: text(200).optional(),
  format: text(100).optional(),
});

export const createOrderSchema = z.object({ request: orderRequestSchema });

/** What the pricing officer measured the request as: the tariff engine's request items. */
export const quoteItemsSchema = z
  .object({
    records: count.optional(),
    tables: z.array(z.object({ level: z.union([z.string().min(1), z.number().int()]), count: positive })).optional(),
    expertTime: z.object({ quantity: count, unit: z.enum(['hour', 'day']) }).optional(),
    media: z.array(z.object({ medium: z.enum(['cd', 'dvd']), copies: positive.optional(), records: count.optional() })).optional(),
    publications: z.array(z.object({ title: z.string().optional(), pages: positive, copies: positive.optional() })).optional(),
  })
  .refine((items) => Object.values(items).some((v) => v !== undefined), 'name at least one item to price');

/**
 * The tariff items a pricing officer prices a quote from (records, tables by level, expert time, media,
 * postage, publications).
 */
export type QuoteItems = z.output<typeof quoteItemsSchema>;

const fileKey = z.object({ key: z.string().min(1, 'name the uploaded file') });

/** Rial in any digit set, with or without thousands separators: `۱۲٬۰۰۰`, `12,000`, 12000. */
const rialAmount = typedRial();

/**
 * A payment date as people type it: Solar Hijri (`۱۴۰۴/۰۲/۱۳`, `1404-2-13`) or ISO
 * (`2025-05-03`), in any digits; kept as the ISO date.
 */
const paymentDate = z
  .string()
  .transform((value, ctx) => {
    const text = normalizeTypedInput(value).replace(/\//g, '-');
    const m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
    // Years before 1700 are Solar Hijri: the office's receipts are dated 13xx–14xx.
    if (!m || Number(m[1]) >= 1700) return text;
    const solar = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
    if (!solarDateProblem(solar)) return dayNumberToIsoDate(solarDateToDayNumber(solar));
    ctx.addIssue({ code: 'custom', message: 'is not a date that exists', params: { reason: 'date' } });
    return z.NEVER;
  })
  .pipe(z.iso.date('must be a date (YYYY-MM-DD)'));

/** The zod schemas of the information-order events a client may send. */
export const eventSchemas = {
  updateRequest: z.object({ request: orderRequestSchema }),
  submit: z.object({}),
  sendMessage: z.object({ text: text(5000) }),
  askQuestion: z.object({ text: text(5000) }),
  accept: z.object({ note: text(1000).optional() }),
  reject: z.object({ reason: text(1000) }),
  redirect: z.object({ productId: text(200), productUrl: z.url().optional(), note: text(1000).optional() }),
  issueQuote: z.object({ items: quoteItemsSchema }),
  acceptQuote: z.object({}),
  cancel: z.object({ reason: text(1000) }),
  submitReceipt: z.object({
    bankTracking: z
      .string()
      .transform((s) => normalizeTypedNumber(s).replace(/-/g, ''))
      .pipe(z.string().regex(/^[0-9A-Za-z]{4,40}$/, 'must be the 4–40 letters and digits printed on the receipt')),
    amount: rialAmount,
    paidOn: paymentDate,
    cardLastFour: z
      .string()
      .transform(normalizeTypedNumber)
      .pipe(z.string().regex(/^\d{4}$/, 'must be the last 4 digits of the card')),
    scan: fileKey,
  }),
  verifyPayment: z.object({ note: text(1000).optional(), acknowledgeDuplicates: z.boolean().optional() }),
  rejectReceipt: z.object({ reason: text(1000) }),
  startPreparation: z.object({}),
  attachFile: z.object({ file: fileKey, title: text(200).optional() }),
  deliver: z.object({}),
  download: z.object({ token: z.string().min(1, 'is required'), fileKey: z.string().min(1, 'is required') }),
  reissueLink: z.object({}),
  revokeLink: z.object({ reason: text(1000) }),
  close: z.object({}),
  cannotFulfil: z.object({ reason: text(1000) }),
  recordRefund: z.object({ reference: text(100) }),
  provideRefundAccount: z.object({ iban: shebaSchema }),
};

/** Server-added facts common to every event: when, and who. */
export interface Stamp {
  at?: Date;
  actorId?: string;
}

/**
 * The events of the information-order machine; the `Stamp` fields and the server-side parts (quotes, links)
 * are added by the workflow.
 */
export type InformationOrderEvent =
  | ({ type: 'updateRequest'; request: OrderRequest } & Stamp)
  | ({ type: 'submit' } & Stamp)
  | ({ type: 'sendMessage'; text: string } & Stamp)
  | ({ type: 'askQuestion'; text: string; replyDueAt?: Date } & Stamp)
  | ({ type: 'accept'; note?: string } & Stamp)
  | ({ type: 'reject'; reason: string } & Stamp)
  | ({ type: 'redirect'; productId: string; productUrl?: string; note?: string } & Stamp)
  | ({ type: 'issueQuote'; items: QuoteItems; quote?: OrderQuote } & Stamp)
  | ({ type: 'acceptQuote'; paymentDueAt?: Date } & Stamp)
  | ({ type: 'cancel'; reason: string } & Stamp)
  | ({
      type: 'submitReceipt';
      bankTracking: string;
      amount: bigint;
      paidOn: string;
      cardLastFour: string;
      scan: { key: string } | StoredFileReference;
      duplicates?: DuplicateReceipt[];
    } & Stamp)
  | ({ type: 'verifyPayment'; note?: string; acknowledgeDuplicates?: boolean } & Stamp)
  | ({ type: 'rejectReceipt'; reason: string; paymentDueAt?: Date } & Stamp)
  | ({ type: 'startPreparation' } & Stamp)
  | ({ type: 'attachFile'; file: { key: string } | StoredFileReference; title?: string } & Stamp)
  | ({ type: 'deliver'; link?: DownloadLink; closesAt?: Date } & Stamp)
  | ({ type: 'download'; token: string; fileKey: string; linkId?: string } & Stamp)
  | ({ type: 'reissueLink'; link?: DownloadLink; closesAt?: Date } & Stamp)
  | ({ type: 'revokeLink'; reason: string } & Stamp)
  | ({ type: 'close' } & Stamp)
  | ({ type: 'cannotFulfil'; reason: string } & Stamp)
  | ({ type: 'recordRefund'; reference: string } & Stamp)
  | ({ type: 'provideRefundAccount'; iban: string; /** server */ account?: { sealed: string; lastFour: string } } & Stamp);

/** What starts an information order. */
export interface InformationOrderInput {
  /** What is asked for. */
  request: OrderRequest;
  /** Server: the creating applicant's profile id. */
  applicantId?: string;
  /** Server: the order number (the instance id). */
  orderNumber?: string;
}
