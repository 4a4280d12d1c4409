import { z } from 'zod';
import { CURRENCIES } from './currency';
import { type Money, money } from './money';

/** Money in JSON: the amount as a decimal string, because JSON numbers lose bigint precision. */
export interface MoneyJSON {
  /** The amount in the smallest unit (whole Rial), as decimal digits, optionally negative. */
  amount: string;
  /** The currency code. */
  currency: Money['currency'];
}

/** Schema of {@link MoneyJSON}: a whole amount written as a string and a known currency. */
export const moneyJSONSchema = z.object({
  amount: z.string().regex(/^-?\d+$/, 'must be a whole number written as a string'),
  currency: z.enum(CURRENCIES),
});

/** Money as JSON, without losing bigint precision. */
export function moneyToJSON(m: Money): MoneyJSON {
  return { amount: m.amount.toString(), currency: m.currency };
}

/** Inverse of `moneyToJSON`; throws a ZodError for anything else. */
export function moneyFromJSON(json: unknown): Money {
  const parsed = moneyJSONSchema.parse(json);
  return money(BigInt(parsed.amount), parsed.currency);
}
