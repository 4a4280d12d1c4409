/**
 * The redaction step between an event and its history row: personal data (national ID,
 * phone, address…) never reaches the append-only history, which is kept for years and shown
 * to auditors.
 */

/** Field names dropped wherever they appear, whatever the event declares. */
export const DEFAULT_PERSONAL_KEYS: readonly string[] = Object.freeze([
  'nationalId',
  'mobile',
  'phone',
  'phoneNumber',
  'email',
  'address',
  'postalAddress',
  'postalCode',
  'birthDate',
  'cardNumber',
  'cardPan',
  'iban',
]);

const MARK = '$redacted';
const DEFAULT_KEY_SET: ReadonlySet<string> = new Set(DEFAULT_PERSONAL_KEYS);

/**
 * Returns a copy of `payload` without the personal fields: those at the dotted `paths`
 * (`*` matches any key or array index, e.g. `lines.*.address`) and any key in `keys` at any
 * depth. Each object that lost fields lists their names under `$redacted`, so an auditor sees
 * that something was there without seeing it.
 */
export function redactPersonalData(
  payload: unknown,
  paths: readonly string[] = [],
  keys: readonly string[] = DEFAULT_PERSONAL_KEYS,
): unknown {
  const keySet = keys === DEFAULT_PERSONAL_KEYS ? DEFAULT_KEY_SET : new Set(keys);
  // Every command redacts its payload: nothing is allocated for paths when there are none.
  return walk(payload, paths.length ? { parts: paths.map((p) => p.split('.')), at: [] } : undefined, keySet);
}

/** The declared paths and where the walk is: `at` grows and shrinks as it descends and returns. */
interface PathWalk {
  parts: string[][];
  at: string[];
}

function walk(value: unknown, paths: PathWalk | undefined, keys: ReadonlySet<string>): unknown {
  if (Array.isArray(value)) {
    const out = new Array<unknown>(value.length);
    for (let i = 0; i < value.length; i++) {
      paths?.at.push(String(i));
      out[i] = walk(value[i], paths, keys);
      paths?.at.pop();
    }
    return out;
  }
  if (value === null || typeof value !== 'object' || value instanceof Date) return value;
  const out: Record<string, unknown> = {};
  let dropped: string[] | undefined;
  for (const k of Object.keys(value)) {
    const v = (value as Record<string, unknown>)[k];
    paths?.at.push(k);
    if (keys.has(k) || (paths !== undefined && paths.parts.some((p) => matches(p, paths.at)))) {
      if (v !== undefined) (dropped ??= []).push(k);
    } else {
      out[k] = walk(v, paths, keys);
    }
    paths?.at.pop();
  }
  if (dropped) out[MARK] = dropped.sort();
  return out;
}

function matches(pattern: readonly string[], path: readonly string[]): boolean {
  return pattern.length === path.length && pattern.every((p, i) => p === '*' || p === path[i]);
}
