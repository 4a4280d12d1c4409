import { toLatinDigits } from './digits';
import { toPersianLetters } from './letters';

/**
 * The normal form for comparing and parsing user input: Latin digits and Persian letters. Apply
 * it before validating a national ID, a postal code, a bank tracking number or a search term.
 */
export function normalizePersianInput(text: string): string {
  return toPersianLetters(toLatinDigits(text));
}
