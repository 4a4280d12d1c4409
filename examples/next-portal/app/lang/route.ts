/**
 * `GET /lang?to=en|fa`: the language switch. Sets the language cookie and goes back to the page
 * the person came from (only a path on this site: no open redirect).
 */
import { cookies } from 'next/headers';
import { LANGUAGE_COOKIE } from '@statdesk/example-express-portal/session';

export async function GET(request: Request): Promise<Response> {
  const url = new URL(request.url);
  const to = url.searchParams.get('to') === 'en' ? 'en' : 'fa';
  (await cookies()).set(LANGUAGE_COOKIE, to, { sameSite: 'lax', path: '/', httpOnly: true });
  const referer = request.headers.get('referer');
  let back = '/';
  if (referer) {
    const from = new URL(referer);
    if (from.host === url.host) back = `${from.pathname}${from.search}`;
  }
  return new Response(null, { status: 303, headers: { location: back } });
}
