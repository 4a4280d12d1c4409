import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson, decodeJson, encodeJson, GENESIS_HASH, hashHistory, type JsonValue } from '../../src';

// A row whose payload has every kind of value the codec tags or escapes.
const row = {
  tenantId: 'tehran',
  instanceId: 'IO-1',
  seq: 3,
  at: new Date('2026-03-20T10:15:00.000Z'),
  actorId: 'officer-1',
  actorRole: 'officer',
  eventType: 'requestInfo',
  fromState: 'submitted',
  toState: 'awaitingApplicant',
  definitionVersion: '1',
  payload: encodeJson({
    question: 'کدام سال‌ها؟ "quoted" \\ \n',
    amount: 1200000n,
    when: new Date('2026-03-21T00:00:00Z'),
    list: [1, 2.5, null, true, { z: 1, a: [] }],
    $redacted: ['mobile'],
    ü: '\u2028',
  }),
  prevHash: 'a'.repeat(64),
};

/** The canonical form written as plainly as possible (the engine builds it without intermediate arrays). */
function plainCanonical(value: JsonValue): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(plainCanonical).join(',')}]`;
  return `{${Object.keys(value)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${plainCanonical(value[k]!)}`)
    .join(',')}}`;
}

/** The same value with every object's keys inserted in reverse order. */
function reversedKeys(value: JsonValue): JsonValue {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(reversedKeys);
  return Object.fromEntries(
    Object.keys(value)
      .reverse()
      .map((k) => [k, reversedKeys(value[k]!)]),
  );
}

describe('history hashes', () => {
  it('are the hashes rows written before the engine was tuned carry, so old chains still verify', () => {
    // Computed with the engine as it was before hashing skipped building the row object.
    expect(hashHistory(row)).toBe('ceb9f50660e751b2949f296a98c6f2fae35ae3b440ec2b999b6cdc75ad7895de');
    expect(hashHistory({ ...row, seq: 1, fromState: null, payload: null, prevHash: GENESIS_HASH })).toBe(
      '416775911ef817857db8d2e1197519c3aabb528975b6ee814f8c8e6b72f3fca5',
    );
  });

  it('change when any field changes', () => {
    const base = hashHistory(row);
    const changes: Partial<typeof row>[] = [
      { tenantId: 'tabriz' },
      { instanceId: 'IO-2' },
      { seq: 4 },
      { at: new Date('2026-03-20T10:15:00.001Z') },
      { actorId: 'officer-2' },
      { actorRole: 'supervisor' },
      { eventType: 'approve' },
      { fromState: 'draft' },
      { toState: 'approved' },
      { definitionVersion: '2' },
      { payload: encodeJson({ question: 'Which years?' }) },
      { prevHash: 'b'.repeat(64) },
    ];
    for (const change of changes) expect(hashHistory({ ...row, ...change }), JSON.stringify(change)).not.toBe(base);
  });
});

describe('canonicalJson', () => {
  it('is JSON of the same value, with keys sorted at every depth', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const json = value as JsonValue;
        const text = canonicalJson(json);
        expect(text).toBe(plainCanonical(json));
        expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(json))); // JSON itself turns -0 into 0
        expect(canonicalJson(reversedKeys(json))).toBe(text);
      }),
    );
  });

  it('quotes strings exactly as JSON.stringify does', () => {
    const strings = ['plain-id_1', 'say "hi"', 'back\\slash', 'tab\there', '\u0000\u001f', '\u007f', 'کدام', '\u2028', '\ud800 lone', '😀', ''];
    for (const text of strings) expect(canonicalJson(text)).toBe(JSON.stringify(text));
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        expect(canonicalJson(text)).toBe(JSON.stringify(text));
      }),
    );
  });

  it('gives the same text whatever order the keys were written in', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { y: 1, x: 2 }], c: null } })).toBe(canonicalJson({ a: { c: null, d: [2, { x: 2, y: 1 }] }, b: 1 }));
  });
});

describe('encodeJson and decodeJson', () => {
  it('round-trip bigint, Date and plain JSON values', () => {
    const value = fc.letrec((tie) => ({
      leaf: fc.oneof(
        fc.string(),
        fc.double({ noNaN: true, noDefaultInfinity: true }).map((n) => (n === 0 ? 0 : n)), // JSON has no -0
        fc.boolean(),
        fc.constant(null),
        fc.bigInt(),
        fc.date({ noInvalidDate: true }),
      ),
      // Keys starting with $ are the codec's tags; __proto__ is not a key a plain object literal can hold.
      node: fc.oneof(
        { depthSize: 'small' },
        tie('leaf'),
        fc.array(tie('node'), { maxLength: 4 }),
        fc.dictionary(fc.string().filter((k) => !k.startsWith('$') && k !== '__proto__'), tie('node'), { maxKeys: 4 }),
      ),
    })).node;
    fc.assert(
      fc.property(value, (v) => {
        const encoded = encodeJson(v);
        // What is stored survives a trip through JSON text, as a database column does.
        expect(decodeJson(JSON.parse(JSON.stringify(encoded)) as JsonValue)).toEqual(v);
      }),
    );
  });

  it('drops undefined fields and stores undefined as null', () => {
    expect(encodeJson({ a: undefined, b: [undefined] })).toEqual({ b: [null] });
    expect(encodeJson(undefined)).toBeNull();
  });

  it('does not share objects with what it was given', () => {
    const input = { nested: { list: [1] } };
    const encoded = encodeJson(input) as { nested: { list: number[] } };
    encoded.nested.list.push(2);
    expect(input.nested.list).toEqual([1]);
  });

  it('names the path of a value JSON cannot hold', () => {
    expect(() => encodeJson({ a: [1, { b: Number.NaN }] })).toThrow(new TypeError('Cannot store non-finite number at "a[1].b"'));
    expect(() => encodeJson([new Map()])).toThrow(new TypeError('Cannot store a Map at "[0]"; use plain objects'));
    expect(() => encodeJson({ x: { y: () => 1 } })).toThrow(new TypeError('Cannot store a function at "x.y"'));
    expect(() => encodeJson(Symbol('s'))).toThrow(new TypeError('Cannot store a symbol at "."'));
    expect(() => encodeJson({ 'k.j': [0, [Number.POSITIVE_INFINITY]] })).toThrow(new TypeError('Cannot store non-finite number at "k.j[1][0]"'));
    expect(() => encodeJson({ $$: { "$'": Number.NaN } })).toThrow(new TypeError(`Cannot store non-finite number at "$$.$'"`));
  });
});
