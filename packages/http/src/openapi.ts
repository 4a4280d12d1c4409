/**
 * The OpenAPI 3.1 document of a handler, generated from the registered workflows: one path per
 * workflow start (its input schema) and one per event type (its fields schema, the roles that may
 * send it in the description). Schemas come from zod 4's JSON Schema conversion in input mode, so
 * they describe what a client sends (money as decimal strings, dates as ISO strings). Each schema
 * converts itself (`schema.toJSONSchema`), so this package needs no zod of its own.
 */
import type { WorkflowRegistry } from '@statdesk/core';
import { profilePaths } from './routes/profile-openapi';
import { ERROR_STATUS, type ErrorType } from './error-response';

/** A JSON Schema object (draft 2020-12, as OpenAPI 3.1 uses). */
export type JsonSchema = Record<string, unknown>;

/** A zod 4 schema, as far as the document needs it. */
interface ConvertibleSchema {
  toJSONSchema(params: { io: 'input'; unrepresentable: 'any' }): unknown;
}

/** The OpenAPI 3.1 description of the API, served at `GET /openapi.json`. */
export interface OpenApiDocument {
  /** The OpenAPI version. */
  openapi: '3.1.0';
  /** Title, version and description of the API. */
  info: { title: string; version: string; description: string };
  /** Where the API is mounted, when known. */
  servers?: { url: string }[];
  /** Operations by path and method. */
  paths: Record<string, Record<string, unknown>>;
  /** Shared schemas: the workflows' inputs and events, the error body. */
  components: { schemas: Record<string, JsonSchema> };
}

/** Options of {@link buildOpenApiDocument}. */
export interface OpenApiOptions {
  /** The document's title (default `statdesk API`). */
  title?: string;
  /** The API's version string. */
  version?: string;
  /** The URL the API is mounted at, e.g. `https://portal.example/api/statdesk`. */
  serverUrl?: string;
  /** Which routes the handler serves besides the workflow API. */
  routes?: {
    files?: boolean;
    downloads?: boolean;
    payments?: boolean;
    complaints?: boolean;
    incidents?: boolean;
    profiles?: boolean;
    reports?: boolean;
    search?: boolean;
  };
}

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: unknown) => ({ 'application/json': { schema } });

/**
 * The OpenAPI 3.1 document for the workflows a desk runs: every route, each workflow's start input and events
 * as JSON Schema derived from their zod schemas, and the error answers.
 */
