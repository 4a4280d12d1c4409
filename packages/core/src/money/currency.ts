/**
 * Currencies an amount can be in. Only the current Iranian rial exists today; the field is there
 * because a redenomination law (1 new rial = 10,000 current rials) has passed, and an amount
 * without its unit would silently change meaning on the switch-over day.
 */
export const CURRENCIES = ['IRR'] as const;

/** ISO 4217 code, but always with exponent 0: amounts are whole rials (gateways take whole Rial). */
export type Currency = (typeof CURRENCIES)[number];

/** Iranian Rial, the only currency statdesk handles today. */
export const IRR: Currency = 'IRR';

/** True for a currency statdesk knows. */
export function isCurrency(value: unknown): value is Currency {
  return typeof value === 'string' && (CURRENCIES as readonly string[]).includes(value);
}
