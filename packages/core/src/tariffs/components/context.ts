import type { Currency } from '../../money/currency';
import { type Money, money } from '../../money/money';
import type { TariffIssue } from '../errors';
import type { ParsedQuoteRequest } from '../request';

/** What a charge rule sees while pricing: the validated request and a place to report problems. */
export interface PricingContext {
  readonly request: ParsedQuoteRequest;
  readonly currency: Currency;
  /** Problems with the request against this book (path is in the request). */
  readonly issues: TariffIssue[];
}

export function amountIn(ctx: PricingContext, amount: bigint): Money {
  return money(amount, ctx.currency);
}
