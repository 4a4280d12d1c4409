/** A value that survives `JSON.parse(JSON.stringify(value))` unchanged. Storage holds only these. */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };
