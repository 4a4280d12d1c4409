/**
 * The one JSON encoding of the HTTP API. Workflow values hold `bigint` (money in Rial) and
 * `Date`, which JSON has no types for:
 * - a `bigint` becomes its decimal string (`1200000n` → `"1200000"`), because JSON numbers lose
 *   precision past 2^53 and Rial amounts get large;
 * - a `Date` becomes its ISO 8601 UTC string (`"2025-03-22T05:30:00.000Z"`); show it in
 *   Asia/Tehran on the page, not here;
 * - `undefined` properties are left out.
 * Request bodies carry money the same way: the workflows' schemas accept decimal strings.
 */
export function toJson(value: unknown): string {
  // `Date#toJSON` runs before the replacer, so Dates arrive here as ISO strings already.
  return JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));
}

/** The `Content-Type` of every JSON answer. */
export const JSON_CONTENT_TYPE = 'application/json; charset=utf-8';

const utf8 = new TextEncoder();

/**
 * A JSON response with the API's encoding and headers that keep it out of shared caches. It
 * declares its `Content-Length`, so integrations can write it in one piece rather than stream it.
 */
export function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  const bytes = utf8.encode(toJson(body));
  const out = new Headers(headers);
  out.set('content-type', JSON_CONTENT_TYPE);
  out.set('content-length', String(bytes.byteLength));
  if (!out.has('cache-control')) out.set('cache-control', 'no-store');
  out.set('x-content-type-options', 'nosniff');
  return new Response(bytes, { status, headers: out });
}
