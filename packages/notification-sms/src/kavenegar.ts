import { parseJson, type ProviderRequest, type SmsProvider } from './provider';

/** Options of the Kavenegar provider (its `verify/lookup` template API). */
export interface KavenegarOptions {
  /**
   * The account's API key from the Kavenegar panel; it is part of the request path, so keep it out of logs.
   */
  apiKey: string;
  /** Default `https://api.kavenegar.com`. */
  baseUrl?: string;
  /** Kavenegar accepts both; POST keeps tokens out of access logs. Default POST. */
  method?: 'GET' | 'POST';
  /**
   * Name of a de-duplication parameter to send with the outbox-derived id (Kavenegar's `localid`
   * on the send API). Unset: none is sent.
   */
  localIdParam?: string;
}

const TOKEN_NAMES = ['token', 'token2', 'token3', 'token10', 'token20'];
// Replies meaning "this request can never succeed": bad parameters, invalid receptor, bad
// characters, unknown template. Others (credit, auth, rate, server) heal with time or operators.
const PERMANENT = new Set([400, 411, 414, 422, 424]);

/**
 * Kavenegar-style lookup: `GET|POST {baseUrl}/v1/{apiKey}/verify/lookup.json` with `receptor`,
 * `template`, `token`, `token2`, `token3` (no spaces) and `token10`/`token20` (spaces allowed).
 */
export function kavenegarProvider(options: KavenegarOptions): SmsProvider {
  const base = (options.baseUrl ?? 'https://api.kavenegar.com').replace(/\/$/, '');
  const method = options.method ?? 'POST';
  return {
    name: 'kavenegar',
    request(message) {
      const params = new URLSearchParams({ receptor: message.receptor, template: message.template });
      for (const [name, value] of Object.entries(message.tokens)) {
        if (!TOKEN_NAMES.includes(name)) throw new TypeError(`Kavenegar has no token "${name}" (use ${TOKEN_NAMES.join(', ')})`);
        // token..token3 may not contain spaces: a zero-width non-joiner keeps Persian words apart.
        params.set(name, name === 'token10' || name === 'token20' ? value : value.trim().replace(/\s+/g, '\u200c'));
      }
      if (options.localIdParam) params.set(options.localIdParam, message.localId);
      const url = `${base}/v1/${encodeURIComponent(options.apiKey)}/verify/lookup.json`;
      const request: ProviderRequest =
        method === 'GET'
          ? { url: `${url}?${params}`, method, headers: { accept: 'application/json' } }
          : { url, method, headers: { accept: 'application/json', 'content-type': 'application/x-www-form-urlencoded' }, body: params.toString() };
      return request;
    },
    answer(status, body) {
      const json = parseJson(body) as { return?: { status?: number; message?: string }; entries?: { messageid?: number | string }[] } | undefined;
      const code = json?.return?.status ?? status;
      if (status >= 200 && status < 300 && code === 200) {
        const id = json?.entries?.[0]?.messageid;
        return id === undefined ? { ok: true } : { ok: true, messageId: String(id) };
      }
      return { ok: false, permanent: PERMANENT.has(code), reason: `Kavenegar ${code}${json?.return?.message ? `: ${json.return.message}` : ''}` };
    },
  };
}
