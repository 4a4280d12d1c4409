import { z } from 'zod';
import { CURRENCIES } from '../money/currency';
import { categoryDiscountRuleSchema } from './components/category-discount';
import { entryFeeRuleSchema } from './components/entry-fee';
import { expertTimeRuleSchema } from './components/expert-time';
import { mediaRuleSchema } from './components/media';
import { minimumChargeRuleSchema } from './components/minimum-charge';
import { perPageRuleSchema } from './components/per-page';
import { perRecordRuleSchema } from './components/per-record';
import { perTableRuleSchema } from './components/per-table';
import { postageRuleSchema } from './components/postage';
import { productsRuleSchema } from './components/products';
import { roundingRuleSchema } from './components/rounding';
import { firstUncoveredInstant, vatRuleSchema } from './components/vat';
import { waiverRuleSchema } from './components/waiver';
import { type TariffDate, tariffDateSchema } from './effective-date';
import { TariffBookError, issuesFromZod } from './errors';
import { localizedTextSchema } from './localized-text';
import { CHARGE_LINE_KINDS } from './quote';

/** Every rule a book can contain, told apart by `kind`. */
export const tariffRuleSchema = z.discriminatedUnion('kind', [
  entryFeeRuleSchema,
  minimumChargeRuleSchema,
  perRecordRuleSchema,
  perTableRuleSchema,
  expertTimeRuleSchema,
  mediaRuleSchema,
  postageRuleSchema,
  perPageRuleSchema,
  productsRuleSchema,
  categoryDiscountRuleSchema,
  waiverRuleSchema,
  vatRuleSchema,
  roundingRuleSchema,
]);

/**
 * One validated rule of a tariff book (entry fee, per-record, per-table, expert time, media, postage,
 * discounts, VAT, rounding…).
 */
export type TariffRule = z.output<typeof tariffRuleSchema>;
/** The kind of a tariff rule. */
export type TariffRuleKind = TariffRule['kind'];

// Kinds of which a book may hold one rule only: two would charge the same thing twice, or leave
// it ambiguous which applies.
const SINGLE_RULE_KINDS: readonly TariffRuleKind[] = [
  'minimum-charge',
  'per-record',
  'per-table',
  'expert-time',
  'postage',
  'per-page',
  'products',
  'waiver',
  'vat',
  'rounding',
];

/**
 * Schema of a tariff book: id, version, effective period, currency (IRR) and its rules in pipeline order;
 * `parseTariffBook` uses it and reports issues by path.
 */
export const tariffBookSchema = z
  .object({
    /** Stable identifier of the tariff (all versions share it), e.g. `sci-information-orders`. */
    id: z.string().regex(/^[a-z0-9][a-z0-9._-]*$/, 'must be lower-case letters, digits, ".", "_" or "-"'),
    /** Version label, recorded on every quote (e.g. `1403.1`). */
    version: z.string().trim().min(1, 'is required'),
    title: localizedTextSchema,
    /** True for books whose amounts are illustrative (the shipped sample). */
    sample: z.boolean().default(false),
    currency: z.enum(CURRENCIES).default('IRR'),
    /** First day (00:00 Asia/Tehran) the book is in force: `1403-01-01`, `2024-03-20`, or an ISO instant. */
    effectiveFrom: tariffDateSchema,
    /** First day the book is no longer in force (exclusive); omit for open-ended. */
    effectiveTo: tariffDateSchema.optional(),
    /** Where the amounts come from (decree, approval letter). */
    source: z.string().optional(),
    components: z.array(tariffRuleSchema),
  })
  .superRefine((book, ctx) => {
    if (book.effectiveTo && book.effectiveTo.instant.getTime() <= book.effectiveFrom.instant.getTime()) {
      ctx.addIssue({ code: 'custom', path: ['effectiveTo'], message: `must be after effectiveFrom (${book.effectiveFrom.text})` });
    }
    const ids = new Map<string, number>();
    const singles = new Map<string, number>();
    const media = new Map<string, number>();
    book.components.forEach((rule, i) => {
      const firstId = ids.get(rule.id);
      if (firstId !== undefined) ctx.addIssue({ code: 'custom', path: ['components', i, 'id'], message: `rule id ${rule.id} is already used by components[${firstId}]` });
      else ids.set(rule.id, i);

      if (SINGLE_RULE_KINDS.includes(rule.kind)) {
        const first = singles.get(rule.kind);
        if (first !== undefined) ctx.addIssue({ code: 'custom', path: ['components', i, 'kind'], message: `a book may hold one ${rule.kind} rule; the first is components[${first}]` });
        else singles.set(rule.kind, i);
      }
      if (rule.kind === 'media') {
        const first = media.get(rule.medium);
        if (first !== undefined) ctx.addIssue({ code: 'custom', path: ['components', i, 'medium'], message: `medium ${rule.medium} is already priced by components[${first}]` });
        else media.set(rule.medium, i);
      }
      if (rule.kind === 'vat') {
        const gap = firstUncoveredInstant(rule, { from: book.effectiveFrom, to: book.effectiveTo });
        if (gap) ctx.addIssue({ code: 'custom', path: ['components', i, 'rates'], message: `no VAT rate covers ${gap.toISOString()}, inside the book's effective period` });
      }
    });

    // Two discounts for one category must not discount the same charge kind twice.
    const discounted = new Map<string, number>();
    book.components.forEach((rule, i) => {
      if (rule.kind !== 'category-discount') return;
      for (const kind of rule.appliesTo ?? CHARGE_LINE_KINDS) {
        const key = `${rule.category}/${kind}`;
        const first = discounted.get(key);
        if (first !== undefined) {
          ctx.addIssue({ code: 'custom', path: ['components', i, 'appliesTo'], message: `${kind} charges are already discounted for ${rule.category} by components[${first}]` });
          break;
        }
        discounted.set(key, i);
      }
    });
  });

/** A validated tariff book: amounts are bigint Rial, dates carry their instants. */
export type TariffBook = z.output<typeof tariffBookSchema>;

/** The JSON document a book is written as (amounts as integers or digit strings). */
export type TariffBookInput = z.input<typeof tariffBookSchema>;

/** Validate a tariff book document. Throws `TariffBookError` naming every offending path. */
export function parseTariffBook(document: unknown): TariffBook {
  const result = tariffBookSchema.safeParse(document);
  if (!result.success) throw new TariffBookError(issuesFromZod(result.error));
  return result.data;
}

/** Like `parseTariffBook`, but returns the issues instead of throwing. */
export function safeParseTariffBook(document: unknown): { ok: true; book: TariffBook } | { ok: false; error: TariffBookError } {
  const result = tariffBookSchema.safeParse(document);
  return result.success ? { ok: true, book: result.data } : { ok: false, error: new TariffBookError(issuesFromZod(result.error)) };
}

function isTariffDate(value: object): value is TariffDate {
  return 'text' in value && 'instant' in value && (value as { instant: unknown }).instant instanceof Date;
}

function toDocument(value: unknown): unknown {
  if (typeof value === 'bigint') return value.toString();
  if (Array.isArray(value)) return value.map(toDocument);
  if (value !== null && typeof value === 'object') {
    if (isTariffDate(value)) return value.text;
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toDocument(v)]));
  }
  return value;
}

/** The book as a plain JSON document (amounts as strings, dates as written); `parseTariffBook` reads it back. */
export function tariffBookToJSON(book: TariffBook): TariffBookInput {
  return toDocument(book) as TariffBookInput;
}
