import { z } from 'zod';
import { toPersianDigits } from '../../locale/digits';
import { rialAmountSchema, ruleIdSchema } from '../amounts.schema';
import { localizedTextSchema } from '../localized-text';
import { type QuoteLine, makeLine } from '../quote';
import { type PricingContext, amountIn } from './context';

const tierSchema = z.object({
  /** Last record count in this tier (inclusive); `null` on the last tier = no upper bound. */
  upTo: z.number().int('must be a whole number of records').min(1, 'must be at least 1').nullable(),
  unitPrice: rialAmountSchema,
});

/**
 * Tiered per-record charge. `pricing` decides how tiers combine:
 * - `per-tier` (graduated): each record is charged at the price of the tier it falls in, like
 *   income-tax brackets — 1,234 records = 100 × p1 + 400 × p2 + 734 × p3;
 * - `whole-quantity`: every record is charged at the price of the tier the total count falls in —
 *   1,234 records = 1,234 × p3. (Beware the cliff: 101 records can cost less than 100.)
 */
export const perRecordRuleSchema = z
  .object({
    kind: z.literal('per-record'),
    id: ruleIdSchema,
    description: localizedTextSchema,
    pricing: z.enum(['per-tier', 'whole-quantity']),
    tiers: z.array(tierSchema).min(1, 'needs at least one tier'),
  })
  .superRefine((rule, ctx) => {
    let previous = 0;
    rule.tiers.forEach((tier, i) => {
      const last = i === rule.tiers.length - 1;
      if (tier.upTo === null) {
        if (!last) ctx.addIssue({ code: 'custom', path: ['tiers', i, 'upTo'], message: 'only the last tier may be open-ended (null)' });
        return;
      }
      if (tier.upTo <= previous) {
        ctx.addIssue({ code: 'custom', path: ['tiers', i, 'upTo'], message: `must be greater than the previous tier's upTo (${previous})` });
      }
      if (last) ctx.addIssue({ code: 'custom', path: ['tiers', i, 'upTo'], message: 'the last tier must be open-ended (null) so every count has a price' });
      previous = tier.upTo;
    });
  });

export type PerRecordRule = z.output<typeof perRecordRuleSchema>;

function rangeText(from: number, to: number | null): { fa: string; en: string } {
  const en = to === null ? `records from ${from.toLocaleString('en-US')}` : `records ${from.toLocaleString('en-US')}–${to.toLocaleString('en-US')}`;
  const fa = to === null ? `رکوردهای ${toPersianDigits(String(from))} به بعد` : `رکوردهای ${toPersianDigits(String(from))} تا ${toPersianDigits(String(to))}`;
  return { fa, en };
}

export function pricePerRecord(rule: PerRecordRule, ctx: PricingContext): QuoteLine[] {
  const records = ctx.request.records ?? 0;
  if (records <= 0) return [];
  const lines: QuoteLine[] = [];
  let lower = 0; // records already covered by earlier tiers
  for (const tier of rule.tiers) {
    const upper = tier.upTo ?? Infinity;
    if (rule.pricing === 'whole-quantity') {
      if (records <= upper) {
        const range = rangeText(lower + 1, tier.upTo);
        lines.push(
          makeLine({
            ruleId: rule.id,
            kind: 'per-record',
            description: { fa: `${rule.description.fa} (نرخ ${range.fa})`, en: `${rule.description.en} (rate for ${range.en})` },
            quantity: BigInt(records),
            unit: 'record',
            unitPrice: amountIn(ctx, tier.unitPrice),
          }),
        );
        return lines;
      }
    } else {
      const inTier = Math.min(records, upper) - lower;
      if (inTier > 0) {
        const range = rangeText(lower + 1, tier.upTo);
        lines.push(
          makeLine({
            ruleId: rule.id,
            kind: 'per-record',
            description: { fa: `${rule.description.fa} — ${range.fa}`, en: `${rule.description.en} — ${range.en}` },
            quantity: BigInt(inTier),
            unit: 'record',
            unitPrice: amountIn(ctx, tier.unitPrice),
          }),
        );
      }
      if (records <= upper) return lines;
    }
    lower = upper;
  }
  return lines;
}
