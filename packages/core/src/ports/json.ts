/** A value that survives `JSON.parse(JSON.stringify(value))` unchanged. Storage holds only these. */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };
/** A JSON object whose values are {@link JsonValue}s. */
export type JsonObject = { [key: string]: JsonValue };
