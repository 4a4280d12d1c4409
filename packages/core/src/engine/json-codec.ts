/**
 * Encoding of workflow values for storage. Contexts and events may hold `bigint` (money) and
 * `Date`; JSON holds neither, so they are tagged on the way in and restored on the way out.
 * Every command runs these several times, so they build no strings or arrays they do not return.
 */
import type { JsonValue } from '../ports/json';

const BIGINT = '$bigint';
const DATE = '$date';

/**
 * The storable form of `value`: `bigint` and `Date` tagged, `undefined` fields dropped
 * (`undefined` itself becomes `null`). Throws `TypeError` naming the path of anything JSON
 * cannot hold (a class instance, a function, a non-finite number).
 */
export function encodeJson(value: unknown): JsonValue {
  try {
    return encode(value);
  } catch (error) {
    if (error instanceof Unstorable) throw new TypeError(error.message.replace(PATH, () => pathText(error.path)));
    throw error;
  }
}

const PATH = '\u0000path\u0000';

/** Raised deep inside `encode`; each level on the way out adds its key, so no path is built unless needed. */
class Unstorable extends Error {
  readonly path: (string | number)[] = [];
}

function pathText(path: readonly (string | number)[]): string {
  let text = '';
  for (const part of path) text = typeof part === 'number' ? `${text}[${part}]` : text ? `${text}.${part}` : part;
  return text || '.';
}

function encode(value: unknown): JsonValue {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      if (!Number.isFinite(value)) throw new Unstorable(`Cannot store non-finite number at "${PATH}"`);
      return value;
    case 'bigint':
      return { [BIGINT]: value.toString() };
    case 'undefined':
      return null;
    case 'object': {
      if (value === null) return null;
      if (value instanceof Date) return { [DATE]: value.toISOString() };
      if (Array.isArray(value)) {
        const out = new Array<JsonValue>(value.length);
        for (let i = 0; i < value.length; i++) out[i] = encodeAt(value[i], i);
        return out;
      }
      const proto: unknown = Object.getPrototypeOf(value);
      if (proto !== Object.prototype && proto !== null) {
        const name = (proto as { constructor?: { name?: string } } | null)?.constructor?.name ?? 'class instance';
        throw new Unstorable(`Cannot store a ${name} at "${PATH}"; use plain objects`);
      }
      const out: Record<string, JsonValue> = {};
      for (const k of Object.keys(value)) {
        const v = (value as Record<string, unknown>)[k];
        if (v !== undefined) out[k] = encodeAt(v, k);
      }
      return out;
    }
    default:
      throw new Unstorable(`Cannot store a ${typeof value} at "${PATH}"`);
  }
}

function encodeAt(value: unknown, key: string | number): JsonValue {
  try {
    return encode(value);
  } catch (error) {
    if (error instanceof Unstorable) error.path.unshift(key);
    throw error;
  }
}

/** The value `encodeJson` stored: tagged `bigint` and `Date` restored. */
export function decodeJson(value: JsonValue): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    const out = new Array<unknown>(value.length);
    for (let i = 0; i < value.length; i++) out[i] = decodeJson(value[i]!);
    return out;
  }
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

/** Printable ASCII other than `"` and `\\`: JSON.stringify would quote such a string and change nothing. */
const PLAIN_STRING = /^[\x20\x21\x23-\x5b\x5d-\x7e]*$/;

/** JSON with object keys sorted at every depth: the same value always gives the same text. */
export function canonicalJson(value: JsonValue): string {
  // Ids, states and hashes are plain: quoting them directly is the same text, twice as fast.
  if (typeof value === 'string') return PLAIN_STRING.test(value) ? `"${value}"` : JSON.stringify(value);
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  let text: string;
  if (Array.isArray(value)) {
    text = '[';
    for (let i = 0; i < value.length; i++) text += (i ? ',' : '') + canonicalJson(value[i]!);
    return `${text}]`;
  }
  const keys = Object.keys(value).sort();
  text = '{';
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i]!;
    text += `${i ? ',' : ''}${JSON.stringify(k)}:${canonicalJson(value[k]!)}`;
  }
  return `${text}}`;
}
