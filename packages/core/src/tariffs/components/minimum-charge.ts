import { z } from 'zod';
import { positiveRialAmountSchema, ruleIdSchema } from '../amounts.schema';
import { localizedTextSchema } from '../localized-text';
import { type QuoteLine, makeLine } from '../quote';
import { amountIn, type PricingContext } from './context';

/**
 * A floor on the charges: when an order's charges are above zero but below `amount`, a top-up
 * line brings them to `amount`. Applied after all charge lines, before discounts.
 */
export const minimumChargeRuleSchema = z.object({
  kind: z.literal('minimum-charge'),
  id: ruleIdSchema,
  description: localizedTextSchema,
  amount: positiveRialAmountSchema,
});

export type MinimumChargeRule = z.output<typeof minimumChargeRuleSchema>;

export function priceMinimumCharge(rule: MinimumChargeRule, charges: bigint, ctx: PricingContext): QuoteLine[] {
  if (charges <= 0n || charges >= rule.amount) return [];
  return [
    makeLine({ ruleId: rule.id, kind: 'minimum-charge', description: rule.description, quantity: 1n, unit: 'amount', unitPrice: amountIn(ctx, rule.amount - charges) }),
  ];
}
