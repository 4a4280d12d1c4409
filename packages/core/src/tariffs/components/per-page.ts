import { z } from 'zod';
import { rialAmountSchema, ruleIdSchema } from '../amounts.schema';
import { localizedTextSchema } from '../localized-text';
import { type QuoteLine, makeLine } from '../quote';
import { type PricingContext, amountIn } from './context';

/** Publications charged by the printed page (1375: 100 Rial per page); one line per publication. */
export const perPageRuleSchema = z.object({
  kind: z.literal('per-page'),
  id: ruleIdSchema,
  description: localizedTextSchema,
  unitPrice: rialAmountSchema,
});

export type PerPageRule = z.output<typeof perPageRuleSchema>;

export function pricePerPage(rule: PerPageRule, ctx: PricingContext): QuoteLine[] {
  return (ctx.request.publications ?? []).map((p) => {
    const title = p.title ? ` — ${p.title}` : '';
    return makeLine({
      ruleId: rule.id,
      kind: 'per-page',
      description: { fa: `${rule.description.fa}${title}`, en: `${rule.description.en}${title}` },
      quantity: BigInt(p.pages) * BigInt(p.copies),
      unit: 'page',
      unitPrice: amountIn(ctx, rule.unitPrice),
    });
  });
}
