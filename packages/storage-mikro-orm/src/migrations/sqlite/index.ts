import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261126071959 } from './Migration20261126071959';
import { Migration20261126082358 } from './Migration20261126082358';
import { Migration20261126103001 } from './Migration20261126103001';
import { Migration20261208100001 } from './Migration20261208100001';
import { Migration20261208100003 } from './Migration20261208100003';
import { Migration20261208110001 } from './Migration20261208110001';
import { Migration20261208120001 } from './Migration20261208120001';
import { Migration20261208130001 } from './Migration20261208130001';

/** SQLite migrations in the order they apply. Append new ones; never edit applied ones. */
export const sqliteMigrations: MigrationObject[] = [
  { name: 'Migration20261126071959', class: Migration20261126071959 },
  // Profiles, catalogue products and sent-notification keys.
  { name: 'Migration20261126082358', class: Migration20261126082358 },
  // Erased profiles: a nullable national-ID lookup hash.
  { name: 'Migration20261126103001', class: Migration20261126103001 },
  // Work items: one row per open instance for staff work queues.
  { name: 'Migration20261208100001', class: Migration20261208100001 },
  // The staff directory: roles and sealed contacts.
  { name: 'Migration20261208100003', class: Migration20261208100003 },
  // Reports: SLA outcomes and a history index by event type and time.
  { name: 'Migration20261208110001', class: Migration20261208110001 },
  // Shared public rate limits (token buckets by hashed client key).
  { name: 'Migration20261208120001', class: Migration20261208120001 },
  // Sent-notification intents (state: sending | sent).
  { name: 'Migration20261208130001', class: Migration20261208130001 },
];
