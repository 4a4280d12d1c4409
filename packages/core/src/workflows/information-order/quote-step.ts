/**
 * Pricing an order: the tariff book in force now, the applicant's category as their profile
 * says and whether staff verified it, and the pricing officer's measurement of the request.
 * The quote is stored with its book id and version and its line-by-line explanation.
 */
import type { EnrichContext } from '../../engine/definition';
import { ValidationError } from '../../errors';
import { tariffApplicantOf } from '../../profiles/category';
import { QuoteError } from '../../tariffs/errors';
import { quoteToJSON } from '../../tariffs/quote-json';
import type { QuoteRequest } from '../../tariffs/request';
import type { InformationOrderContext, OrderQuote } from './context';
import { endOfWorkingDays } from './deadlines';
import type { QuoteItems } from './events';
import type { ResolvedInformationOrderOptions } from './options';
import { informationOrderServices } from './services';

export async function priceOrder(items: QuoteItems, ctx: EnrichContext, settings: ResolvedInformationOrderOptions): Promise<OrderQuote> {
  const { tariffs, profiles } = informationOrderServices(ctx.services);
  const order = ctx.context as InformationOrderContext;
  const profile = await profiles.get(ctx.tenantId, order.applicantId);
  if (!profile) throw new ValidationError('event "issueQuote"', [{ path: 'applicant', message: `the applicant's profile ${order.applicantId} was not found` }]);
  const request = { applicant: tariffApplicantOf(profile), quotedAt: ctx.now, ...items } as QuoteRequest;
  let quote;
  try {
    quote = tariffs.priceQuote(request, settings.tariffId);
  } catch (error) {
    if (!(error instanceof QuoteError)) throw error;
    // The tariff engine names paths inside the request; here they are inside `items`.
    throw new ValidationError(
      'event "issueQuote"',
      error.issues.map((issue) => ({ path: issue.path === 'quotedAt' ? 'quotedAt' : `items.${issue.path}`, message: issue.message })),
    );
  }
  return {
    number: order.previousQuotes.length + (order.quote ? 2 : 1),
    issuedAt: ctx.now,
    issuedBy: ctx.actor.id,
    validUntil: endOfWorkingDays(settings.calendar, ctx.now, settings.quoteValidityDays),
    total: quote.total.amount,
    detail: quoteToJSON(quote),
    requestRevision: order.requestRevision,
  };
}
