/**
 * Encoding of workflow values for storage. Contexts and events may hold `bigint` (money) and
 * `Date`; JSON holds neither, so they are tagged on the way in and restored on the way out.
 */
import type { JsonValue } from '../ports/json';

const BIGINT = '$bigint';
const DATE = '$date';

export function encodeJson(value: unknown): JsonValue {
  return encode(value, '');
}

function encode(value: unknown, path: string): JsonValue {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`Cannot store non-finite number at "${path || '.'}"`);
      return value;
    case 'bigint':
      return { [BIGINT]: value.toString() };
    case 'undefined':
      return null;
    case 'object': {
      if (value === null) return null;
      if (value instanceof Date) return { [DATE]: value.toISOString() };
      if (Array.isArray(value)) return value.map((v, i) => encode(v, `${path}[${i}]`));
      const proto = Object.getPrototypeOf(value);
      if (proto !== Object.prototype && proto !== null) {
        throw new TypeError(`Cannot store a ${proto?.constructor?.name ?? 'class instance'} at "${path || '.'}"; use plain objects`);
      }
      const out: Record<string, JsonValue> = {};
      for (const [k, v] of Object.entries(value)) {
        if (v === undefined) continue;
        out[k] = encode(v, path ? `${path}.${k}` : k);
      }
      return out;
    }
    default:
      throw new TypeError(`Cannot store a ${typeof value} at "${path || '.'}"`);
  }
}

export function decodeJson(value: JsonValue): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(decodeJson);
  const keys = Object.keys(value);
  if (keys.length === 1) {
    const tagged = value[BIGINT];
    if (typeof tagged === 'string') return BigInt(tagged);
    const date = value[DATE];
    if (typeof date === 'string') return new Date(date);
  }
  const out: Record<string, unknown> = {};
  for (const k of keys) out[k] = decodeJson(value[k]!);
  return out;
}

/** JSON with object keys sorted at every depth: the same value always gives the same text. */
export function canonicalJson(value: JsonValue): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const keys = Object.keys(value).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(value[k]!)}`).join(',')}}`;
}
