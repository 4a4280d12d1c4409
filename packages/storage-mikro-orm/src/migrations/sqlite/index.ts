import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261126071959 } from './Migration20261126071959';

/** SQLite migrations in the order they apply. Append new ones; never edit applied ones. */
export const sqliteMigrations: MigrationObject[] = [{ name: 'Migration20261126071959', class: Migration20261126071959 }];
