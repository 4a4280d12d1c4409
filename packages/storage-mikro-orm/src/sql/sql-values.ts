/**
 * How values cross into and out of each dialect. PostgreSQL has `timestamptz`, `jsonb` and
 * `boolean`; SQLite stores instants as epoch milliseconds (as MikroORM does), JSON as text and
 * booleans as 0/1.
 */
import type { JsonValue } from '@statdesk/core';
import type { Dialect } from '../orm-config';

export interface SqlValues {
  time(value: Date): unknown;
  json(value: JsonValue): string;
  bool(value: boolean): unknown;
  readTime(value: unknown): Date;
  readJson(value: unknown): JsonValue;
}

const postgresValues: SqlValues = {
  time: (value) => value,
  json: (value) => JSON.stringify(value),
  bool: (value) => value,
  // pg's default parsers turn timestamptz into Date and jsonb into values (fresh objects).
  readTime: (value) => (value instanceof Date ? value : new Date(value as string)),
  readJson: (value) => value as JsonValue,
};

const sqliteValues: SqlValues = {
  time: (value) => value.getTime(),
  json: (value) => JSON.stringify(value),
  bool: (value) => (value ? 1 : 0),
  readTime: (value) => new Date(Number(value)),
  readJson: (value) => JSON.parse(value as string) as JsonValue,
};

export function sqlValues(dialect: Dialect): SqlValues {
  return dialect === 'postgresql' ? postgresValues : sqliteValues;
}
