/**
 * The JSON API over the desk, generic over every registered workflow: start, send, get, list
 * (work queues), history. Every route needs a signed-in caller; the desk checks the roles.
 */
import { isStatdeskError, NotFoundError, systemActor, ValidationError, type CommandResult, type HistoryEntry, type InstanceView, type SlaWorkflowDefinition, type WorkflowDefinition } from '@statdesk/core';
import { checkClientEventType } from '../client-events';
import { jsonResponse } from '../json';
import { parseListQuery } from '../list-query';
import type { ApiInstanceView, Identity } from '../options';
import { readJsonObject } from '../read-json-body';
import type { RequestScope } from '../request-scope';
import { expectedVersionFrom, versionTag } from '../version-header';

const MAX_IDEMPOTENCY_KEY_LENGTH = 200;

/** `POST /workflows/:workflow/instances` with `{ input, instanceId? }`. */
export async function startInstance(scope: RequestScope): Promise<Response> {
  const { desk } = scope.runtime;
  const identity = await scope.requireIdentity();
  const workflow = knownWorkflow(scope, scope.param('workflow'));
  const body = await readJsonObject(scope.request, scope.runtime.maxJsonBytes);
  const { input, instanceId, ...unknown } = body;
  rejectUnknownFields(unknown, 'start body', 'put the workflow input under "input"');
  if (instanceId !== undefined && (typeof instanceId !== 'string' || !/^[A-Za-z0-9._-]{1,128}$/.test(instanceId))) {
    throw new ValidationError('start body', [{ path: 'instanceId', message: 'must be 1–128 letters, digits, ".", "_" or "-"', code: 'invalid_string' }]);
  }
  const idempotencyKey = idempotencyKeyOf(scope.request);
  const result = await desk.create({
    tenantId: identity.tenantId,
    workflow: workflow.name,
    actor: identity.actor,
    input,
    ...(typeof instanceId === 'string' ? { instanceId } : {}),
    ...(idempotencyKey ? { idempotencyKey } : {}),
  });
  return commandResponse(result, result.replayed ? 200 : 201, scope);
}

/** `POST /instances/:id/events` with `{ type, ...fields }`. */
export async function sendEvent(scope: RequestScope): Promise<Response> {
  const identity = await scope.requireIdentity();
  const body = await readJsonObject(scope.request, scope.runtime.maxJsonBytes);
  const { type, expectedVersion, ...fields } = body;
  if (typeof type !== 'string' || type.length === 0) {
    throw new ValidationError('event', [{ path: 'type', message: 'an event needs a type (a string)', code: 'invalid_type' }]);
  }
  checkClientEventType(scope.runtime.desk.registry, type);
  return send(scope, identity, scope.param('id'), { type, ...fields }, expectedVersion);
}

/** `POST /workflows/:workflow/instances/:id/events/:type` with the event's fields. */
export async function sendTypedEvent(scope: RequestScope): Promise<Response> {
  const identity = await scope.requireIdentity();
  const workflow = knownWorkflow(scope, scope.param('workflow'));
  const instanceId = scope.param('id');
  const body = await readJsonObject(scope.request, scope.runtime.maxJsonBytes);
  const { expectedVersion, type: _ignored, ...fields } = body;
  // Before the instance is read: a type the workflow does not take from clients costs no storage.
  checkClientEventType(scope.runtime.desk.registry, scope.param('type'), workflow.name);
  // The path names the workflow: an instance of another one is "not found" here, whoever asks.
  const instance = await scope.runtime.desk
    .get({ tenantId: identity.tenantId, instanceId }, systemActor)
    .catch((error: unknown) => (isStatdeskError(error, 'NOT_FOUND') ? undefined : Promise.reject(error)));
  if (!instance || instance.workflow !== workflow.name) throw new NotFoundError('instance', instanceId);
  return send(scope, identity, instanceId, { type: scope.param('type'), ...fields }, expectedVersion);
}

async function send(scope: RequestScope, identity: Identity, instanceId: string, event: { type: string } & Record<string, unknown>, bodyVersion: unknown): Promise<Response> {
  const expectedVersion = expectedVersionOf(scope.request, bodyVersion);
  const idempotencyKey = idempotencyKeyOf(scope.request);
  const result = await scope.runtime.desk.send({
    tenantId: identity.tenantId,
    instanceId,
    actor: identity.actor,
    event,
    ...(expectedVersion !== undefined ? { expectedVersion } : {}),
    ...(idempotencyKey ? { idempotencyKey } : {}),
  });
  return commandResponse(result, 200, scope);
}

/** `GET /instances/:id`: the reader's view, with `sla` when the workflow has an SLA policy. */
export async function getInstance(scope: RequestScope): Promise<Response> {
  const identity = await scope.requireIdentity();
  // One load of the instance serves the view and, for the SLA summary, its history.
  const { view, history } = await scope.runtime.desk.read({ tenantId: identity.tenantId, instanceId: scope.param('id') }, identity.actor);
  const presented = await presentView(scope, identity, view, history);
  return jsonResponse(200, presented, { etag: versionTag(view.version) });
}