export function buildOpenApiDocument(registry: WorkflowRegistry, options: OpenApiOptions = {}): OpenApiDocument {
  const components: Record<string, JsonSchema> = { ...BASE_COMPONENTS };
  const paths: OpenApiDocument['paths'] = {};
  const eventBodies: JsonSchema[] = [];

  for (const name of registry.names()) {
    const def = registry.latest(name);
    if (!def) continue;
    const input = schemaOf(def.create.schema, `${name}.input`, components);
    paths[`/workflows/${name}/instances`] = {
      post: {
        operationId: camel(`start-${name}`),
        tags: [name],
        summary: `Start a ${name}`,
        description: `Roles that may start one: ${def.create.roles.join(', ')}.`,
        parameters: [IDEMPOTENCY_KEY],
        requestBody: {
          required: true,
          content: json({ type: 'object', properties: { input, instanceId: { type: 'string', pattern: '^[A-Za-z0-9._-]{1,128}$' } }, required: def.create.schema ? ['input'] : [], additionalProperties: false }),
        },
        responses: { 201: commandResponse('Started'), 200: commandResponse('Replayed: this Idempotency-Key already started it'), ...errors('VALIDATION', 'UNAUTHENTICATED', 'NOT_ALLOWED', 'NOT_FOUND', 'CONFLICT', 'DUPLICATE_COMMAND') },
      },
      get: {
        operationId: camel(`list-${name}`),
        tags: [name],
        summary: `A page of ${name} instances (a work queue)`,
        description: `Staff (${def.readRoles.join(', ') || 'none'}) see every instance; owners (${def.ownerRoles.join(', ') || 'none'}) their own.`,
        parameters: LIST_PARAMETERS,
        responses: { 200: { description: 'One page', content: json(ref('InstancePage')) }, ...errors('VALIDATION', 'UNAUTHENTICATED', 'NOT_ALLOWED', 'NOT_FOUND') },
      },
    };
    for (const [type, spec] of Object.entries(def.events)) {
      // Internal events (SLA breaches, timers, payment findings) have no route.
      if (spec.internal) continue;
      const fields = schemaOf(spec.schema, `${name}.${type}`, components);
      eventBodies.push({ allOf: [{ type: 'object', properties: { type: { const: type } }, required: ['type'] }, fields] });
      paths[`/workflows/${name}/instances/{id}/events/${type}`] = {
        post: {
          operationId: camel(`${name}-${type}`),
          tags: [name],
          summary: `Send "${type}" to a ${name}`,
          description: [spec.description, `Roles that may send it: ${spec.roles.join(', ')}.`].filter(Boolean).join('\n\n'),
          parameters: [ID_PARAMETER, IF_MATCH, IDEMPOTENCY_KEY],
          requestBody: { required: Boolean(spec.schema), content: json(fields) },
          responses: eventResponses(),
        },
      };
    }
  }

  Object.assign(paths, genericPaths(eventBodies), optionalPaths(options.routes ?? {}));
  return {
    openapi: '3.1.0',
    info: {
      title: options.title ?? 'statdesk API',
      version: options.version ?? '1',
      description:
        'Workflows of the information-order service. Authentication is the portal\'s own (its session); every route except /public/*, /downloads/*, /payments/callback/* and /openapi.json needs a signed-in user. Amounts are whole Rial as decimal strings; instants are ISO 8601 UTC.',
    },
    ...(options.serverUrl ? { servers: [{ url: options.serverUrl }] } : {}),
    paths,
    components: { schemas: components },
  };
}

/** The JSON Schema of a zod schema; `$defs` move into `components` so every `$ref` resolves. */
export function schemaOf(schema: ConvertibleSchema | undefined, name: string, components: Record<string, JsonSchema>): JsonSchema {
  if (!schema) return { type: 'object', properties: {}, additionalProperties: false };
  let converted: JsonSchema;
  try {
    converted = schema.toJSONSchema({ io: 'input', unrepresentable: 'any' }) as JsonSchema;
  } catch {
    // A schema JSON Schema cannot express (a custom check on a cycle…) is still documented.
    return { description: `See the ${name} schema in the workflow definition` };
  }
  const { $schema: _dialect, $defs, ...rest } = converted;
  const prefix = `${name}.`;
  const rename = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(rename);
    if (value === null || typeof value !== 'object') return value;
    const out: Record<string, unknown> = {};
    for (const [key, child] of Object.entries(value)) {
      out[key] = key === '$ref' && typeof child === 'string' && child.startsWith('#/$defs/') ? `#/components/schemas/${prefix}${child.slice(8)}` : rename(child);
    }
    return out;
  };
  if ($defs && typeof $defs === 'object') {
    for (const [defName, def] of Object.entries($defs)) components[`${prefix}${defName}`] = rename(def) as JsonSchema;
  }
  return rename(rest) as JsonSchema;
}

function camel(text: string): string {
  return text.replace(/[-.]+([a-z0-9])/gi, (_m, c: string) => c.toUpperCase());
}

function errors(...types: ErrorType[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const type of types) {
    const status = String(ERROR_STATUS[type]);
    const existing = out[status] as { description: string } | undefined;
    out[status] = { description: existing ? `${existing.description} or ${type}` : type, content: json(ref('Error')) };
  }
  return out;
}

function commandResponse(description: string) {
  return { description, headers: { ETag: { description: 'The instance version, for If-Match', schema: { type: 'string' } } }, content: json(ref('CommandResult')) };
}

function eventResponses() {
  return {
    200: commandResponse('Accepted'),
    ...errors('VALIDATION', 'UNAUTHENTICATED', 'NOT_ALLOWED', 'NOT_FOUND', 'CONFLICT', 'INVALID_TRANSITION', 'DUPLICATE_COMMAND'),
  };
}

