/** Turns one parameter value into display text for a language, by its declared kind. */
import { toPersianDigits } from '../locale/digits';
import { formatMoney } from '../money/format';
import { rial } from '../money/money';
import type { Language } from '../ports/notification';
import { TEHRAN, toZoned } from '../time/zoned';
import type { ParameterKind } from './parameters';
import { findPersonalData } from './personal-data';

/** Thrown with a problem description; the caller adds the template and parameter names. */
export class ParameterValueProblem extends Error {}

const dateFormats: Record<Language, Intl.DateTimeFormat> = {
  fa: new Intl.DateTimeFormat('fa-IR-u-ca-persian', { timeZone: TEHRAN, day: 'numeric', month: 'long', year: 'numeric' }),
  en: new Intl.DateTimeFormat('en-GB-u-ca-persian', { timeZone: TEHRAN, day: 'numeric', month: 'long', year: 'numeric' }),
};

/** What a value's formatting may depend on besides its kind. */
export interface FormatContext {
  /**
   * The portal's origin (`https://portal.example.ir`), against which a root-relative link such
   * as `/complaints/C-1` is resolved: one workflow definition serves several portals, so the
   * workflow writes paths and the deployment knows the host.
   */
  portalUrl?: string;
}

export function formatParameter(kind: ParameterKind, value: unknown, modifier: string | undefined, language: Language, context: FormatContext = {}): string {
  switch (kind) {
    case 'text': {
      const text = guarded(requireString(value));
      return language === 'fa' ? toPersianDigits(text) : text;
    }
    case 'reference': {
      const text = guarded(requireString(value)).trim();
      if (!/^[\p{L}\p{N}]+(?:[ \-_/][\p{L}\p{N}]+)*$/u.test(text)) throw new ParameterValueProblem('a reference is letters and digits, grouped by single spaces, "-", "_" or "/"');
      return text;
    }
    case 'url': {
      const text = guarded(requireString(value));
      const relative = text.startsWith('/') && !text.startsWith('//');
      if (relative && !context.portalUrl) throw new ParameterValueProblem('a root-relative link needs the portal\'s address (`portalUrl` on the notifier)');
      let url: URL;
      try {
        url = relative ? new URL(text, context.portalUrl) : new URL(text);
      } catch {
        throw new ParameterValueProblem(relative ? `portalUrl "${context.portalUrl}" is not an absolute URL` : 'not an absolute URL');
      }
      if (url.protocol !== 'https:' && !(url.protocol === 'http:' && ['localhost', '127.0.0.1'].includes(url.hostname))) {
        throw new ParameterValueProblem('links must use https');
      }
      return url.toString();
    }
    case 'count': {
      if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) throw new ParameterValueProblem('expected a whole number ≥ 0');
      return language === 'fa' ? toPersianDigits(String(value)) : String(value);
    }
    case 'money':
      return formatMoney(rial(toRialAmount(value)), { unit: modifier === 'toman' ? 'toman' : 'rial', language });
    case 'instant':
      return formatInstant(toInstant(value), modifier === 'date' ? 'date' : 'datetime', language);
  }
}

function requireString(value: unknown): string {
  if (typeof value !== 'string' || value.trim() === '') throw new ParameterValueProblem('expected non-empty text');
  return value;
}

function guarded(text: string): string {
  const found = findPersonalData(text);
  if (found) throw new ParameterValueProblem(`looks like it contains a ${found}; messages never carry personal data`);
  return text;
}

function toRialAmount(value: unknown): bigint {
  if (typeof value === 'bigint') return value;
  if (typeof value === 'number' && Number.isSafeInteger(value)) return BigInt(value);
  if (typeof value === 'string' && /^-?\d+$/.test(value)) return BigInt(value);
  if (value !== null && typeof value === 'object' && 'amount' in value && typeof value.amount === 'bigint') {
    if ('currency' in value && value.currency !== 'IRR') throw new ParameterValueProblem(`expected an IRR amount, got ${String(value.currency)}`);
    return value.amount;
  }
  throw new ParameterValueProblem('expected an integer Rial amount (bigint)');
}

function toInstant(value: unknown): Date {
  const date = value instanceof Date ? value : typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(value) ? new Date(value) : undefined;
  if (!date || !Number.isFinite(date.getTime())) throw new ParameterValueProblem('expected an instant (Date or ISO 8601 string with time)');
  return date;
}

/** A Solar Hijri date (and Tehran wall-clock time) in the reader's language. */
export function formatInstant(instant: Date, style: 'date' | 'datetime', language: Language): string {
  const date = dateFormats[language].format(instant);
  if (style === 'date') return date;
  const { hour, minute } = toZoned(instant, TEHRAN);
  const time = `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
  return language === 'fa' ? `${date}، ساعت ${toPersianDigits(time)}` : `${date}, ${time} Tehran time`;
}
