import { NotFoundError } from '@statdesk/core';
import { spendToken } from '../public-rate-limit';
import type { RequestScope } from '../request-scope';

/**
 * `GET /payments/callback/:gateway?Authority=…&Status=…`: the browser coming back from the card
 * gateway. The portal's `paymentCallback` settles the payment (the amount always from storage)
 * and says where the browser goes next; this route answers that redirect (303).
 */
export async function paymentCallback(scope: RequestScope): Promise<Response> {
  const settle = scope.runtime.options.paymentCallback;
  if (!settle) throw new NotFoundError('route', 'GET /payments/callback/:gateway');
  // Public like the lookups: a client guessing authorities is limited before anything is looked up.
  await spendToken(scope.runtime.limiter, scope.clientKey());
  const context = await scope.routeContext();
  const { redirectTo } = await settle({ gateway: scope.param('gateway'), query: scope.url.searchParams }, context);
  const location = safeRedirect(redirectTo, scope.url, scope.runtime.options.redirectOrigins ?? []);
  return new Response(null, { status: 303, headers: { location, 'cache-control': 'no-store' } });
}

/**
 * A same-site path, or an absolute URL on an allowed origin. Anything else (another site,
 * `//evil.example`, `javascript:`) is a configuration error, not a redirect.
 */
function safeRedirect(target: string, requestUrl: URL, allowedOrigins: readonly string[]): string {
  if (target.startsWith('/') && !target.startsWith('//') && !target.startsWith('/\\')) return target;
  let url: URL;
  try {
    url = new URL(target);
  } catch {
    throw new Error('paymentCallback returned a redirectTo that is not a URL');
  }
  if (url.origin === requestUrl.origin || allowedOrigins.includes(url.origin)) return url.toString();
  throw new Error('paymentCallback returned a redirectTo on an origin not listed in redirectOrigins');
}
