/**
 * Iranian national ID (کد ملی): 10 digits whose last is a check digit over the first nine with
 * weights 10..2, mod 11 (remainder < 2 → the remainder itself, else 11 − remainder). IDs of one
 * repeated digit pass that arithmetic but are never issued, so they are refused too.
 */
import { normalizeTypedNumber } from '../locale/typed-input';

/** Latin digits, surrounding spaces and inner spaces/dashes removed (users paste `001-234567-9`). */
export function normalizeNationalId(input: string): string {
  return normalizeTypedNumber(input).replace(/-/g, '');
}

/** Whether `input` (in any digit set) is a well-formed national ID with a correct check digit. */
export function isValidNationalId(input: string): boolean {
  const id = normalizeNationalId(input);
  if (!/^\d{10}$/.test(id) || /^(\d)\1{9}$/.test(id)) return false;
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(id[i]) * (10 - i);
  const remainder = sum % 11;
  const check = Number(id[9]);
  return remainder < 2 ? check === remainder : check === 11 - remainder;
}
