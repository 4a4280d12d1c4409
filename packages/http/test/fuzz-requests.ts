/**
 * fast-check arbitraries for whole HTTP requests against the statdesk handler: methods, paths
 * (known routes with hostile segments, and random ones), query strings, headers (identity,
 * tenant, content type, idempotency key, If-Match), and bodies (JSON shaped like the workflows'
 * own events and inputs with wrong values, JSON of any shape, broken JSON, raw bytes, multipart
 * uploads of disguised files under hostile names, and oversized bodies).
 */
import type { WorkflowDefinition } from '@statdesk/core';
import fc from 'fast-check';
import { z } from 'zod';
import { HOME_TENANT, OTHER, OTHER_TENANT, OWNER, fixtureId, missingId, rolesOf } from './shipped-desk';
import { ORIGIN, pdfBytes, pngBytes } from './support';

/** A request as data (so a failing case prints readably), turned into a `Request` by `toRequest`. */
export interface FuzzRequest {
  method: string;
  path: string;
  query: [string, string][];
  headers: [string, string][];
  body: FuzzBody;
}

export type FuzzBody =
  | { kind: 'none' }
  | { kind: 'json'; value: unknown }
  | { kind: 'text'; text: string; contentType: string | null }
  | { kind: 'bytes'; bytes: Uint8Array; contentType: string | null }
  | { kind: 'multipart'; parts: FuzzPart[] }
  | { kind: 'raw-multipart'; boundary: string; text: string };

export type FuzzPart = { name: string; file: Uint8Array; filename: string; type: string } | { name: string; value: string };

/** Header values must be ByteStrings without CR, LF or NUL: printable Latin-1. */
const headerText = (maxLength = 60) =>
  fc.string({ unit: fc.integer({ min: 0x20, max: 0xff }).filter((c) => c !== 0x7f).map((c) => String.fromCharCode(c)), maxLength });

/** Strings that have broken parsers before: traversal, encodings, controls, bidi tricks, size. */
const hostileText = fc.constantFrom(
  '',
  ' ',
  '..',
  '../../etc/passwd',
  '..\\..\\windows\\win.ini',
  '/etc/passwd',
  'C:\\boot.ini',
  'a\u0000b',
  '%00',
  '%2e%2e%2f',
  '\u202egpj.exe',
  'ｆｕｌｌｗｉｄｔｈ',
  '__proto__',
  'constructor',
  'toString',
  'NaN',
  '-1',
  '1e309',
  '9007199254740993',
  '<script>alert(1)</script>',
  "' OR 1=1 --",
  '${jndi:ldap://x}',
  'x'.repeat(5_000),
  '۱۲۳۴۵۶۷۸۹۰',
  '\ud800',
  '😀'.repeat(40),
);

const anyText = fc.oneof(fc.string({ maxLength: 40 }), fc.string({ unit: 'grapheme', maxLength: 20 }), hostileText);

/** Percent-encoded text; a lone surrogate becomes the UTF-8 bytes of one, which must not decode. */
function encodeSegment(text: string): string {
  try {
    return encodeURIComponent(text);
  } catch {
    return '%ED%A0%80';
  }
}

/** A path segment: meaningful values, hostile ones, and percent-encodings that may not decode. */
function segment(meaningful: readonly string[]) {
  return fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...meaningful) },
    { weight: 2, arbitrary: anyText.map(encodeSegment) },
    { weight: 1, arbitrary: fc.constantFrom('%', '%ZZ', '%E0%A4%A', '%00', '..', '.', '%2F', '%2e%2e', 'a%2Fb') },
  );
}

export interface FuzzWorld {
  workflows: readonly WorkflowDefinition[];
  codes: { trackingCode: string; complaintCode: string };
}

/** Field names of an object schema (unwrapping optional/default wrappers), for shaped bodies. */
function fieldsOf(schema: unknown): string[] {
  let current = schema as z.ZodType | undefined;
  for (let i = 0; i < 5 && current; i++) {
    if (current instanceof z.ZodObject) return Object.keys(current.shape);
    const inner = (current as { unwrap?: () => z.ZodType }).unwrap;
    current = typeof inner === 'function' ? inner.call(current) : undefined;
  }
  return [];
}

