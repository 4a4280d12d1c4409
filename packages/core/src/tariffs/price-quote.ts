import { addMoney, money, sumMoney } from '../money/money';
import { priceCategoryDiscount } from './components/category-discount';
import type { PricingContext } from './components/context';
import { priceEntryFee } from './components/entry-fee';
import { priceExpertTime } from './components/expert-time';
import { priceMedia } from './components/media';
import { priceMinimumCharge } from './components/minimum-charge';
import { pricePerPage } from './components/per-page';
import { pricePerRecord } from './components/per-record';
import { pricePerTable } from './components/per-table';
import { pricePostage } from './components/postage';
import { priceProducts } from './components/products';
import { priceRounding } from './components/rounding';
import { priceVat, vatRateAt } from './components/vat';
import { priceWaiver } from './components/waiver';
import type { TariffBook, TariffRule, TariffRuleKind } from './book.schema';
import { periodContains } from './effective-date';
import { QuoteError, type TariffIssue, issuesFromZod } from './errors';
import { explainQuote } from './explain';
import type { LocalizedText } from './localized-text';
import { type Quote, type QuoteLine, sumLines } from './quote';
import { type ParsedQuoteRequest, type QuoteRequest, type RequestItemKind, quoteRequestSchema, requestedItemKinds } from './request';

/** Which rule kind prices each kind of requested item. */
const RULE_FOR_ITEM: Record<RequestItemKind, TariffRuleKind> = {
  records: 'per-record',
  tables: 'per-table',
  'expert-time': 'expert-time',
  media: 'media',
  postage: 'postage',
  publications: 'per-page',
  products: 'products',
};

function chargeLines(rule: TariffRule, ctx: PricingContext): QuoteLine[] {
  switch (rule.kind) {
    case 'entry-fee':
      return priceEntryFee(rule, ctx);
    case 'per-record':
      return pricePerRecord(rule, ctx);
    case 'per-table':
      return pricePerTable(rule, ctx);
    case 'expert-time':
      return priceExpertTime(rule, ctx);
    case 'media':
      return priceMedia(rule, ctx);
    case 'postage':
      return pricePostage(rule, ctx);
    case 'per-page':
      return pricePerPage(rule, ctx);
    case 'products':
      return priceProducts(rule, ctx);
    default:
      return []; // not a charge: applied by a later pipeline step
  }
}

/** Requested items the book has no rule for: better an error than a silently free item. */
function uncoveredItems(request: ParsedQuoteRequest, book: TariffBook): TariffIssue[] {
  const issues: TariffIssue[] = [];
  for (const item of requestedItemKinds(request)) {
    const ruleKind = RULE_FOR_ITEM[item];
    if (!book.components.some((r) => r.kind === ruleKind)) {
      issues.push({ path: item === 'expert-time' ? 'expertTime' : item, message: `tariff book ${book.id} ${book.version} has no ${ruleKind} rule` });
    }
  }
  (request.media ?? []).forEach((m, i) => {
    if (book.components.some((r) => r.kind === 'media') && !book.components.some((r) => r.kind === 'media' && r.medium === m.medium)) {
      issues.push({ path: `media[${i}].medium`, message: `tariff book ${book.id} ${book.version} does not price ${m.medium}` });
    }
  });
  return issues;
}

function findRule<K extends TariffRuleKind>(book: TariffBook, kind: K): Extract<TariffRule, { kind: K }> | undefined {
  return book.components.find((r): r is Extract<TariffRule, { kind: K }> => r.kind === kind);
}

/**
 * Price a request with a tariff book. Pure and deterministic: the same request and book always
 * give the same quote. The pipeline, in order:
 *
 * 1. charge lines, in the order the book lists its rules;
 * 2. minimum-charge top-up → `subtotal` (total before discounts);
 * 3. category discounts, for a verified category only;
 * 4. de-minimis waiver of a small net;
 * 5. rounding, if the book rounds `before-vat`;
 * 6. VAT at the rate in force at `quotedAt`, on the net;
 * 7. rounding, if the book rounds the `total`.
 *
 * Throws `QuoteError` (with request paths) when the request is malformed, asks for something the
 * book does not price, or `quotedAt` falls outside the book's effective period.
 */
