import { z } from 'zod';
import { rialAmountSchema, ruleIdSchema } from '../amounts.schema';
import { localizedTextSchema } from '../localized-text';
import { type QuoteLine, makeLine } from '../quote';
import { type PricingContext, amountIn } from './context';

const destinationSchema = z.object({
  /** Code the request names, e.g. `tehran`, `other-provinces`. */
  code: z.string().regex(/^[a-z0-9][a-z0-9_-]*$/, 'must be lower-case letters, digits, "_" or "-"'),
  description: localizedTextSchema,
  amount: rialAmountSchema,
});

/** Postage per shipment: one flat amount, or an amount per destination the request must name. */
export const postageRuleSchema = z
  .object({
    kind: z.literal('postage'),
    id: ruleIdSchema,
    description: localizedTextSchema,
    rate: z.discriminatedUnion('basis', [
      z.object({ basis: z.literal('flat'), amount: rialAmountSchema }),
      z.object({ basis: z.literal('by-destination'), destinations: z.array(destinationSchema).min(1, 'list at least one destination') }),
    ]),
  })
  .superRefine((rule, ctx) => {
    if (rule.rate.basis !== 'by-destination') return;
    const seen = new Set<string>();
    rule.rate.destinations.forEach((d, i) => {
      if (seen.has(d.code)) ctx.addIssue({ code: 'custom', path: ['rate', 'destinations', i, 'code'], message: `destination ${d.code} is listed twice` });
      seen.add(d.code);
    });
  });

export type PostageRule = z.output<typeof postageRuleSchema>;

export function pricePostage(rule: PostageRule, ctx: PricingContext): QuoteLine[] {
  const postage = ctx.request.postage;
  if (!postage) return [];
  const base = { ruleId: rule.id, kind: 'postage' as const, quantity: BigInt(postage.shipments), unit: 'shipment' as const };
  if (rule.rate.basis === 'flat') {
    return [makeLine({ ...base, description: rule.description, unitPrice: amountIn(ctx, rule.rate.amount) })];
  }
  const codes = rule.rate.destinations.map((d) => d.code);
  const destination = rule.rate.destinations.find((d) => d.code === postage.destination);
  if (!destination) {
    const message =
      postage.destination === undefined
        ? `this book prices postage by destination; name one of ${codes.join(', ')}`
        : `unknown destination ${postage.destination}; the book knows ${codes.join(', ')}`;
    ctx.issues.push({ path: 'postage.destination', message });
    return [];
  }
  return [
    makeLine({
      ...base,
      description: { fa: `${rule.description.fa} — ${destination.description.fa}`, en: `${rule.description.en} — ${destination.description.en}` },
      unitPrice: amountIn(ctx, destination.amount),
    }),
  ];
}
