import { z } from 'zod';
import { negateMoney, percentageOf, sumMoney } from '../../money/money';
import { toPersianDigits } from '../../locale/digits';
import { basisPointsSchema, ruleIdSchema } from '../amounts.schema';
import { localizedTextSchema, type LocalizedText } from '../localized-text';
import { CHARGE_LINE_KINDS, type QuoteLine, makeLine } from '../quote';
import type { PricingContext } from './context';

/**
 * A percentage off for an applicant category (student, organisation). It applies only when the
 * category is verified (staff checked the student card); an unverified claim is priced as an
 * individual and the quote notes why. The discount is taken of the charge lines whose kind is in
 * `appliesTo` (all charges when omitted) and rounded down, so it never exceeds the stated rate.
 */
export const categoryDiscountRuleSchema = z.object({
  kind: z.literal('category-discount'),
  id: ruleIdSchema,
  description: localizedTextSchema,
  category: z.enum(['student', 'organisation']),
  basisPoints: basisPointsSchema.refine((v) => v > 0, 'must be greater than zero'),
  appliesTo: z.array(z.enum(CHARGE_LINE_KINDS)).min(1, 'list at least one charge kind, or omit appliesTo').optional(),
});

export type CategoryDiscountRule = z.output<typeof categoryDiscountRuleSchema>;

/** `2,000 bp` → `20%`, `1,250 bp` → `12.5%` (exact: basis points have two decimals at most). */
export function formatBasisPoints(basisPoints: number, language: 'fa' | 'en'): string {
  const whole = Math.trunc(basisPoints / 100);
  const cents = basisPoints % 100;
  let text = String(whole);
  if (cents !== 0) text += (language === 'fa' ? '\u066b' : '.') + String(cents).padStart(2, '0').replace(/0$/, '');
  return language === 'fa' ? `${toPersianDigits(text)}٪` : `${text}%`;
}

export interface DiscountOutcome {
  lines: QuoteLine[];
  notes: LocalizedText[];
}

export function priceCategoryDiscount(rule: CategoryDiscountRule, charges: readonly QuoteLine[], ctx: PricingContext): DiscountOutcome {
  const applicant = ctx.request.applicant;
  if (applicant.category !== rule.category) return { lines: [], notes: [] };
  if (!applicant.verified) {
    return {
      lines: [],
      notes: [
        {
          fa: `${rule.description.fa} اعمال نشد: دسته متقاضی هنوز تأیید نشده است.`,
          en: `${rule.description.en} not applied: the applicant's category has not been verified.`,
        },
      ],
    };
  }
  const kinds: readonly string[] = rule.appliesTo ?? CHARGE_LINE_KINDS;
  const base = sumMoney(
    charges.filter((l) => kinds.includes(l.kind)).map((l) => l.subtotal),
    ctx.currency,
  );
  const discount = percentageOf(base, rule.basisPoints, 'down');
  if (discount.amount === 0n) return { lines: [], notes: [] };
  return {
    lines: [
      makeLine({
        ruleId: rule.id,
        kind: 'category-discount',
        description: {
          fa: `${rule.description.fa} (${formatBasisPoints(rule.basisPoints, 'fa')})`,
          en: `${rule.description.en} (${formatBasisPoints(rule.basisPoints, 'en')})`,
        },
        quantity: 1n,
        unit: 'amount',
        unitPrice: negateMoney(discount),
        rate: { basisPoints: rule.basisPoints, base },
      }),
    ],
    notes: [],
  };
}
