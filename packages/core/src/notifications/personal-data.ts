/**
 * A last guard against personal data in message text: a national ID, a mobile number or an
 * e-mail address inside a parameter means a workflow passed something it should not have, and
 * the message is refused rather than sent over SMS or e-mail.
 */
import { toLatinDigits } from '../locale/digits';

/** The kinds of personal data the last-guard check finds in message parameters. */
export type PersonalDataKind = 'national ID' | 'mobile number' | 'e-mail address';

// Ten digits, optionally grouped by single spaces or dashes (`001-234567-9`), not touching other
// digits or a letter-prefixed code (`IO-1403-000123`), so long tokens and order numbers pass.
const TEN_DIGITS = /(?<![\p{L}\d][-/_]?)\d(?:[ -]?\d){9}(?![ -]?\d)/gu;
const MOBILE = /(?<!\d)(?:\+98|0098|0)?9\d{9}(?!\d)/;
const EMAIL = /[^\s@/:]+@[^\s@/]+\.[A-Za-z]{2,}/;

/** The kind of personal data `text` appears to contain, if any (digits in any script). */
export function findPersonalData(text: string): PersonalDataKind | undefined {
  const latin = toLatinDigits(text);
  for (const match of latin.matchAll(TEN_DIGITS)) if (isNationalId(match[0].replace(/[ -]/g, ''))) return 'national ID';
  if (MOBILE.test(latin)) return 'mobile number';
  if (EMAIL.test(latin)) return 'e-mail address';
  return undefined;
}

/** The Iranian national ID checksum (weights 10..2, mod 11) on ten Latin digits. */
export function isNationalId(digits: string): boolean {
  if (!/^\d{10}$/.test(digits) || /^(\d)\1{9}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(digits[i]) * (10 - i);
  const remainder = sum % 11;
  const check = Number(digits[9]);
  return remainder < 2 ? check === remainder : check === 11 - remainder;
}
