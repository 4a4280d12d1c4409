/**
 * Warnings: the answer was computed but rests on data that may be incomplete. They are returned
 * with every result (never thrown, never logged) so the caller can store them with a deadline.
 */
import type { SolarDateString } from './solar-date';

/**
 * What a computation could not vouch for: a year with no lunar holidays entered, or a holiday whose date is
 * not confirmed. Returned with the result, never thrown.
 */
export type CalendarWarning =
  | {
      /** The computation crossed a Solar Hijri year with no lunar holidays entered. */
      readonly kind: 'holidays-not-loaded';
      readonly year: number;
      readonly message: string;
    }
  | {
      /** The computation crossed a holiday whose date is not yet confirmed (moon sighting). */
      readonly kind: 'unconfirmed-holiday';
      readonly date: SolarDateString;
      readonly holiday: string;
      readonly message: string;
    };

/** Collects warnings for one computation, once per year / per holiday. */
export class WarningCollector {
  private readonly byKey = new Map<string, CalendarWarning>();

  add(warning: CalendarWarning): void {
    const key = warning.kind === 'holidays-not-loaded' ? `y:${warning.year}` : `h:${warning.date}:${warning.holiday}`;
    if (!this.byKey.has(key)) this.byKey.set(key, Object.freeze(warning));
  }

  addAll(warnings: readonly CalendarWarning[]): void {
    for (const w of warnings) this.add(w);
  }

  list(): readonly CalendarWarning[] {
    return Object.freeze([...this.byKey.values()]);
  }
}
