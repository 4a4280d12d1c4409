import { z } from 'zod';
import { rialAmountSchema, ruleIdSchema } from '../amounts.schema';
import { localizedTextSchema } from '../localized-text';
import { type QuoteLine, makeLine } from '../quote';
import { MEDIA, type Medium } from '../request';
import { type PricingContext, amountIn } from './context';

/**
 * A physical medium (CD, DVD): an entry charge per copy plus a charge per record written on it
 * (the 1375 tariff: "CD copy: entry 200 + 200 per record").
 */
export const mediaRuleSchema = z.object({
  kind: z.literal('media'),
  id: ruleIdSchema,
  description: localizedTextSchema,
  medium: z.enum(MEDIA),
  perCopy: rialAmountSchema,
  perRecord: rialAmountSchema.default(0n),
});

export type MediaRule = z.output<typeof mediaRuleSchema>;

const MEDIUM_NAMES: Record<Medium, { fa: string; en: string }> = { cd: { fa: 'لوح فشرده', en: 'CD' }, dvd: { fa: 'دی‌وی‌دی', en: 'DVD' } };

/** Prices every requested copy of this rule's medium. Requests for media no rule covers are reported by `priceQuote`. */
export function priceMedia(rule: MediaRule, ctx: PricingContext): QuoteLine[] {
  const lines: QuoteLine[] = [];
  for (const item of ctx.request.media ?? []) {
    if (item.medium !== rule.medium) continue;
    lines.push(
      makeLine({
        ruleId: rule.id,
        kind: 'media',
        description: { fa: `${rule.description.fa} — ورودی هر نسخه`, en: `${rule.description.en} — entry per copy` },
        quantity: BigInt(item.copies),
        unit: 'copy',
        unitPrice: amountIn(ctx, rule.perCopy),
      }),
    );
    if (item.records > 0 && rule.perRecord > 0n) {
      lines.push(
        makeLine({
          ruleId: rule.id,
          kind: 'media',
          description: { fa: `${rule.description.fa} — هر رکورد روی ${MEDIUM_NAMES[rule.medium].fa}`, en: `${rule.description.en} — per record on ${MEDIUM_NAMES[rule.medium].en}` },
          quantity: BigInt(item.copies) * BigInt(item.records),
          unit: 'record',
          unitPrice: amountIn(ctx, rule.perRecord),
        }),
      );
    }
  }
  return lines;
}
