import { z } from 'zod';
import { rialAmountSchema, ruleIdSchema } from '../amounts.schema';
import { GEOGRAPHIC_LEVELS, GEOGRAPHIC_LEVEL_NAMES, type GeographicLevel, geographicLevelNumber, geographicLevelSchema } from '../geographic-level';
import { localizedTextSchema } from '../localized-text';
import { type QuoteLine, makeLine } from '../quote';
import { type PricingContext, amountIn } from './context';

/** A price per table for each geographic level the office publishes at (levels the book omits cannot be ordered). */
export const perTableRuleSchema = z
  .object({
    kind: z.literal('per-table'),
    id: ruleIdSchema,
    description: localizedTextSchema,
    prices: z.array(z.object({ level: geographicLevelSchema, unitPrice: rialAmountSchema })).min(1, 'price at least one geographic level'),
  })
  .superRefine((rule, ctx) => {
    const seen = new Map<GeographicLevel, number>();
    rule.prices.forEach((p, i) => {
      const first = seen.get(p.level);
      if (first !== undefined) ctx.addIssue({ code: 'custom', path: ['prices', i, 'level'], message: `level ${p.level} is already priced at prices[${first}]` });
      else seen.set(p.level, i);
    });
  });

export type PerTableRule = z.output<typeof perTableRuleSchema>;

export function pricePerTable(rule: PerTableRule, ctx: PricingContext): QuoteLine[] {
  const tables = ctx.request.tables ?? [];
  // One line per level, coarsest first, whatever order the request listed them in.
  const counts = new Map<GeographicLevel, number>();
  tables.forEach((t, i) => {
    if (!rule.prices.some((p) => p.level === t.level)) {
      ctx.issues.push({ path: `tables[${i}].level`, message: `the tariff book has no price for tables at level ${t.level}` });
      return;
    }
    counts.set(t.level, (counts.get(t.level) ?? 0) + t.count);
  });
  const lines: QuoteLine[] = [];
  for (const level of GEOGRAPHIC_LEVELS) {
    const count = counts.get(level);
    const price = rule.prices.find((p) => p.level === level);
    if (count === undefined || price === undefined) continue;
    const name = GEOGRAPHIC_LEVEL_NAMES[level];
    const n = geographicLevelNumber(level);
    lines.push(
      makeLine({
        ruleId: rule.id,
        kind: 'per-table',
        description: { fa: `${rule.description.fa} — سطح ${name.fa}`, en: `${rule.description.en} — ${name.en} level (${n})` },
        quantity: BigInt(count),
        unit: 'table',
        unitPrice: amountIn(ctx, price.unitPrice),
      }),
    );
  }
  return lines;
}