const ID_PARAMETER = { name: 'id', in: 'path', required: true, schema: { type: 'string' } };
const IF_MATCH = { name: 'If-Match', in: 'header', required: false, description: 'Refuse (409) unless the instance is at this version (its ETag)', schema: { type: 'string' } };
const IDEMPOTENCY_KEY = {
  name: 'Idempotency-Key',
  in: 'header',
  required: false,
  description: 'Repeat a command safely: the same key answers the first result; a different command under it is a 422',
  schema: { type: 'string', maxLength: 200 },
};
const LIST_PARAMETERS = [
  { name: 'state', in: 'query', schema: { type: 'string' }, description: 'Comma-separated states' },
  { name: 'status', in: 'query', schema: { enum: ['active', 'done'] } },
  { name: 'owner', in: 'query', schema: { type: 'string' }, description: 'An owner id, or "me"' },
  { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1 } },
  { name: 'cursor', in: 'query', schema: { type: 'string' } },
];

function genericPaths(eventBodies: JsonSchema[]): OpenApiDocument['paths'] {
  return {
    '/instances/{id}': {
      get: {
        operationId: 'getInstance',
        summary: "An instance as the caller may see it, with the events the caller may send now and, when bound, its SLA summary",
        parameters: [ID_PARAMETER],
        responses: { 200: { description: 'The view', content: json(ref('InstanceView')) }, ...errors('UNAUTHENTICATED', 'NOT_ALLOWED', 'NOT_FOUND') },
      },
    },
    '/instances/{id}/events': {
      post: {
        operationId: 'sendEvent',
        summary: 'Send any event by its type; the typed paths per workflow document each one',
        parameters: [ID_PARAMETER, IF_MATCH, IDEMPOTENCY_KEY],
        requestBody: { required: true, content: json(eventBodies.length ? { oneOf: eventBodies } : { type: 'object' }) },
        responses: eventResponses(),
      },
    },
    '/queue': {
      get: {
        operationId: 'workQueue',
        summary: "The caller's work queue, most urgent first (breached, then nearest deadline): open cases of workflows the caller reads that its roles may act on. Staff only",
        parameters: [
          ...['workflow', 'state', 'stateGroup', 'role', 'sla', 'createdFrom', 'createdTo', 'updatedFrom', 'updatedTo'].map((name) => ({ name, in: 'query', schema: { type: 'string' } })),
          { name: 'assignee', in: 'query', description: '"me", "none" or a staff id', schema: { type: 'string' } },
          { name: 'escalated', in: 'query', schema: { type: 'boolean' } },
          { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1 } },
          { name: 'cursor', in: 'query', schema: { type: 'string' } },
        ],
        responses: { 200: { description: 'One page of work items', content: json({ type: 'object', properties: { items: { type: 'array', items: { type: 'object' } }, nextCursor: { type: 'string' } }, required: ['items'] }) }, ...errors('VALIDATION', 'UNAUTHENTICATED', 'NOT_ALLOWED') },
      },
    },
    '/instances/{id}/assignment': {
      post: {
        operationId: 'assignInstance',
        summary: 'Claim ("me"), assign, reassign or unassign (null) an open case',
        parameters: [ID_PARAMETER, IF_MATCH, IDEMPOTENCY_KEY],
        requestBody: { required: true, content: json({ type: 'object', properties: { assignee: { type: ['string', 'null'] } }, required: ['assignee'], additionalProperties: false }) },
        responses: eventResponses(),
      },
    },
    '/instances/{id}/history': {
      get: {
        operationId: 'getHistory',
        summary: 'Every transition: who, when, event, from and to state (personal fields redacted)',
        parameters: [ID_PARAMETER],
        responses: { 200: { description: 'The history, oldest first', content: json({ type: 'object', properties: { items: { type: 'array', items: ref('HistoryEntry') } }, required: ['items'] }) }, ...errors('UNAUTHENTICATED', 'NOT_ALLOWED', 'NOT_FOUND') },
      },
    },
  };
}

