/**
 * Deep copies of stored rows. The memory storage never hands out or keeps an object a caller
 * holds, so mutating a record (or a Date inside it) cannot change the store — a database gives
 * the same isolation by serialising. Rows hold JSON values, Dates and plain objects, which are
 * copied directly here (several times cheaper than `structuredClone`, which dominated the
 * engine's in-memory profile); anything else falls back to `structuredClone`.
 */
export function copyRow<T>(value: T): T {
  return copy(value) as T;
}

function copy(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) {
    const out = new Array<unknown>(value.length);
    for (let i = 0; i < value.length; i++) out[i] = copy(value[i]);
    return out;
  }
  if (value instanceof Date) return new Date(value.getTime());
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return structuredClone(value);
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const field = copy((value as Record<string, unknown>)[key]);
    // A parsed "__proto__" key is data: assigning it would replace the copy's prototype.
    if (key === '__proto__') Object.defineProperty(out, key, { value: field, enumerable: true, writable: true, configurable: true });
    else out[key] = field;
  }
  return out;
}
