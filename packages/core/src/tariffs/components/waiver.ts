import { z } from 'zod';
import { positiveRialAmountSchema, ruleIdSchema } from '../amounts.schema';
import { localizedTextSchema } from '../localized-text';
import { type QuoteLine, makeLine } from '../quote';
import { type PricingContext, amountIn } from './context';

/**
 * De-minimis waiver: when the net amount after discounts (before VAT) is above zero but below
 * `threshold`, it is waived entirely — collecting it would cost more than it brings (Statistics
 * Canada waives fees under $25). A net exactly at the threshold is charged.
 */
export const waiverRuleSchema = z.object({
  kind: z.literal('waiver'),
  id: ruleIdSchema,
  description: localizedTextSchema,
  threshold: positiveRialAmountSchema,
});

export type WaiverRule = z.output<typeof waiverRuleSchema>;

export function priceWaiver(rule: WaiverRule, net: bigint, ctx: PricingContext): QuoteLine | null {
  if (net <= 0n || net >= rule.threshold) return null;
  return makeLine({ ruleId: rule.id, kind: 'waiver', description: rule.description, quantity: 1n, unit: 'amount', unitPrice: amountIn(ctx, -net) });
}
