import { z } from 'zod';
import type { LocalizedText } from './localized-text';

/**
 * The seven geographic levels the office publishes tables at, from coarsest (1) to finest (7),
 * as listed in cabinet decree 126930/ت48666هـ.
 */
export const GEOGRAPHIC_LEVELS = [
  'country',
  'province',
  'county',
  'district',
  'rural-district-or-city',
  'census-area',
  'block',
] as const;

/**
 * A geographic level a statistical table is broken down to, from `country` to `block`; finer levels cost
 * more.
 */
export type GeographicLevel = (typeof GEOGRAPHIC_LEVELS)[number];

/** Each geographic level's name in Persian and English. */
export const GEOGRAPHIC_LEVEL_NAMES: Readonly<Record<GeographicLevel, LocalizedText>> = {
  country: { fa: 'کل کشور', en: 'country' },
  province: { fa: 'استان', en: 'province' },
  county: { fa: 'شهرستان', en: 'county' },
  district: { fa: 'بخش', en: 'district' },
  'rural-district-or-city': { fa: 'دهستان/شهر', en: 'rural district/city' },
  'census-area': { fa: 'حوزه سرشماری', en: 'census area' },
  block: { fa: 'بلوک', en: 'block' },
};

/** 1 (country) … 7 (block). */
export function geographicLevelNumber(level: GeographicLevel): number {
  return GEOGRAPHIC_LEVELS.indexOf(level) + 1;
}

/** Accepts a level by name or by its number 1–7; always yields the name. */
export const geographicLevelSchema = z
  .union([z.enum(GEOGRAPHIC_LEVELS), z.number().int().min(1).max(7)], {
    error: `must be a geographic level 1–7 or one of ${GEOGRAPHIC_LEVELS.join(', ')}`,
  })
  .transform((v): GeographicLevel => (typeof v === 'number' ? GEOGRAPHIC_LEVELS[v - 1]! : v));
