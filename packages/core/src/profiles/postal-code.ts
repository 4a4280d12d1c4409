/** Iranian postal codes (کد پستی): 10 digits, typed in any digit set, often as `12345-67890`. */
import { normalizeTypedNumber } from '../locale/typed-input';

/** The 10-digit form of `input`, or `undefined` when it is not a postal code. */
export function normalizePostalCode(input: string): string | undefined {
  const digits = normalizeTypedNumber(input).replace(/-/g, '');
  return /^\d{10}$/.test(digits) ? digits : undefined;
}
