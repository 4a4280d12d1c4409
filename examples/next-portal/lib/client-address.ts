/**
 * The client's address for rate limits. `next start` fills `x-forwarded-for` from the socket
 * when the request has none; behind a proxy, the last entry is the one the proxy saw. (A client
 * talking to `next start` directly could send its own header: run the portal behind a proxy.)
 */
export function clientAddress(headers: Headers): string {
  return headers.get('x-forwarded-for')?.split(',').at(-1)?.trim() || 'unknown';
}
