import { z } from 'zod';
import { rialAmountSchema, ruleIdSchema } from '../amounts.schema';
import { localizedTextSchema } from '../localized-text';
import { type QuoteLine, makeLine } from '../quote';
import { REQUEST_ITEM_KINDS, requestedItemKinds } from '../request';
import { type PricingContext, amountIn } from './context';

/**
 * A flat fee charged once per order (the 1375 tariff's "entry fee"), when the request asks for
 * any of `triggers` — or for anything at all when `triggers` is omitted.
 */
export const entryFeeRuleSchema = z.object({
  kind: z.literal('entry-fee'),
  id: ruleIdSchema,
  description: localizedTextSchema,
  amount: rialAmountSchema,
  triggers: z.array(z.enum(REQUEST_ITEM_KINDS)).min(1, 'list at least one item kind, or omit triggers').optional(),
});

export type EntryFeeRule = z.output<typeof entryFeeRuleSchema>;

export function priceEntryFee(rule: EntryFeeRule, ctx: PricingContext): QuoteLine[] {
  const requested = requestedItemKinds(ctx.request);
  const triggered = rule.triggers ? requested.some((k) => rule.triggers!.includes(k)) : requested.length > 0;
  if (!triggered) return [];
  return [makeLine({ ruleId: rule.id, kind: 'entry-fee', description: rule.description, quantity: 1n, unit: 'order', unitPrice: amountIn(ctx, rule.amount) })];
}
