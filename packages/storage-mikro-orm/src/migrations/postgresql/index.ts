import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261126072036 } from './Migration20261126072036';

/** PostgreSQL migrations in the order they apply. Append new ones; never edit applied ones. */
export const postgresqlMigrations: MigrationObject[] = [{ name: 'Migration20261126072036', class: Migration20261126072036 }];