function optionalPaths(routes: NonNullable<OpenApiOptions['routes']>): OpenApiDocument['paths'] {
  const paths: OpenApiDocument['paths'] = {};
  if (routes.files) {
    paths['/files'] = {
      post: {
        operationId: 'uploadFile',
        summary: 'Upload one file (multipart field "file"); its type is sniffed from the bytes',
        parameters: [{ name: 'policy', in: 'query', schema: { type: 'string' }, description: 'Upload policy name (default "default")' }],
        requestBody: { required: true, content: { 'multipart/form-data': { schema: { type: 'object', properties: { file: { type: 'string', contentMediaType: 'application/octet-stream' } }, required: ['file'] } } } },
        responses: { 201: { description: 'Stored', content: json(ref('FileReference')) }, ...errors('VALIDATION', 'UNAUTHENTICATED', 'PAYLOAD_TOO_LARGE', 'UNSUPPORTED_MEDIA_TYPE') },
      },
    };
  }
  if (routes.downloads) {
    paths['/downloads/{token}'] = {
      get: {
        operationId: 'download',
        summary: 'Download a delivered file by its link token (rate limited)',
        parameters: [{ name: 'token', in: 'path', required: true, schema: { type: 'string' } }],
        responses: { 200: { description: 'The file', content: { 'application/octet-stream': {} } }, ...errors('NOT_FOUND', 'RATE_LIMITED') },
      },
    };
  }
  if (routes.payments) {
    paths['/payments/callback/{gateway}'] = {
      get: {
        operationId: 'paymentCallback',
        summary: 'Where the card gateway sends the browser back',
        parameters: [
          { name: 'gateway', in: 'path', required: true, schema: { type: 'string' } },
          { name: 'Authority', in: 'query', schema: { type: 'string' } },
          { name: 'Status', in: 'query', schema: { enum: ['OK', 'NOK'] } },
        ],
        responses: { 303: { description: 'On to the portal page the payment belongs to' }, ...errors('VALIDATION', 'NOT_FOUND') },
      },
    };
  }
  if (routes.complaints) {
    paths['/public/complaints/lookup'] = {
      post: {
        operationId: 'lookupComplaint',
        summary: 'Status of a message by its tracking code (and complaint code); rate limited',
        requestBody: { required: true, content: json({ type: 'object', properties: { trackingCode: { type: 'string' }, complaintCode: { type: 'string' } }, required: ['trackingCode'], additionalProperties: false }) },
        responses: { 200: { description: 'The citizen-safe view' }, ...errors('VALIDATION', 'NOT_FOUND', 'RATE_LIMITED') },
      },
    };
  }
  if (routes.profiles) Object.assign(paths, profilePaths(errors));
  if (routes.incidents) {
    paths['/public/incidents'] = {
      get: { operationId: 'incidentStatus', summary: 'Service incident status (rate limited)', responses: { 200: { description: 'Citizen-safe status' }, ...errors('RATE_LIMITED') } },
    };
  }
  if (routes.reports) {
    paths['/reports/{kind}'] = {
      get: {
        operationId: 'getReport',
        summary: 'A report for Solar Hijri months (supervisors and finance staff): JSON, CSV (UTF-8 with BOM) or XLSX',
        parameters: [
          { name: 'kind', in: 'path', required: true, schema: { enum: ['sla', 'volumes', 'revenue', 'satisfaction'] } },
          { name: 'from', in: 'query', required: true, schema: { type: 'string', pattern: '^[0-9]{4}-[0-9]{2}$' }, description: 'First month, e.g. 1405-09' },
          { name: 'to', in: 'query', schema: { type: 'string' }, description: 'Last month (default: from)' },
          { name: 'format', in: 'query', schema: { enum: ['json', 'csv', 'xlsx'] } },
          { name: 'lang', in: 'query', schema: { enum: ['fa', 'en'] } },
        ],
        responses: {
          200: { description: 'The report', content: { 'application/json': {}, 'text/csv': {}, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {} } },
          ...errors('VALIDATION', 'UNAUTHENTICATED', 'NOT_ALLOWED', 'NOT_FOUND'),
        },
      },
    };
  }
  if (routes.search) {
    paths['/search'] = {
      get: {
        operationId: 'searchCases',
        summary: 'Staff search by order number, tracking code, receipt tracking number or national ID',
        parameters: [
          { name: 'by', in: 'query', required: true, schema: { enum: ['order', 'tracking', 'receipt', 'nationalId'] } },
          { name: 'q', in: 'query', required: true, schema: { type: 'string', maxLength: 100 } },
        ],
        responses: { 200: { description: 'The cases this reader may see', content: json({ type: 'object', properties: { items: { type: 'array', items: ref('InstanceView') } }, required: ['items'] }) }, ...errors('VALIDATION', 'UNAUTHENTICATED', 'NOT_ALLOWED') },
      },
    };
  }
  return paths;
}

