/**
 * Iranian mobile numbers, stored in the one form SMS providers and humans both read:
 * `09xxxxxxxxx`. Users type `+98 912 …`, `0098912…`, `912…` or Persian digits.
 */
import { normalizeTypedNumber } from '../locale/typed-input';

const MOBILE = /^09\d{9}$/;

/** The `09xxxxxxxxx` form of `input`, or `undefined` when it is not an Iranian mobile number. */
export function normalizeMobile(input: string): string | undefined {
  let digits = normalizeTypedNumber(input).replace(/[()-]/g, '');
  if (digits.startsWith('+98')) digits = `0${digits.slice(3)}`;
  else if (digits.startsWith('0098')) digits = `0${digits.slice(4)}`;
  else if (digits.startsWith('98') && digits.length === 12) digits = `0${digits.slice(2)}`;
  else if (digits.startsWith('9') && digits.length === 10) digits = `0${digits}`;
  return MOBILE.test(digits) ? digits : undefined;
}