/** Values of every JSON kind, biased to the edges a schema must refuse (or accept). */
const fieldValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: anyText },
  { weight: 2, arbitrary: fc.oneof(fc.integer(), fc.double(), fc.constantFrom(0, -1, 1e21, Number.MAX_SAFE_INTEGER + 2)) },
  { weight: 1, arbitrary: fc.constantFrom(null, true, false, [], {}) },
  { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  {
    weight: 1,
    arbitrary: fc.record({ key: anyText, sha256: fc.constantFrom('0'.repeat(64), 'zz'), size: fc.integer(), contentType: anyText }, { requiredKeys: [] }),
  },
);

/** An object whose keys are mostly the schema's own fields, with values of any kind. */
function shapedObject(fields: readonly string[]) {
  const keys = fields.length ? fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...fields) }, { weight: 1, arbitrary: anyText }) : anyText;
  return fc.dictionary(keys, fieldValue, { maxKeys: 6 });
}

export function fuzzRequest(world: FuzzWorld): fc.Arbitrary<FuzzRequest> {
  const names = world.workflows.map((w) => w.name);
  // Every declared type (internal ones too) and every name Object.prototype answers to.
  const eventTypes = [...new Set([...world.workflows.flatMap((w) => Object.keys(w.events)), ...Object.getOwnPropertyNames(Object.prototype)])];
  // Mostly records that exist, so requests reach authorisation, validation and the machines.
  const ids = names.flatMap((n) => [fixtureId(n), fixtureId(n), fixtureId(n), missingId(n)]);
  const roles = rolesOf(world.workflows);

  const eventBody = fc.oneof(
    ...world.workflows.flatMap((def) =>
      Object.entries(def.events).map(([type, spec]) =>
        fc.tuple(shapedObject(fieldsOf(spec.schema)), fc.option(fieldValue, { nil: undefined })).map(([fields, expectedVersion]) => ({
          ...fields,
          type,
          ...(expectedVersion === undefined ? {} : { expectedVersion }),
        })),
      ),
    ),
  );
  const startBody = fc.oneof(
    ...world.workflows.map((def) =>
      fc.record(
        {
          input: fc.oneof(
            shapedObject(fieldsOf(def.create.schema)),
            // One level deeper for nested inputs: an order's request, a shop order's lines.
            fc.record({ request: shapedObject(['subject', 'description', 'geography', 'period', 'format']) }),
            fc.record({ lines: fc.array(fc.record({ productId: fc.oneof(fc.constantFrom('census-tables', 'yearbook'), anyText), quantity: fieldValue }), { maxLength: 4 }) }),
            fieldValue,
          ),
          instanceId: fc.oneof(fc.constantFrom(...ids), anyText, fieldValue),
        },
        { requiredKeys: [] },
      ),
    ),
  );
  const lookupBody = fc.record(
    {
      trackingCode: fc.oneof(fc.constant(world.codes.trackingCode), fc.stringMatching(/^[0-9]{12}$/), fieldValue),
      complaintCode: fc.oneof(fc.constant(world.codes.complaintCode), fc.stringMatching(/^[0-9]{8}$/), fieldValue),
      extra: fieldValue,
    },
    { requiredKeys: [] },
  );

  const prototypeEvent = fc.record({ type: fc.constantFrom(...Object.getOwnPropertyNames(Object.prototype)), reason: anyText });
  const jsonBody: fc.Arbitrary<FuzzBody> = fc
    .oneof(
      { weight: 4, arbitrary: eventBody },
      { weight: 3, arbitrary: startBody },
      { weight: 1, arbitrary: lookupBody },
      { weight: 1, arbitrary: prototypeEvent },
      { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 4 }) },
    )
    .map((value) => ({ kind: 'json' as const, value }));

  const contentType = fc.option(
    fc.oneof(
      fc.constantFrom(
        'application/json',
        'application/json; charset=utf-8',
        'application/json; charset=latin1',
        'application/json; charset="klingon"',
        'application/x+json',
        'text/plain',
        'multipart/form-data',
        'application/x-www-form-urlencoded',
        'application/octet-stream',
      ),
      headerText(40),
    ),
    { nil: null },
  );

  const fileBytes = fc.oneof(
    fc.integer({ min: 70, max: 20_000 }).map((n) => pdfBytes(n)),
    fc.integer({ min: 70, max: 20_000 }).map((n) => pngBytes(n)),
    fc.uint8Array({ maxLength: 5_000 }),
    fc.constantFrom(
      new TextEncoder().encode('<!doctype html><html><script>alert(document.cookie)</script></html>'),
      new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(2)</script></svg>'),
      new Uint8Array([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0xff, 0xff, 0x00, 0x00, ...new Array<number>(200).fill(0)]),
      new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, ...new Array<number>(120).fill(0)]),
      new TextEncoder().encode('#!/bin/sh\nrm -rf /\n'),
      new Uint8Array(0),
    ),
  );
  const part: fc.Arbitrary<FuzzPart> = fc.oneof(
    {
      weight: 3,
      arbitrary: fc.record({
        name: fc.oneof(fc.constant('file'), anyText),
        file: fileBytes,
        filename: fc.oneof(hostileText, anyText, fc.constantFrom('receipt.pdf', 'photo.PNG', 'invoice.pdf.exe', 'index.html', 'image.svg')),
        type: fc.oneof(fc.constantFrom('application/pdf', 'image/png', 'text/html', 'image/svg+xml', 'application/x-msdownload', 'application/octet-stream', ''), headerText(30)),
      }),
    },
    { weight: 1, arbitrary: fc.record({ name: anyText, value: anyText }) },
  );
  const body: fc.Arbitrary<FuzzBody> = fc.oneof(
    { weight: 1, arbitrary: fc.constant({ kind: 'none' as const }) },
    { weight: 8, arbitrary: jsonBody },
    {
      weight: 2,
      arbitrary: fc.record({
        kind: fc.constant('text' as const),
        text: fc.oneof(
          fc.constantFrom('{', '{"type":', '[1,2', 'null', '"x"', '{"type":"submit"}x', '\u0000', 'x'.repeat(70_000)),
          // Deep nesting, non-finite numbers, escaped NULs and lone surrogates: each a 400 before any hashing.
          fc.constantFrom(
            `{"type":"cancel","reason":${'['.repeat(10_000)}${']'.repeat(10_000)}}`,
            `{"input":${'{"a":'.repeat(3_000)}1${'}'.repeat(3_000)}}`,
            '{"type":"cancel","reason":1e999}',
            '{"input":{"amountRial":-1e999}}',
            '{"type":"cancel","reason":"a\\u0000b"}',
            '{"type":"cancel","reason":"a\\ud800b"}',
            '{"type":"__proto__","reason":"x"}',
            '{"type":"constructor"}',
            '{"type":"sla.breach","target":"stage1-answer","dueAt":"2025-01-01T00:00:00Z"}',
          ),
          fc.string({ maxLength: 200 }),
        ),
        contentType,
      }),
    },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('bytes' as const), bytes: fc.uint8Array({ maxLength: 2_000 }), contentType }) },
    { weight: 3, arbitrary: fc.record({ kind: fc.constant('multipart' as const), parts: fc.array(part, { minLength: 0, maxLength: 3 }) }) },
    {
      weight: 1,
      arbitrary: fc.record({
        kind: fc.constant('raw-multipart' as const),
        boundary: fc.oneof(fc.constant('XyZ'), fc.constant(''), headerText(80)),
        text: fc.oneof(
          fc.constant('--XyZ\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4\r\n'),
          fc.constant('--XyZ\r\nContent-Disposition: form-data; name="file"; filename="../../x"\r\n\r\n%PDF-1.4 body\r\n--XyZ--\r\n'),
          fc.string({ maxLength: 300 }),
        ),
      }),
    },
  );

  // Each route with its own method mostly, so requests get past routing; any method sometimes.
  const anyMethod = fc.constantFrom('GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS');
  const route = (methodOf: string, path: fc.Arbitrary<string>) => fc.tuple(fc.oneof({ weight: 6, arbitrary: fc.constant(methodOf) }, { weight: 1, arbitrary: anyMethod }), path);
  const target = fc.oneof(
    route('POST', segment(names).map((w) => `/workflows/${w}/instances`)),
    route('GET', segment(names).map((w) => `/workflows/${w}/instances`)),
    route('POST', fc.tuple(segment(names), segment(ids), segment(eventTypes)).map(([w, id, type]) => `/workflows/${w}/instances/${id}/events/${type}`)),
    route('GET', segment(ids).map((id) => `/instances/${id}`)),
    route('POST', segment(ids).map((id) => `/instances/${id}/events`)),
    route('GET', segment(ids).map((id) => `/instances/${id}/history`)),
    route('POST', fc.constant('/files')),
    route('GET', segment(['fixture-token', 'nope']).map((token) => `/downloads/${token}`)),
    route('GET', segment(['zarinpal', 'unknown']).map((gateway) => `/payments/callback/${gateway}`)),
    route('POST', fc.constant('/public/complaints/lookup')),
    route('GET', fc.constantFrom('/public/incidents', '/openapi.json', '/', '//', '/instances', '/instances/')),
    fc.tuple(anyMethod, fc.array(segment(['instances', 'workflows', 'events', 'files', ...names]), { maxLength: 6 }).map((s) => `/${s.join('/')}`)),
  );
  const query = fc.array(
    fc.tuple(
      fc.oneof(fc.constantFrom('limit', 'cursor', 'state', 'status', 'owner', 'policy', 'Authority', 'Status', 'payment'), anyText),
      fc.oneof(fc.constantFrom('me', '0', '-5', '101', '1e3', 'default', 'receipt', 'active', 'done', 'draft', 'OK', 'NOK', OWNER), anyText),
    ),
    { maxLength: 4 },
  );
  const identity = fc.oneof(
    { weight: 6, arbitrary: fc.tuple(fc.constantFrom(OWNER, OTHER, 'staff-1'), fc.subarray(roles, { maxLength: 2 })).map(([id, r]) => `${id}:${r.join(',')}`) },
    { weight: 1, arbitrary: headerText(40) },
  );
  const headers = fc
    .record(
      {
        'x-test-user': identity,
        'x-test-tenant': fc.oneof(fc.constantFrom(HOME_TENANT, HOME_TENANT, OTHER_TENANT), headerText(20)),
        'idempotency-key': fc.oneof(headerText(40), fc.constant('k'.repeat(300))),
        'if-match': fc.oneof(fc.constantFrom('"0"', '"1"', 'W/"1"', '*', '"-1"', '"1e3"'), headerText(20)),
        'content-type': fc.oneof(fc.constantFrom('application/json', 'text/plain'), headerText(40)),
        'content-length': fc.constantFrom('0', '5', '999999999', '-1', 'abc'),
        'content-encoding': fc.constantFrom('gzip', 'br', 'identity', 'x-bogus', ''),
        accept: headerText(20),
      },
      { requiredKeys: [] },
    )
    .map((h) => Object.entries(h) as [string, string][]);

  return fc.record({ target, query, headers, body }).map(({ target: [method, path], ...rest }) => ({ method, path, ...rest }));
}

