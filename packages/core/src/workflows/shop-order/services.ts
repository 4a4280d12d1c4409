/**
 * The services the order's enrich steps consult, passed to `createDesk({ services })`:
 * `catalogue` (products and their prices) and `tariffs` (postage and VAT from the book in force).
 */
import { DefinitionError } from '../../errors';
import type { Catalogue } from '../../ports/catalogue';
import type { TariffRegistry } from '../../tariffs/registry';

/** What the shop-order workflow needs in `DeskOptions.services`. */
export interface ShopOrderServices {
  /** The products and their prices. */
  catalogue: Catalogue;
  /** The tariff books postage and VAT come from. */
  tariffs: TariffRegistry;
}

/**
 * Reads the shop-order services from `DeskOptions.services`; throws `DefinitionError` naming a missing one.
 */
export function shopOrderServices(services: Readonly<Record<string, unknown>>): ShopOrderServices {
  const missing = (['catalogue', 'tariffs'] as const).filter((name) => services[name] === undefined || services[name] === null);
  if (missing.length) {
    throw new DefinitionError(`shop-order needs desk services ${missing.map((m) => `"${m}"`).join(', ')}: pass them to createDesk({ services })`);
  }
  return services as unknown as ShopOrderServices;
}
