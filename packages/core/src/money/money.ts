import { type Currency, IRR, isCurrency } from './currency';
import { CurrencyMismatchError, InvalidAmountError } from './errors';
import { type RoundingMode, divideRounded, roundToIncrement } from './rounding';

/**
 * An amount of money: a whole number of the currency's smallest unit (for IRR, one Rial) as a
 * bigint, never a float, with its currency beside it.
 */
export interface Money {
  /** The amount in the currency's smallest unit (whole Rial for IRR). */
  readonly amount: bigint;
  /** The currency. */
  readonly currency: Currency;
}

/** What the constructors accept: a bigint, a safe integer number, or a string of ASCII digits. */
export type AmountInput = bigint | number | string;

const INTEGER_TEXT = /^-?\d+$/;

/** Parse an amount strictly: fractions, exponents, separators and unsafe numbers are errors. */
export function toAmount(input: AmountInput): bigint {
  if (typeof input === 'bigint') return input;
  if (typeof input === 'number') {
    if (!Number.isSafeInteger(input)) {
      throw new InvalidAmountError(`Amount ${String(input)} is not a safe whole number; pass a bigint or a string`, input);
    }
    return BigInt(input);
  }
  if (typeof input === 'string' && INTEGER_TEXT.test(input)) return BigInt(input);
  throw new InvalidAmountError(`Amount ${JSON.stringify(input)} is not a whole number`, input);
}

/**
 * Money of `amount` in `currency`: a whole, safe amount (bigint, safe integer or digit string), frozen.
 * Throws `InvalidAmountError` otherwise.
 */
export function money(amount: AmountInput, currency: Currency): Money {
  if (!isCurrency(currency)) throw new InvalidAmountError(`Unknown currency ${String(currency)}`, currency);
  return Object.freeze({ amount: toAmount(amount), currency });
}

/** An amount in (current) Iranian Rial. */
export function rial(amount: AmountInput): Money {
  return money(amount, IRR);
}

/** An amount given in Toman (10 Rial each), stored as Rial. */
export function toman(amount: AmountInput): Money {
  return money(toAmount(amount) * 10n, IRR);
}

/** Zero in the currency (default IRR). */
export function zeroMoney(currency: Currency = IRR): Money {
  return money(0n, currency);
}

function sameCurrency(a: Money, b: Money): Currency {
  if (a.currency !== b.currency) throw new CurrencyMismatchError(a.currency, b.currency);
  return a.currency;
}

/** `a + b`; throws `CurrencyMismatchError` for different currencies. */
export function addMoney(a: Money, b: Money): Money {
  return money(a.amount + b.amount, sameCurrency(a, b));
}

/** `a − b`; throws `CurrencyMismatchError` for different currencies. */
export function subtractMoney(a: Money, b: Money): Money {
  return money(a.amount - b.amount, sameCurrency(a, b));
}

/** `−a`. */
export function negateMoney(a: Money): Money {
  return money(-a.amount, a.currency);
}

/** `a` times a whole quantity (records, pages, copies). */
export function multiplyMoney(a: Money, quantity: bigint | number): Money {
  return money(a.amount * toAmount(quantity), a.currency);
}

/** Sum of amounts; an empty list sums to zero in `currency`. All must share one currency. */
export function sumMoney(amounts: Iterable<Money>, currency: Currency = IRR): Money {
  let total = zeroMoney(currency);
  for (const m of amounts) total = addMoney(total, m);
  return total;
}

/** −1, 0 or 1, as for sorting. */
export function compareMoney(a: Money, b: Money): -1 | 0 | 1 {
  sameCurrency(a, b);
  return a.amount < b.amount ? -1 : a.amount > b.amount ? 1 : 0;
}

/** True when both have the same currency and amount. */
export function moneyEquals(a: Money, b: Money): boolean {
  return a.currency === b.currency && a.amount === b.amount;
}

/** True when the amount is zero. */
export function isZeroMoney(a: Money): boolean {
  return a.amount === 0n;
}

/** True when the amount is below zero. */
export function isNegativeMoney(a: Money): boolean {
  return a.amount < 0n;
}

/** The larger of two amounts of one currency. */
export function maxMoney(a: Money, b: Money): Money {
  return compareMoney(a, b) >= 0 ? a : b;
}

/** The smaller of two amounts of one currency. */
export function minMoney(a: Money, b: Money): Money {
  return compareMoney(a, b) <= 0 ? a : b;
}

/**
 * `a × numerator / denominator`, rounded as `mode` says: the one way to take a share of an
 * amount. Percentages are rationals (basis points are n/10,000), never floats.
 */
export function scaleMoney(a: Money, numerator: bigint, denominator: bigint, mode: RoundingMode): Money {
  return money(divideRounded(a.amount * numerator, denominator, mode), a.currency);
}

/** `a × basisPoints / 10,000` (100 basis points = 1 %), rounded as `mode` says. */
export function percentageOf(a: Money, basisPoints: bigint | number, mode: RoundingMode): Money {
  return scaleMoney(a, toAmount(basisPoints), 10_000n, mode);
}

/** `a` rounded to a multiple of `increment` (for example 1,000 Rial). */
export function roundMoney(a: Money, increment: bigint, mode: RoundingMode): Money {
  return money(roundToIncrement(a.amount, increment, mode), a.currency);
}