/** The request the data describes. Bodies go only with methods that may carry one. */
export function toRequest(spec: FuzzRequest): Request {
  const url = new URL(`${ORIGIN}${spec.path}`);
  for (const [key, value] of spec.query) url.searchParams.append(key, value);
  const headers = new Headers();
  for (const [name, value] of spec.headers) headers.set(name, value);
  const init: RequestInit & { duplex?: 'half' } = { method: spec.method, headers };
  if (spec.method !== 'GET' && spec.method !== 'HEAD') {
    const { body } = spec;
    switch (body.kind) {
      case 'none':
        break;
      case 'json':
        init.body = JSON.stringify(body.value);
        if (!headers.has('content-type')) headers.set('content-type', 'application/json');
        break;
      case 'text':
      case 'bytes':
        init.body = body.kind === 'text' ? body.text : body.bytes;
        if (body.contentType !== null) headers.set('content-type', body.contentType);
        break;
      case 'multipart': {
        const form = new FormData();
        for (const p of body.parts) {
          if ('file' in p) form.append(p.name, new Blob([p.file], { type: p.type }), p.filename);
          else form.append(p.name, p.value);
        }
        init.body = form;
        // FormData sets its own multipart Content-Type with the boundary.
        headers.delete('content-type');
        break;
      }
      case 'raw-multipart':
        init.body = body.text;
        headers.set('content-type', `multipart/form-data; boundary=${body.boundary}`);
        break;
    }
  }
  return new Request(url, init);
}
