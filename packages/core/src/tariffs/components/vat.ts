import { z } from 'zod';
import { type Money, percentageOf } from '../../money/money';
import { ROUNDING_MODES } from '../../money/rounding';
import { basisPointsSchema, ruleIdSchema } from '../amounts.schema';
import { type EffectivePeriod, periodContains, periodsOverlap, tariffDateSchema } from '../effective-date';
import { localizedTextSchema } from '../localized-text';
import { type QuoteLine, makeLine } from '../quote';
import { formatBasisPoints } from './category-discount';

const vatRateSchema = z
  .object({ from: tariffDateSchema, to: tariffDateSchema.optional(), basisPoints: basisPointsSchema })
  .superRefine((rate, ctx) => {
    if (rate.to && rate.to.instant.getTime() <= rate.from.instant.getTime()) {
      ctx.addIssue({ code: 'custom', path: ['to'], message: `must be after from (${rate.from.text})` });
    }
  });

/**
 * VAT as an effective-dated table inside the book: the rate is picked by the quote's instant, so
 * one book can straddle a change (Iran: 9 % until the end of 1402, 10 % from 1403-01-01). VAT is
 * charged on the net after discounts and waiver, rounded as `rounding` says (default nearest).
 */
export const vatRuleSchema = z
  .object({
    kind: z.literal('vat'),
    id: ruleIdSchema,
    description: localizedTextSchema,
    rates: z.array(vatRateSchema).min(1, 'list at least one rate'),
    rounding: z.enum(ROUNDING_MODES).default('nearest'),
  })
  .superRefine((rule, ctx) => {
    rule.rates.forEach((a, i) => {
      rule.rates.forEach((b, j) => {
        if (j > i && periodsOverlap(a, b)) {
          ctx.addIssue({ code: 'custom', path: ['rates', j, 'from'], message: `overlaps rates[${i}] (${a.from.text} – ${a.to?.text ?? 'open'})` });
        }
      });
    });
  });

export type VatRule = z.output<typeof vatRuleSchema>;
export type VatRate = VatRule['rates'][number];

export function vatRateAt(rule: VatRule, at: Date): VatRate | undefined {
  return rule.rates.find((r) => periodContains(r, at));
}

/** Whether the rates cover every instant of `period` (checked when the book is validated). */
export function firstUncoveredInstant(rule: VatRule, period: EffectivePeriod): Date | null {
  const sorted = [...rule.rates].sort((a, b) => a.from.instant.getTime() - b.from.instant.getTime());
  let cursor = period.from.instant.getTime();
  const end = period.to?.instant.getTime() ?? Infinity;
  for (const r of sorted) {
    if (r.from.instant.getTime() > cursor) break;
    cursor = Math.max(cursor, r.to?.instant.getTime() ?? Infinity);
    if (cursor >= end) return null;
  }
  return cursor >= end ? null : new Date(cursor);
}

export function priceVat(rule: VatRule, rate: VatRate, base: Money): QuoteLine {
  const vat = percentageOf(base, rate.basisPoints, rule.rounding);
  return makeLine({
    ruleId: rule.id,
    kind: 'vat',
    description: {
      fa: `${rule.description.fa} (${formatBasisPoints(rate.basisPoints, 'fa')})`,
      en: `${rule.description.en} (${formatBasisPoints(rate.basisPoints, 'en')})`,
    },
    quantity: 1n,
    unit: 'amount',
    unitPrice: vat,
    rate: { basisPoints: rate.basisPoints, base },
  });
}
