/**
 * Placing an order: lines re-priced from the catalogue (a price may have changed since the
 * line went into the cart), postage and VAT from the tariff book in force, the delivery
 * method the lines need, and the customer's particulars sealed (the address only when
 * something is posted). Runs in the `place` event's enrich step, so all of it is server-side.
 */
import type { EnrichContext } from '../../engine/definition';
import { ValidationError, type ValidationIssue } from '../../errors';
import { QuoteError } from '../../tariffs/errors';
import type { CustomerParticulars, DeliveryMethod, OrderLine, OrderPricing, ShippingAddress } from './context';
import { pricedLines } from './catalogue-lines';
import { sealShopOrderParticulars } from './particulars';
import type { ResolvedShopOrderOptions } from './options';
import type { ShopOrderContext } from './context';
import { shopOrderServices } from './services';

/** How an order is delivered, from its lines' formats (none for an empty order). */
export function deliveryOf(lines: readonly OrderLine[]): DeliveryMethod | undefined {
  const digital = lines.some((l) => l.format === 'digital');
  const physical = lines.some((l) => l.format === 'physical');
  return digital && physical ? 'both' : physical ? 'post' : digital ? 'download' : undefined;
}

export async function placeOrder(
  fields: { customer: CustomerParticulars; shipping?: ShippingAddress },
  ctx: EnrichContext,
  settings: ResolvedShopOrderOptions,
): Promise<{ lines: OrderLine[]; pricing: OrderPricing; payBy: Date; particulars: string }> {
  const { catalogue, tariffs } = shopOrderServices(ctx.services);
  const order = ctx.context as ShopOrderContext;
  if (order.lines.length === 0) throw new ValidationError('place', [{ path: 'lines', message: 'the cart is empty', code: 'empty_cart' }]);
  const lines = await pricedLines(catalogue, ctx.tenantId, order.lines, 'place', (i) => `lines.${i}.`);
  const needsPost = lines.some((l) => l.format === 'physical');
  if (needsPost && !fields.shipping) {
    throw new ValidationError('place', [{ path: 'shipping', message: 'physical items need a postal address, postal code and destination', code: 'shipping_required' }]);
  }
  let quote;
  try {
    quote = tariffs.priceQuote(
      {
        applicant: { category: 'individual' },
        quotedAt: ctx.now,
        products: lines.map((l) => ({ productId: l.productId, quantity: l.quantity, listPrice: l.unitPriceRial })),
        ...(needsPost ? { postage: { destination: fields.shipping!.destination, shipments: 1 } } : {}),
      },
      settings.tariffId,
    );
  } catch (error) {
    if (!(error instanceof QuoteError)) throw error;
    throw new ValidationError('place', error.issues.map((issue): ValidationIssue => ({ path: quotePathToField(issue.path), message: issue.message, code: 'pricing' })));
  }
  const sumOf = (kind: string) => quote.lines.filter((l) => l.kind === kind).reduce((sum, l) => sum + l.subtotal.amount, 0n);
  return {
    lines,
    pricing: {
      bookId: quote.bookId,
      bookVersion: quote.bookVersion,
      productsRial: sumOf('product'),
      postageRial: sumOf('postage'),
      vatRial: quote.vat?.subtotal.amount ?? 0n,
      totalRial: quote.total.amount,
      pricedAt: ctx.now,
    },
    payBy: new Date(ctx.now.getTime() + settings.paymentWindowMs),
    particulars: await sealShopOrderParticulars({ customer: fields.customer, ...(needsPost ? { shipping: fields.shipping! } : {}) }, ctx),
  };
}

/** The quote request's paths, in the order's own field names. */
function quotePathToField(path: string): string {
  if (path.startsWith('postage')) return path.replace(/^postage/, 'shipping');
  const product = /^products\[(\d+)\]\.?(.*)$/.exec(path);
  if (product) return `lines.${product[1]}${product[2] ? `.${product[2]}` : ''}`;
  return path;
}