const LOCALIZED_TEXT: JsonSchema = { type: 'object', properties: { fa: { type: 'string' }, en: { type: 'string' } }, required: ['fa', 'en'] };

const BASE_COMPONENTS: Record<string, JsonSchema> = {
  Error: {
    type: 'object',
    properties: {
      type: { enum: Object.keys(ERROR_STATUS) },
      message: { type: 'string' },
      issues: {
        type: 'array',
        items: {
          type: 'object',
          properties: { path: { type: 'string' }, message: { type: 'string' }, code: { type: 'string' }, params: { type: 'object' }, messages: LOCALIZED_TEXT },
          required: ['path', 'message'],
        },
      },
      errorId: { type: 'string' },
      reason: { type: 'string' },
      path: { type: 'string' },
      params: { type: 'object', additionalProperties: { type: ['string', 'number'] } },
      messages: LOCALIZED_TEXT,
    },
    required: ['type', 'message'],
  },
  CommandResult: {
    type: 'object',
    properties: {
      tenantId: { type: 'string' },
      instanceId: { type: 'string' },
      workflow: { type: 'string' },
      definitionVersion: { type: 'string' },
      state: { type: 'string' },
      status: { enum: ['active', 'done'] },
      version: { type: 'integer' },
      historySeq: { type: 'integer' },
      replayed: { type: 'boolean' },
    },
    required: ['tenantId', 'instanceId', 'workflow', 'definitionVersion', 'state', 'status', 'version', 'historySeq', 'replayed'],
  },
  InstanceView: {
    type: 'object',
    properties: {
      tenantId: { type: 'string' },
      id: { type: 'string' },
      workflow: { type: 'string' },
      definitionVersion: { type: 'string' },
      state: { type: 'string' },
      status: { enum: ['active', 'done'] },
      version: { type: 'integer' },
      ownerId: { type: ['string', 'null'] },
      createdAt: { type: 'string', format: 'date-time' },
      updatedAt: { type: 'string', format: 'date-time' },
      data: { description: "The workflow's view for this reader" },
      availableEvents: { type: 'array', items: { type: 'string' } },
      sla: { description: 'SLA summary (urgency, next deadline, breaches) when the workflow is bound to a policy' },
    },
    required: ['tenantId', 'id', 'workflow', 'definitionVersion', 'state', 'status', 'version', 'createdAt', 'updatedAt', 'availableEvents'],
  },
  InstancePage: {
    type: 'object',
    properties: { items: { type: 'array', items: ref('InstanceView') }, nextCursor: { type: 'string' } },
    required: ['items'],
  },
  HistoryEntry: {
    type: 'object',
    properties: {
      seq: { type: 'integer' },
      at: { type: 'string', format: 'date-time' },
      actorId: { type: 'string' },
      actorRole: { type: 'string' },
      eventType: { type: 'string' },
      fromState: { type: ['string', 'null'] },
      toState: { type: 'string' },
      definitionVersion: { type: 'string' },
      payload: {},
    },
    required: ['seq', 'at', 'actorId', 'actorRole', 'eventType', 'toState', 'definitionVersion'],
  },
  FileReference: {
    type: 'object',
    properties: { key: { type: 'string' }, sha256: { type: 'string', pattern: '^[0-9a-f]{64}$' }, size: { type: 'integer' }, contentType: { type: 'string' } },
    required: ['key', 'sha256', 'size', 'contentType'],
  },
};

