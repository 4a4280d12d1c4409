import { z } from 'zod';
import { type Money, money, roundMoney } from '../../money/money';
import { ROUNDING_MODES } from '../../money/rounding';
import { positiveRialAmountSchema, ruleIdSchema } from '../amounts.schema';
import { localizedTextSchema } from '../localized-text';
import { type QuoteLine, makeLine } from '../quote';

/**
 * Rounds the payable amount to a multiple of `increment` (e.g. the nearest 1,000 Rial) at a
 * stated point: `total` rounds the final amount after VAT (the usual choice: what the applicant
 * pays is round); `before-vat` rounds the net and then adds VAT on the rounded net. The
 * difference is an explicit adjustment line, never hidden in another line.
 */
export const roundingRuleSchema = z.object({
  kind: z.literal('rounding'),
  id: ruleIdSchema,
  description: localizedTextSchema,
  increment: positiveRialAmountSchema,
  mode: z.enum(ROUNDING_MODES),
  point: z.enum(['before-vat', 'total']).default('total'),
});

export type RoundingRule = z.output<typeof roundingRuleSchema>;

/** The adjustment line taking `amount` to its rounded value, or null when it is already round. */
export function priceRounding(rule: RoundingRule, amount: Money): QuoteLine | null {
  const rounded = roundMoney(amount, rule.increment, rule.mode);
  const adjustment = rounded.amount - amount.amount;
  if (adjustment === 0n) return null;
  return makeLine({
    ruleId: rule.id,
    kind: 'rounding',
    description: rule.description,
    quantity: 1n,
    unit: 'amount',
    unitPrice: money(adjustment, amount.currency),
    rounding: { increment: money(rule.increment, amount.currency), mode: rule.mode, point: rule.point },
  });
}
