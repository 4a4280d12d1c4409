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
  const keySet = new Set(keys);
  const pathParts = paths.map((p) => p.split('.'));
  return walk(payload, [], pathParts, keySet);
}

function walk(value: unknown, at: string[], paths: string[][], keys: Set<string>): unknown {
  if (Array.isArray(value)) return value.map((v, i) => walk(v, [...at, String(i)], paths, keys));
  if (value === null || typeof value !== 'object' || value instanceof Date) return value;
  const out: Record<string, unknown> = {};
  const dropped: string[] = [];
  for (const [k, v] of Object.entries(value)) {
    const here = [...at, k];
    if (keys.has(k) || paths.some((p) => matches(p, here))) {
      if (v !== undefined) dropped.push(k);
      continue;
    }
    out[k] = walk(v, here, paths, keys);
  }
  if (dropped.length) out[MARK] = dropped.sort();
  return out;
}

function matches(pattern: string[], path: string[]): boolean {
  return pattern.length === path.length && pattern.every((p, i) => p === '*' || p === path[i]);
}
