/**
 * Oracles for the profile, catalogue and sent-notification suites: plain SQL on a connection of
 * their own, never through the adapters.
 */
import type { CatalogueOracle, ProfileStoreOracle, SentNotificationStoreOracle } from '@statdesk/testing/conformance';
import type { RawQuery } from './oracle';

const count = async (query: RawQuery, table: string) => Number((await query(`SELECT COUNT(*) AS n FROM ${table}`, []))[0]!.n);

export function profileOracle(query: RawQuery): ProfileStoreOracle {
  return {
    count: () => count(query, 'statdesk_profiles'),
    // Every column of every row, as an attacker with a copy of the table would see it.
    atRest: async () => JSON.stringify(await query('SELECT * FROM statdesk_profiles', [])),
  };
}

export function catalogueOracle(query: RawQuery): CatalogueOracle {
  return { count: () => count(query, 'statdesk_products') };
}

export function sentNotificationsOracle(query: RawQuery): SentNotificationStoreOracle {
  return { count: () => count(query, 'statdesk_sent_notifications') };
}
