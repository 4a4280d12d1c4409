/**
 * `POST /demo-bank/<authority>/decide`: the card holder's choice at the demo bank. A plain form
 * post and a 303 to the portal's payment callback on the origin the customer came from, as a
 * real gateway sends the browser back —
 * a full page load, never a client-side navigation that could call the callback twice.
 */
import { isStatdeskError } from '@statdesk/core';
import { callbackOnSameOrigin, paymentByAuthority } from '@statdesk/example-express-portal/shop-orders';
import { getPortal } from '../../../../lib/portal';

export async function POST(request: Request, { params }: { params: Promise<{ authority: string }> }): Promise<Response> {
  // Another site's page may not press the buttons: the browser says where the form came from.
  if (request.headers.get('origin') !== new URL(request.url).origin && request.headers.get('sec-fetch-site') !== 'same-origin') {
    return new Response('cross-site form post refused', { status: 403 });
  }
  const { authority } = await params;
  const portal = await getPortal();
  try {
    await paymentByAuthority(portal, authority);
  } catch (error) {
    if (isStatdeskError(error, 'NOT_FOUND')) return new Response('no such payment', { status: 404 });
    throw error;
  }
  const outcome = (await request.formData()).get('outcome');
  const callback = outcome === 'cancel' ? portal.bank.cancel(authority) : portal.bank.pay(authority);
  return new Response(null, { status: 303, headers: { location: callbackOnSameOrigin(callback), 'cache-control': 'no-store' } });
}
