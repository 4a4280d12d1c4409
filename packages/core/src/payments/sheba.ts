/**
 * Sheba: the Iranian IBAN (`IR` + 2 check digits + 22 digits), where refunds that cannot go back
 * through the card gateway are transferred. Validated with the ISO 13616 mod-97 check, which
 * catches any single mistyped digit and most swapped pairs, before finance is asked to pay into it.
 */
import { z } from 'zod';
import { toLatinDigits } from '../locale/digits';

/** The Sheba as written (Persian or Latin digits, spaces, dashes, lower case) in its 26-character form, or `undefined` when it is not one. */
export function parseSheba(input: string): string | undefined {
  const compact = toLatinDigits(input).replace(/[\s\u200c-]/g, '').toUpperCase();
  const sheba = /^\d{24}$/.test(compact) ? `IR${compact}` : compact;
  if (!/^IR\d{24}$/.test(sheba)) return undefined;
  // Country and check digits go to the end, letters become numbers (I = 18, R = 27).
  const rearranged = `${sheba.slice(4)}1827${sheba.slice(2, 4)}`;
  return BigInt(rearranged) % 97n === 1n ? sheba : undefined;
}

/** Parses a Sheba field: normalised to `IR` + 24 digits, or a validation issue on the field. */
export const shebaSchema = z
  .string()
  .max(64, 'is too long')
  .transform((value, ctx) => {
    const sheba = parseSheba(value);
    if (!sheba) {
      ctx.addIssue({ code: 'custom', message: 'must be a valid Sheba (IR and 24 digits, with a correct check)' });
      return z.NEVER;
    }
    return sheba;
  });

/** The last four digits, for showing which account a refund goes to without showing the account. */
export function shebaLastFour(sheba: string): string {
  return sheba.slice(-4);
}