/** `GET /workflows/:workflow/instances?state=&status=&owner=&limit=&cursor=`: one bounded page. */
export async function listInstances(scope: RequestScope): Promise<Response> {
  const identity = await scope.requireIdentity();
  const workflow = knownWorkflow(scope, scope.param('workflow'));
  const query = parseListQuery(scope.url.searchParams, scope.runtime.maxPageSize);
  const owner = query.owner === 'me' ? identity.actor.id : query.owner;
  const page = await scope.runtime.desk.list(
    {
      tenantId: identity.tenantId,
      workflow: workflow.name,
      limit: query.limit,
      ...(query.states ? { states: query.states } : {}),
      ...(query.status ? { status: query.status } : {}),
      ...(owner !== undefined ? { ownerId: owner } : {}),
      ...(query.cursor ? { cursor: query.cursor } : {}),
    },
    identity.actor,
  );
  const items = await Promise.all(
    page.items.map((view) => presentView(scope, identity, view, () => scope.runtime.desk.history({ tenantId: view.tenantId, instanceId: view.id }, identity.actor))),
  );
  return jsonResponse(200, { items, ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}) });
}

/** `GET /instances/:id/history`: who did what when (personal fields already redacted). */
export async function getHistory(scope: RequestScope): Promise<Response> {
  const identity = await scope.requireIdentity();
  const items = await scope.runtime.desk.history({ tenantId: identity.tenantId, instanceId: scope.param('id') }, identity.actor);
  return jsonResponse(200, { items });
}

/** The API's view: the desk's, with the SLA summary (the history is read only for SLA-bound workflows) and the portal's decoration. */
async function presentView(scope: RequestScope, identity: Identity, view: InstanceView, history: () => Promise<HistoryEntry[]>): Promise<ApiInstanceView> {
  const { desk, options } = scope.runtime;
  let out: ApiInstanceView = { ...view };
  const definition = desk.registry.get(view.workflow, view.definitionVersion);
  if (hasSla(definition)) out.sla = definition.sla.summary(await history(), desk.clock.now());
  if (options.decorateView) out = await options.decorateView(out, { identity, now: desk.clock.now() });
  return out;
}

function hasSla(definition: WorkflowDefinition): definition is SlaWorkflowDefinition {
  return 'sla' in definition && typeof (definition as Partial<SlaWorkflowDefinition>).sla?.summary === 'function';
}

function commandResponse(result: CommandResult, status: number, scope: RequestScope): Response {
  const headers: Record<string, string> = { etag: versionTag(result.version) };
  if (status === 201) headers.location = `${basePathOf(scope)}/instances/${encodeURIComponent(result.instanceId)}`;
  if (result.replayed) headers['idempotent-replayed'] = 'true';
  return jsonResponse(status, result, headers);
}

function basePathOf(scope: RequestScope): string {
  // The handler puts the normalised mount path (no trailing slash) here.
  return scope.info.basePath ?? '';
}

function knownWorkflow(scope: RequestScope, name: string): WorkflowDefinition {
  const definition = scope.runtime.desk.registry.latest(name);
  if (!definition) throw new NotFoundError('workflow', name);
  return definition;
}

export function idempotencyKeyOf(request: Request): string | undefined {
  const key = request.headers.get('idempotency-key');
  if (key === null) return undefined;
  const trimmed = key.trim();
  if (!trimmed || trimmed.length > MAX_IDEMPOTENCY_KEY_LENGTH) {
    throw new ValidationError('request headers', [
      { path: 'Idempotency-Key', message: `must be 1–${MAX_IDEMPOTENCY_KEY_LENGTH} characters`, code: 'invalid_string' },
    ]);
  }
  return trimmed;
}

/** `If-Match` or the body's `expectedVersion`; both at once must agree. */
function expectedVersionOf(request: Request, bodyVersion: unknown): number | undefined {
  const fromHeader = expectedVersionFrom(request.headers.get('if-match'));
  if (bodyVersion === undefined) return fromHeader;
  if (typeof bodyVersion !== 'number' || !Number.isInteger(bodyVersion) || bodyVersion < 0) {
    throw new ValidationError('event', [{ path: 'expectedVersion', message: 'must be a whole number', code: 'invalid_type' }]);
  }
  if (fromHeader !== undefined && fromHeader !== bodyVersion) {
    throw new ValidationError('event', [{ path: 'expectedVersion', message: `disagrees with If-Match (${fromHeader})`, code: 'conflicting_version' }]);
  }
  return bodyVersion;
}

function rejectUnknownFields(fields: Record<string, unknown>, subject: string, hint: string): void {
  const names = Object.keys(fields);
  if (names.length) throw new ValidationError(subject, names.map((path) => ({ path, message: `is not expected here; ${hint}`, code: 'unrecognized_key' })));
}
