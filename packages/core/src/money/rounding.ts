/**
 * Integer division and rounding for bigint amounts. Every place that divides money (percentages,
 * Toman, rounding to 1,000 Rial) goes through here so the rounding direction is always explicit.
 */

/**
 * - `nearest`: to the nearest multiple; an exact half goes up (towards +∞);
 * - `up`: towards +∞ (ceiling);
 * - `down`: towards −∞ (floor).
 */
export type RoundingMode = 'nearest' | 'up' | 'down';

/** Every {@link RoundingMode}, for schemas and menus. */
export const ROUNDING_MODES = ['nearest', 'up', 'down'] as const satisfies readonly RoundingMode[];

/** `numerator / denominator` rounded as `mode` says. `denominator` must be positive. */
export function divideRounded(numerator: bigint, denominator: bigint, mode: RoundingMode): bigint {
  if (denominator <= 0n) throw new RangeError('divideRounded: denominator must be positive');
  // BigInt division truncates towards zero; derive the floor first, then adjust.
  let floor = numerator / denominator;
  const remainder = numerator % denominator;
  if (remainder !== 0n && numerator < 0n) floor -= 1n;
  const rest = numerator - floor * denominator; // 0 <= rest < denominator
  if (rest === 0n) return floor;
  switch (mode) {
    case 'down':
      return floor;
    case 'up':
      return floor + 1n;
    case 'nearest':
      return rest * 2n >= denominator ? floor + 1n : floor;
  }
}

/** `value` rounded to a multiple of `increment` (for example 1,000 Rial). */
export function roundToIncrement(value: bigint, increment: bigint, mode: RoundingMode): bigint {
  if (increment <= 0n) throw new RangeError('roundToIncrement: increment must be positive');
  return divideRounded(value, increment, mode) * increment;
}
