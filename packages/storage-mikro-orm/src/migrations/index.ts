import type { MigrationObject } from '@mikro-orm/core';
import type { Dialect } from '../orm-config';
import { postgresqlMigrations } from './postgresql';
import { sqliteMigrations } from './sqlite';

/** The shipped migrations for a dialect (separate sets: the generated SQL differs). */
export function statdeskMigrations(dialect: Dialect): MigrationObject[] {
  return dialect === 'postgresql' ? postgresqlMigrations : sqliteMigrations;
}
