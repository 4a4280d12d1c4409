/**
 * Wall-clock time in an IANA time zone, computed with the platform's own zone database (Intl),
 * so historical offsets (Asia/Tehran's +04:30 summers before 2023) come out right.
 */

/** A wall-clock reading in some zone: Gregorian date, 24-hour time. */
export interface ZonedDateTime {
  /** Gregorian year. */
  year: number;
  /** Month, 1–12. */
  month: number; // 1..12
  /** Day of the month, 1–31. */
  day: number; // 1..31
  /** Hour, 0–23. */
  hour: number; // 0..23
  /** Minute, 0–59. */
  minute: number;
  /** Second, 0–59. */
  second: number;
  /** Millisecond, 0–999. */
  millisecond: number;
  /** 0 = Sunday … 6 = Saturday (as Date#getUTCDay). */
  weekday: number;
}

/** The IANA zone statdesk shows times in. */
export const TEHRAN = 'Asia/Tehran';

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/**
 * Readings already made, per zone and UTC second. `formatToParts` is slow and SLA reads convert
 * the same instants (clock starts, period boundaries) on every request. Keying by the second is
 * exact: zone offsets are whole seconds, so every instant of one UTC second reads the same
 * wall-clock second, and the millisecond is added back from the instant.
 */
const readings = new Map<string, Map<number, Readonly<ZonedDateTime>>>();
/** Bounds each zone's memo; when full it starts over (plenty for a server's working set). */
const MAX_READINGS_PER_ZONE = 8192;

/** The wall clock in `timeZone` at `instant`. */
export function toZoned(instant: Date, timeZone: string = TEHRAN): ZonedDateTime {
  const ms = instant.getTime();
  if (!Number.isFinite(ms)) throw new RangeError('toZoned: invalid instant');
  const second = Math.floor(ms / 1000);
  let zone = readings.get(timeZone);
  if (!zone) {
    // Resolve the formatter first: an unknown zone throws here and is never memoised.
    formatterFor(timeZone);
    zone = new Map();
    readings.set(timeZone, zone);
  }
  let reading = zone.get(second);
  if (!reading) {
    reading = readWallClock(new Date(second * 1000), timeZone);
    if (zone.size >= MAX_READINGS_PER_ZONE) zone.clear();
    zone.set(second, reading);
  }
  return { ...reading, millisecond: ms - second * 1000 };
}

/** The wall clock at a whole UTC second, through Intl. */
function readWallClock(instant: Date, timeZone: string): Readonly<ZonedDateTime> {
  const parts: Record<string, number> = {};
  for (const p of formatterFor(timeZone).formatToParts(instant)) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  const year = parts.year!;
  const month = parts.month!;
  const day = parts.day!;
  return Object.freeze({
    year,
    month,
    day,
    hour: parts.hour!,
    minute: parts.minute!,
    second: parts.second!,
    millisecond: 0,
    weekday: new Date(Date.UTC(year, month - 1, day)).getUTCDay(),
  });
}

/** Offset of `timeZone` from UTC at `instant`, in minutes (Tehran today: +210). */
export function zoneOffsetMinutes(instant: Date, timeZone: string = TEHRAN): number {
  const z = toZoned(instant, timeZone);
  const asUtc = Date.UTC(z.year, z.month - 1, z.day, z.hour, z.minute, z.second, z.millisecond);
  return Math.round((asUtc - instant.getTime()) / 60_000);
}

/**
 * The instant at which the wall clock in `timeZone` reads the given local time. A local time
 * skipped by a forward change resolves to the instant after the gap; a repeated one to the first.
 */
export function fromZoned(
  local: { year: number; month: number; day: number; hour?: number; minute?: number; second?: number; millisecond?: number },
  timeZone: string = TEHRAN,
): Date {
  const naive = Date.UTC(local.year, local.month - 1, local.day, local.hour ?? 0, local.minute ?? 0, local.second ?? 0, local.millisecond ?? 0);
  // Two passes settle the offset on either side of a transition.
  let guess = naive - zoneOffsetMinutes(new Date(naive), timeZone) * 60_000;
  const second = naive - zoneOffsetMinutes(new Date(guess), timeZone) * 60_000;
  if (second !== guess) {
    const back = naive - zoneOffsetMinutes(new Date(second), timeZone) * 60_000;
    guess = back === second ? second : Math.max(guess, second);
  }
  return new Date(guess);
}
