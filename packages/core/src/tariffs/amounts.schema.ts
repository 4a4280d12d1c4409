import { z } from 'zod';
import { toLatinDigits } from '../locale/digits';

/**
 * Amounts in a tariff book are whole Rial written as JSON integers or digit strings (strings are
 * needed above 2^53, and are what `tariffBookToJSON` writes). Fractions, negatives, exponents
 * and separators are rejected rather than guessed at.
 */
export const rialAmountSchema = z
  .union([z.string(), z.number(), z.bigint()], { error: 'must be a whole number of Rial (integer or digit string)' })
  .transform((value, ctx): bigint => {
    if (typeof value === 'bigint') {
      if (value < 0n) {
        ctx.addIssue({ code: 'custom', message: 'must not be negative' });
        return z.NEVER;
      }
      return value;
    }
    if (typeof value === 'number') {
      if (!Number.isInteger(value)) {
        ctx.addIssue({ code: 'custom', message: `must be a whole number of Rial, got ${value}` });
        return z.NEVER;
      }
      if (!Number.isSafeInteger(value)) {
        ctx.addIssue({ code: 'custom', message: 'is too large for a JSON number; write it as a string' });
        return z.NEVER;
      }
      if (value < 0) {
        ctx.addIssue({ code: 'custom', message: 'must not be negative' });
        return z.NEVER;
      }
      return BigInt(value);
    }
    const text = toLatinDigits(value.trim());
    if (!/^\d+$/.test(text)) {
      ctx.addIssue({ code: 'custom', message: `must be a whole, non-negative number of Rial, got ${JSON.stringify(value)}` });
      return z.NEVER;
    }
    return BigInt(text);
  });

/** A strictly positive amount (increments, thresholds). */
export const positiveRialAmountSchema = rialAmountSchema.refine((v) => v > 0n, 'must be greater than zero');

/** A rate in basis points: 100 = 1 %, 10,000 = 100 %. Integers only, so no float ever enters pricing. */
export const basisPointsSchema = z
  .number({ error: 'must be a whole number of basis points' })
  .int('must be a whole number of basis points (100 = 1 %)')
  .min(0, 'must not be negative')
  .max(10_000, 'must be at most 10,000 (100 %)');

/** Identifier of a rule inside a book: stable, quoted on every line. */
export const ruleIdSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9._-]*$/, 'must be lower-case letters, digits, ".", "_" or "-"');
