/**
 * Tracking and complaint codes: random digits (never sequential, so one code says nothing about
 * another), fixed length, a Damm check digit last, shown in groups of four to be read aloud.
 */
import { randomInt } from 'node:crypto';
import { ValidationError } from '../../errors';
import { toLatinDigits } from '../../locale';
import { dammCheckDigit, isValidDamm } from './check-digit';

/** A source of uniform random integers in [min, max), like `crypto.randomInt` (tests inject one). */
export type RandomInt = (min: number, max: number) => number;

/** The two codes a message gets: the tracking code (always) and the complaint code (complaints only). */
export type CodeKind = 'trackingCode' | 'complaintCode';

/** Digits in each code, check digit included. */
export const CODE_LENGTHS: Readonly<Record<CodeKind, number>> = Object.freeze({ trackingCode: 12, complaintCode: 8 });

const GROUP = 4;

/**
 * A fresh code of `length` digits: `length - 1` random digits, the first never 0 (spreadsheets
 * and phone keypads drop leading zeros), then the check digit.
 */
export function generateCode(length: number, random: RandomInt = randomInt): string {
  if (!Number.isInteger(length) || length < 2) throw new RangeError('generateCode: length must be a whole number of at least 2');
  let body = String(random(1, 10));
  for (let i = 1; i < length - 1; i++) body += String(random(0, 10));
  if (!/^[1-9][0-9]*$/.test(body)) throw new RangeError('generateCode: the random source returned a value outside [min, max)');
  return body + dammCheckDigit(body);
}

/** `123456789012` → `1234 5678 9012`. */
export function formatCode(code: string): string {
  const groups: string[] = [];
  for (let i = 0; i < code.length; i += GROUP) groups.push(code.slice(i, i + GROUP));
  return groups.join(' ');
}

/**
 * Reads a code as a person typed it: Persian or Arabic digits, spaces and dashes allowed.
 * Returns the bare digits, or throws a `ValidationError` naming `field` when the length or the
 * check digit is wrong (a typo, caught before anything is looked up).
 */
export function parseCode(input: unknown, kind: CodeKind, field: string = kind): string {
  const length = CODE_LENGTHS[kind];
  if (typeof input !== 'string') throw new ValidationError(kind, [{ path: field, message: 'must be a string of digits', code: 'invalid_type' }]);
  const digits = toLatinDigits(input).replace(/[\s\u200c\-–—_.]/g, '');
  if (!/^[0-9]*$/.test(digits)) {
    throw new ValidationError(kind, [{ path: field, message: 'may contain only digits, spaces and dashes', code: 'invalid_characters' }]);
  }
  if (digits.length !== length) {
    throw new ValidationError(kind, [{ path: field, message: `must have ${length} digits, not ${digits.length}`, code: 'invalid_length' }]);
  }
  if (!isValidDamm(digits)) {
    throw new ValidationError(kind, [{ path: field, message: 'is not a valid code: check for a mistyped or swapped digit', code: 'invalid_check_digit' }]);
  }
  return digits;
}
