/**
 * One normalisation for what people type where a number or a code is expected (national ID,
 * mobile, postal code, quantities, amounts, receipt and tracking numbers): Persian and Arabic
 * digits become Latin, Arabic yeh/kaf become Persian, invisible joiners and direction marks go,
 * and (for numbers) thousands separators and spaces go. Free text people write is never passed
 * through it: their words and digits are kept as written.
 */
import { z } from 'zod';
import { toLatinDigits } from './digits';
import { toPersianLetters } from './letters';

// ZWNJ, ZWJ, LRM/RLM, the bidi embeddings and isolates, and the BOM: invisible, never meant.
const INVISIBLE = /\u200c|\u200d|[\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;
// Thousands separators people type in numbers: Arabic (٬), Latin and Arabic commas, spaces.
const NUMBER_SEPARATORS = /[\u066c,\u060c\s\u00a0]/g;

/** A typed code or number in normal form: Latin digits, Persian letters, no invisible marks, trimmed. */
export function normalizeTypedInput(text: string): string {
  return toPersianLetters(toLatinDigits(text))
    .replace(INVISIBLE, '')
    .replace(/\u066b/g, '.') // Arabic decimal separator
    .trim();
}

/** A typed number without its thousands separators and spaces (`۱۲٬۰۰۰` → `12000`). */
export function normalizeTypedNumber(text: string): string {
  return normalizeTypedInput(text).replace(NUMBER_SEPARATORS, '');
}

/** A string field holding a code people type: normalised before the inner checks run. */
export function typedCode<T extends z.ZodType<unknown, string>>(inner: T) {
  return z.string().transform(normalizeTypedInput).pipe(inner);
}

/**
 * A whole number typed in any digit set, with or without separators (or sent as a JSON number),
 * then checked by `inner` (bounds).
 */
export function typedWholeNumber<T extends z.ZodType<unknown, number>>(inner: T) {
  return z
    .union([z.number(), z.string()])
    .transform((value, ctx) => {
      if (typeof value === 'number') return value;
      const digits = normalizeTypedNumber(value);
      if (/^-?\d{1,15}$/.test(digits)) return Number(digits);
      ctx.addIssue({ code: 'custom', message: 'must be a whole number', params: { reason: 'whole-number' } });
      return z.NEVER;
    })
    .pipe(inner);
}

/** Whole Rial typed in any digit set, with or without separators (or a bigint or JSON number). */
export function typedRial() {
  return z.union([z.bigint(), z.number().int(), z.string()]).transform((value, ctx) => {
    const digits = typeof value === 'string' ? normalizeTypedNumber(value) : String(value);
    if (/^\d{1,20}$/.test(digits)) return BigInt(digits);
    ctx.addIssue({ code: 'custom', message: 'must be a whole number of Rial', params: { reason: 'whole-rial' } });
    return z.NEVER;
  });
}
