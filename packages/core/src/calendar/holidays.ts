/**
 * The ten official holidays fixed in the Solar Hijri calendar. They never move, so they are
 * generated for any year; the lunar holidays move with moon sighting and are entered as data.
 */
import type { Holiday } from './calendar.schema';
import { formatSolarDate } from './solar-date';

interface SolarHolidayRule {
  readonly month: number;
  readonly day: number;
  readonly name: { readonly fa: string; readonly en: string };
}

/**
 * The ten official holidays fixed in the Solar Hijri calendar (1–4 and 12–13 Farvardin, 14–15 Khordad, 22
 * Bahman, 29 Esfand), generated for every year.
 */
export const SOLAR_HOLIDAY_RULES: readonly SolarHolidayRule[] = Object.freeze([
  { month: 1, day: 1, name: { fa: 'عید نوروز', en: 'Nowruz' } },
  { month: 1, day: 2, name: { fa: 'عید نوروز', en: 'Nowruz' } },
  { month: 1, day: 3, name: { fa: 'عید نوروز', en: 'Nowruz' } },
  { month: 1, day: 4, name: { fa: 'عید نوروز', en: 'Nowruz' } },
  { month: 1, day: 12, name: { fa: 'روز جمهوری اسلامی ایران', en: 'Islamic Republic Day' } },
  { month: 1, day: 13, name: { fa: 'روز طبیعت', en: 'Nature Day (Sizdah Bedar)' } },
  { month: 3, day: 14, name: { fa: 'رحلت امام خمینی', en: 'Death of Imam Khomeini' } },
  { month: 3, day: 15, name: { fa: 'قیام ۱۵ خرداد', en: 'Uprising of 15 Khordad' } },
  { month: 11, day: 22, name: { fa: 'پیروزی انقلاب اسلامی', en: 'Victory of the Islamic Revolution' } },
  { month: 12, day: 29, name: { fa: 'روز ملی شدن صنعت نفت', en: 'Nationalisation of the oil industry' } },
]);

/** The solar holidays of Solar Hijri `year`, in date order; all confirmed (fixed by law). */
export function solarHolidaysOfYear(year: number): readonly Holiday[] {
  return SOLAR_HOLIDAY_RULES.map((r) => ({
    date: formatSolarDate({ year, month: r.month, day: r.day }),
    name: r.name,
    confirmed: true,
  }));
}
