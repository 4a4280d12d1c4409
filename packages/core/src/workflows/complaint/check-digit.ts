/**
 * The Damm check digit (H. Michael Damm, 2004). Codes are read aloud over the phone and typed
 * back, so the check digit must catch the two commonest slips: one wrong digit and two
 * neighbouring digits swapped. Damm catches every one of both, with digits only (Verhoeff needs
 * a dihedral group and a permutation; Luhn misses 09↔90).
 *
 * The table is a quasigroup of order 10 with zeros on its diagonal that is weakly totally
 * anti-symmetric: (c∗x)∗y = (c∗y)∗x only when x = y. Folding the digits through it from interim
 * digit 0 yields the check digit; a code with its check digit appended folds to 0.
 */
const QUASIGROUP: readonly (readonly number[])[] = [
  [0, 3, 1, 7, 5, 9, 8, 6, 4, 2],
  [7, 0, 9, 2, 1, 5, 4, 8, 6, 3],
  [4, 2, 0, 6, 8, 7, 1, 3, 5, 9],
  [1, 7, 5, 0, 9, 8, 3, 4, 2, 6],
  [6, 1, 2, 3, 0, 4, 5, 9, 7, 8],
  [3, 6, 7, 4, 2, 0, 9, 5, 8, 1],
  [5, 8, 6, 9, 7, 2, 0, 1, 3, 4],
  [8, 9, 4, 5, 3, 6, 2, 0, 1, 7],
  [9, 4, 3, 8, 6, 1, 7, 2, 0, 5],
  [2, 5, 8, 1, 4, 3, 6, 7, 9, 0],
];

/** The operation table, exposed so tests can check its defining properties exhaustively. */
export const DAMM_TABLE: readonly (readonly number[])[] = QUASIGROUP;

const DIGITS = /^[0-9]+$/;

function fold(digits: string): number {
  let interim = 0;
  for (const ch of digits) interim = QUASIGROUP[interim]![ch.charCodeAt(0) - 48]!;
  return interim;
}

/** The Damm check digit of a non-empty string of Latin digits. */
export function dammCheckDigit(digits: string): string {
  if (!DIGITS.test(digits)) throw new RangeError('dammCheckDigit: expects one or more digits 0-9');
  return String(fold(digits));
}

/** Whether the last digit of `code` is the Damm check digit of the ones before it. */
export function isValidDamm(code: string): boolean {
  return code.length >= 2 && DIGITS.test(code) && fold(code) === 0;
}
