import { z } from 'zod';
import { rialAmountSchema, ruleIdSchema } from '../amounts.schema';
import { localizedTextSchema } from '../localized-text';
import { type QuoteLine, makeLine } from '../quote';
import { type PricingContext, amountIn } from './context';

/**
 * List prices of shop products (files, CDs, books). The shop's own catalogue may pass a price
 * with the request instead; the book's list is the fallback, and a product priced by neither is
 * an error rather than free.
 */
export const productsRuleSchema = z
  .object({
    kind: z.literal('products'),
    id: ruleIdSchema,
    description: localizedTextSchema,
    products: z.array(z.object({ productId: z.string().min(1), description: localizedTextSchema, listPrice: rialAmountSchema })),
  })
  .superRefine((rule, ctx) => {
    const seen = new Set<string>();
    rule.products.forEach((p, i) => {
      if (seen.has(p.productId)) ctx.addIssue({ code: 'custom', path: ['products', i, 'productId'], message: `product ${p.productId} is listed twice` });
      seen.add(p.productId);
    });
  });

export type ProductsRule = z.output<typeof productsRuleSchema>;

export function priceProducts(rule: ProductsRule, ctx: PricingContext): QuoteLine[] {
  const lines: QuoteLine[] = [];
  (ctx.request.products ?? []).forEach((item, i) => {
    const listed = rule.products.find((p) => p.productId === item.productId);
    const price = item.listPrice ?? listed?.listPrice;
    if (price === undefined) {
      ctx.issues.push({ path: `products[${i}].productId`, message: `product ${item.productId} has no list price in the book and none was given` });
      return;
    }
    const name = listed?.description ?? { fa: item.productId, en: item.productId };
    lines.push(
      makeLine({
        ruleId: rule.id,
        kind: 'product',
        description: { fa: `${rule.description.fa} — ${name.fa}`, en: `${rule.description.en} — ${name.en}` },
        quantity: BigInt(item.quantity),
        unit: 'item',
        unitPrice: amountIn(ctx, price),
      }),
    );
  });
  return lines;
}
