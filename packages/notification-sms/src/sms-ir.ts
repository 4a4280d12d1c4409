import { parseJson, type SmsProvider } from './provider';

/** Options of the sms.ir provider (its `send/verify` template API). */
export interface SmsIrOptions {
  /** The `x-api-key` from the sms.ir panel. */
  apiKey: string;
  /** Default `https://api.sms.ir`. */
  baseUrl?: string;
  /** SMS.ir templates are numbered: the id of each lookup template name the templates use. */
  templateIds: Readonly<Record<string, number>>;
}

/**
 * SMS.ir-style verify: `POST {baseUrl}/v1/send/verify` with header `x-api-key` and JSON
 * `{ mobile, templateId, parameters: [{ name, value }] }`; the parameter names are the token names
 * (`#token#`, `#token2#` in the provider's template). Success is `{ status: 1, data: { messageId } }`.
 */
export function smsIrProvider(options: SmsIrOptions): SmsProvider {
  const base = (options.baseUrl ?? 'https://api.sms.ir').replace(/\/$/, '');
  return {
    name: 'sms.ir',
    templateProblem: (template) => (options.templateIds[template] === undefined ? `no SMS.ir template id for "${template}"` : undefined),
    request(message) {
      const templateId = options.templateIds[message.template];
      if (templateId === undefined) throw new TypeError(`No SMS.ir template id for "${message.template}"`);
      return {
        url: `${base}/v1/send/verify`,
        method: 'POST',
        headers: { accept: 'application/json', 'content-type': 'application/json', 'x-api-key': options.apiKey },
        body: JSON.stringify({ mobile: message.receptor, templateId, parameters: Object.entries(message.tokens).map(([name, value]) => ({ name, value })) }),
      };
    },
    answer(status, body) {
      const json = parseJson(body) as { status?: number; message?: string; data?: { messageId?: number | string } } | undefined;
      if (status >= 200 && status < 300 && json?.status === 1) {
        const id = json.data?.messageId;
        return id === undefined ? { ok: true } : { ok: true, messageId: String(id) };
      }
      // 400: the request itself is wrong (mobile, template, parameters); the rest may heal.
      return { ok: false, permanent: status === 400, reason: `SMS.ir HTTP ${status}${json?.message ? `: ${json.message}` : ''}` };
    },
  };
}
