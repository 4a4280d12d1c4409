/**
 * Digit normalisation between the three digit sets Iranian users type: Latin (0–9), Persian
 * (U+06F0–U+06F9, ۰–۹) and Arabic-Indic (U+0660–U+0669, ٠–٩). Forms, receipts and national IDs
 * arrive in any mix of them, so compare and parse only after `toLatinDigits`.
 */

const PERSIAN_ZERO = 0x06f0;
const ARABIC_ZERO = 0x0660;
const LATIN_ZERO = 0x30;

/** The digit sets this module converts between. */
export type DigitSet = 'latin' | 'persian' | 'arabic';

const zeroOf: Record<DigitSet, number> = { latin: LATIN_ZERO, persian: PERSIAN_ZERO, arabic: ARABIC_ZERO };

const NON_LATIN_DIGIT = /[\u06f0-\u06f9\u0660-\u0669]/g;
const LATIN_DIGIT = /[0-9]/g;

/** Replace Persian and Arabic-Indic digits with Latin ones; everything else is left untouched. */
export function toLatinDigits(text: string): string {
  return text.replace(NON_LATIN_DIGIT, (d) => {
    const code = d.charCodeAt(0);
    const base = code >= PERSIAN_ZERO ? PERSIAN_ZERO : ARABIC_ZERO;
    return String.fromCharCode(LATIN_ZERO + code - base);
  });
}

/** Replace every digit (Latin, Persian or Arabic-Indic) with the Persian digit of equal value. */
export function toPersianDigits(text: string): string {
  return toDigitSet(text, 'persian');
}

/** Replace every digit (Latin, Persian or Arabic-Indic) with the Arabic-Indic digit of equal value. */
export function toArabicDigits(text: string): string {
  return toDigitSet(text, 'arabic');
}

/** Rewrite every digit of `text` in the given digit set. */
export function toDigitSet(text: string, set: DigitSet): string {
  const latin = toLatinDigits(text);
  if (set === 'latin') return latin;
  const zero = zeroOf[set];
  return latin.replace(LATIN_DIGIT, (d) => String.fromCharCode(zero + d.charCodeAt(0) - LATIN_ZERO));
}
