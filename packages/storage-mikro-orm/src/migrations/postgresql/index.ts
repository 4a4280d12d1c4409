import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261126072036 } from './Migration20261126072036';
import { Migration20261126082425 } from './Migration20261126082425';
import { Migration20261126103000 } from './Migration20261126103000';
import { Migration20261208100000 } from './Migration20261208100000';
import { Migration20261208100002 } from './Migration20261208100002';
import { Migration20261208110000 } from './Migration20261208110000';
import { Migration20261208120000 } from './Migration20261208120000';
import { Migration20261208130000 } from './Migration20261208130000';

/** PostgreSQL migrations in the order they apply. Append new ones; never edit applied ones. */
export const postgresqlMigrations: MigrationObject[] = [
  { name: 'Migration20261126072036', class: Migration20261126072036 },
  // Profiles, catalogue products and sent-notification keys.
  { name: 'Migration20261126082425', class: Migration20261126082425 },
  // Erased profiles: a nullable national-ID lookup hash.
  { name: 'Migration20261126103000', class: Migration20261126103000 },
  // Work items: one row per open instance for staff work queues.
  { name: 'Migration20261208100000', class: Migration20261208100000 },
  // The staff directory: roles and sealed contacts.
  { name: 'Migration20261208100002', class: Migration20261208100002 },
  // Reports: SLA outcomes and a history index by event type and time.
  { name: 'Migration20261208110000', class: Migration20261208110000 },
  // Shared public rate limits (token buckets by hashed client key).
  { name: 'Migration20261208120000', class: Migration20261208120000 },
  // Sent-notification intents (state: sending | sent).
  { name: 'Migration20261208130000', class: Migration20261208130000 },
];