export function priceQuote(request: QuoteRequest, book: TariffBook): Quote {
  const parsed = quoteRequestSchema.safeParse(request);
  if (!parsed.success) throw new QuoteError(issuesFromZod(parsed.error), 'Invalid quote request');
  const req = parsed.data;
  const at = req.quotedAt;

  if (!periodContains({ from: book.effectiveFrom, to: book.effectiveTo }, at)) {
    throw new QuoteError([
      {
        path: 'quotedAt',
        message: `${at.toISOString()} is outside tariff book ${book.id} ${book.version} (in force from ${book.effectiveFrom.text}${book.effectiveTo ? ` until ${book.effectiveTo.text}` : ''})`,
      },
    ]);
  }
  const ctx: PricingContext = { request: req, currency: book.currency, issues: uncoveredItems(req, book) };
  const currency = book.currency;

  // 1–2. Charges and the minimum.
  const lines = book.components.flatMap((rule) => chargeLines(rule, ctx));
  const minimum = findRule(book, 'minimum-charge');
  if (minimum) lines.push(...priceMinimumCharge(minimum, sumLines(lines, currency).amount, ctx));
  if (ctx.issues.length > 0) throw new QuoteError(ctx.issues);
  const subtotal = sumLines(lines, currency);

  // 3. Discounts.
  const discounts: QuoteLine[] = [];
  const notes: LocalizedText[] = [];
  for (const rule of book.components) {
    if (rule.kind !== 'category-discount') continue;
    const outcome = priceCategoryDiscount(rule, lines, ctx);
    discounts.push(...outcome.lines);
    notes.push(...outcome.notes);
  }
  let running = addMoney(subtotal, sumLines(discounts, currency));

  // 4. Waiver.
  const waiverRule = findRule(book, 'waiver');
  const waiver = waiverRule ? priceWaiver(waiverRule, running.amount, ctx) : null;
  if (waiver) running = addMoney(running, waiver.subtotal);

  // 5–7. Rounding and VAT.
  const roundingRule = findRule(book, 'rounding');
  let rounding: QuoteLine | null = null;
  if (roundingRule?.point === 'before-vat') {
    rounding = priceRounding(roundingRule, running);
    if (rounding) running = addMoney(running, rounding.subtotal);
  }
  const vatRule = findRule(book, 'vat');
  let vat: QuoteLine | null = null;
  if (vatRule) {
    const rate = vatRateAt(vatRule, at);
    if (!rate) throw new QuoteError([{ path: 'quotedAt', message: `tariff book ${book.id} ${book.version} has no VAT rate in force at ${at.toISOString()}` }]);
    vat = priceVat(vatRule, rate, running);
    running = addMoney(running, vat.subtotal);
  }
  if (roundingRule?.point === 'total') {
    rounding = priceRounding(roundingRule, running);
    if (rounding) running = addMoney(running, rounding.subtotal);
  }

  const withoutExplanation: Omit<Quote, 'explanation'> = {
    bookId: book.id,
    bookVersion: book.version,
    bookIsSample: book.sample,
    quotedAt: new Date(at.getTime()),
    currency,
    applicant: { category: req.applicant.category, verified: req.applicant.verified },
    lines,
    subtotal,
    discounts,
    waiver,
    vat,
    rounding,
    total: money(running.amount, currency),
    notes,
  };
  assertBalanced(withoutExplanation);
  return { ...withoutExplanation, explanation: explainQuote(withoutExplanation) };
}

// The pipeline keeps a running amount; recomputing from the lines catches any step that
// changed one without the other.
function assertBalanced(quote: Omit<Quote, 'explanation'>): void {
  const all = [...quote.lines, ...quote.discounts, quote.waiver, quote.vat, quote.rounding].filter((l): l is QuoteLine => l !== null);
  const total = sumMoney(
    all.map((l) => l.subtotal),
    quote.currency,
  );
  if (total.amount !== quote.total.amount) throw new Error(`priceQuote: lines sum to ${total.amount}, total is ${quote.total.amount}`);
  if (quote.total.amount < 0n) throw new Error(`priceQuote: negative total ${quote.total.amount}`);
}
