import { z } from 'zod';
import { toPersianDigits } from '../../locale/digits';
import { rialAmountSchema, ruleIdSchema } from '../amounts.schema';
import { localizedTextSchema } from '../localized-text';
import { type QuoteLine, makeLine } from '../quote';
import { type PricingContext, amountIn } from './context';

/**
 * Expert (bespoke analysis) time, charged per hour. Requests in days are converted with
 * `hoursPerDay`, so a day costs `hoursPerDay × hourlyRate`. The first `freeHours` of each
 * request are free (the ONS "first hour free" band).
 */
export const expertTimeRuleSchema = z.object({
  kind: z.literal('expert-time'),
  id: ruleIdSchema,
  description: localizedTextSchema,
  hourlyRate: rialAmountSchema,
  hoursPerDay: z.number().int().min(1).max(24).default(8),
  freeHours: z.number().int().min(0).default(0),
});

export type ExpertTimeRule = z.output<typeof expertTimeRuleSchema>;

export function priceExpertTime(rule: ExpertTimeRule, ctx: PricingContext): QuoteLine[] {
  const requested = ctx.request.expertTime;
  if (!requested || requested.quantity <= 0) return [];
  const hours = requested.unit === 'day' ? requested.quantity * rule.hoursPerDay : requested.quantity;
  const free = Math.min(hours, rule.freeHours);
  const billable = hours - free;
  const asked =
    requested.unit === 'day'
      ? { fa: `${toPersianDigits(String(requested.quantity))} روز (${toPersianDigits(String(hours))} ساعت)`, en: `${requested.quantity} day(s) = ${hours} h` }
      : { fa: `${toPersianDigits(String(hours))} ساعت`, en: `${hours} h` };
  const freeNote = free > 0 ? { fa: `، ${toPersianDigits(String(free))} ساعت نخست رایگان`, en: `, first ${free} h free` } : { fa: '', en: '' };
  return [
    makeLine({
      ruleId: rule.id,
      kind: 'expert-time',
      description: { fa: `${rule.description.fa} (${asked.fa}${freeNote.fa})`, en: `${rule.description.en} (${asked.en}${freeNote.en})` },
      quantity: BigInt(billable),
      unit: 'hour',
      unitPrice: amountIn(ctx, rule.hourlyRate),
    }),
  ];
}
