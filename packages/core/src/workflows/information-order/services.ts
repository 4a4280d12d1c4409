/**
 * The services the order's enrich steps consult, passed to `createDesk({ services })`:
 * `tariffs` (the published tariff books), `profiles` (applicants' profiles) and `files` (where
 * receipts and prepared data were uploaded).
 */
import { DefinitionError } from '../../errors';
import type { FileStore } from '../../ports/files';
import type { ProfileStore } from '../../ports/profiles';
import type { TariffRegistry } from '../../tariffs/registry';

/** What the information-order workflow needs in `DeskOptions.services`. */
export interface InformationOrderServices {
  /** The tariff books quotes are priced from. */
  tariffs: TariffRegistry;
  /** Applicant profiles (category and its verification decide the tariff). */
  profiles: ProfileStore;
  /** Where receipts and delivered files are stored. */
  files: FileStore;
}

/**
 * Reads the information-order services from `DeskOptions.services`; throws `DefinitionError` naming a missing
 * one.
 */
export function informationOrderServices(services: Readonly<Record<string, unknown>>): InformationOrderServices {
  const missing = (['tariffs', 'profiles', 'files'] as const).filter((name) => services[name] === undefined || services[name] === null);
  if (missing.length) {
    throw new DefinitionError(`information-order needs desk services ${missing.map((m) => `"${m}"`).join(', ')}: pass them to createDesk({ services })`);
  }
  return services as unknown as InformationOrderServices;
}
