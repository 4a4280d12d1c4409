/**
 * The shop's steps that do not depend on the web framework: buying one product (order created,
 * particulars checked, placed), finding a payment by the bank's authority, and where to send the
 * browser to pay. The Express and Next.js portals both use them.
 */
import { randomBytes } from 'node:crypto';
import { NotFoundError, shopOrderEventSchemas, ValidationError, type Actor, type Catalogue, type Desk, type PaymentContext, type ShopOrderView } from '@statdesk/core';

/** Where a physical product may be posted to (the shipping tariff's destinations). */
export const DESTINATIONS = ['tehran', 'other-provinces'] as const;
const READER = { id: 'portal-shop', roles: ['system'] };

interface ShopContext {
  desk: Desk;
  tenantId: string;
  catalogue: Catalogue;
}

/**
 * Creates and places an order for one product from the buy form's fields (`productId`,
 * `quantity`, `fullName`, `mobile`, `email`, and for physical products `address`, `postalCode`,
 * `destination`). Returns the order number.
 */
export async function placeShopOrder(context: ShopContext, actor: Actor, field: (name: string) => string | undefined): Promise<string> {
  const { desk, tenantId, catalogue } = context;
  const product = await catalogue.get(tenantId, field('productId') ?? '');
  if (!product || product.status !== 'active') throw new ValidationError('shop order', [{ path: 'productId', message: 'is not a product on sale' }]);
  const quantity = Number(field('quantity') ?? '1');
  const place = {
    customer: { fullName: field('fullName') ?? '', mobile: field('mobile') ?? '', ...(field('email') ? { email: field('email') } : {}) },
    ...(product.format === 'physical' ? { shipping: { address: field('address') ?? '', postalCode: field('postalCode') ?? '', destination: field('destination') ?? '' } } : {}),
  };
  // Checked before the order is created, so a bad form leaves no half-made order behind.
  const checked = shopOrderEventSchemas.place.safeParse(place);
  if (!checked.success) throw new ValidationError('shop order', checked.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })));
  const orderNumber = `SO-${randomBytes(5).toString('hex').toUpperCase()}`;
  await desk.create({ tenantId, workflow: 'shop-order', actor, instanceId: orderNumber, input: { lines: [{ productId: product.id, quantity }] } });
  await desk.send({ tenantId, instanceId: orderNumber, actor, event: { type: 'place', ...place } });
  return orderNumber;
}

export async function paymentByAuthority(context: { desk: Desk; tenantId: string }, authority: string): Promise<PaymentContext> {
  const [ref] = await context.desk.findByKey(context.tenantId, 'payment.authority', authority);
  if (!ref) throw new NotFoundError('payment', authority);
  return ((await context.desk.get(ref, READER)).data as { context: PaymentContext }).context;
}

/**
 * Where to send the browser to pay. The in-process bank's own page has no buttons, so the demo
 * shows its stand-in at `/demo-bank/<authority>` instead of the gateway's StartPay page.
 * Opening the payment at the gateway happens after the commit, so this waits up to `waitMs`.
 */
export async function paymentRedirect(context: { desk: Desk; tenantId: string }, orderId: string, waitMs: number): Promise<string | undefined> {
  const deadline = Date.now() + waitMs;
  for (;;) {
    const { order } = (await context.desk.get({ tenantId: context.tenantId, instanceId: orderId }, READER)).data as ShopOrderView;
    if (order.currentPaymentId) {
      const payment = await context.desk.get({ tenantId: context.tenantId, instanceId: order.currentPaymentId }, READER).catch(() => undefined);
      const authority = (payment?.data as { context?: PaymentContext } | undefined)?.context?.authority;
      if (authority && payment?.state === 'redirected') return `/demo-bank/${encodeURIComponent(authority)}`;
    }
    if (Date.now() >= deadline) return undefined;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * The bank's return address on the origin the customer came from: the portal's callback path
 * and query, without the configured host. A customer who opened the portal at
 * http://127.0.0.1:3000 comes back there (same cookies, and the page's CSP `form-action 'self'`
 * allows the redirect), not to the `localhost` the callback was registered with.
 */
export function callbackOnSameOrigin(callbackUrl: string): string {
  const url = new URL(callbackUrl, 'http://portal.invalid');
  return `${url.pathname}${url.search}`;
}
