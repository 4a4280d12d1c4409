/**
 * Staff work queues and assignment over HTTP. The desk decides who may see which queue (staff:
 * the workflows they read, the items their roles may act on; citizens: none) and who may assign.
 */
import { ValidationError } from '@statdesk/core';
import { jsonResponse } from '../json';
import { parseQueueQuery } from '../queue-query';
import { readJsonObject } from '../read-json-body';
import type { RequestScope } from '../request-scope';
import { expectedVersionFrom, versionTag } from '../version-header';
import { idempotencyKeyOf } from './workflow-routes';

/** `GET /queue?…`: one page of the caller's work queue, most urgent first (see `parseQueueQuery`). */
export async function workQueue(scope: RequestScope): Promise<Response> {
  const identity = await scope.requireIdentity();
  const query = parseQueueQuery(scope.url.searchParams, scope.runtime.maxPageSize, identity.tenantId, identity.actor.id);
  const page = await scope.runtime.desk.queue(query, identity.actor);
  return jsonResponse(200, page, { 'cache-control': 'no-store' });
}

/** `POST /instances/:id/assignment` with `{ assignee: "<staff id>" | "me" | null }`: claim, assign, reassign or unassign. */
export async function assignInstance(scope: RequestScope): Promise<Response> {
  const identity = await scope.requireIdentity();
  const body = await readJsonObject(scope.request, scope.runtime.maxJsonBytes);
  const { assignee, ...unknown } = body;
  const extra = Object.keys(unknown);
  if (extra.length) throw new ValidationError('assignment', extra.map((path) => ({ path, message: 'is not expected here; send only "assignee"', code: 'unrecognized_key' })));
  if (assignee !== null && typeof assignee !== 'string') {
    throw new ValidationError('assignment', [{ path: 'assignee', message: 'must be a staff id, "me" or null', code: 'invalid_type' }]);
  }
  const expectedVersion = expectedVersionFrom(scope.request.headers.get('if-match'));
  const idempotencyKey = idempotencyKeyOf(scope.request);
  const result = await scope.runtime.desk.assign({
    tenantId: identity.tenantId,
    instanceId: scope.param('id'),
    actor: identity.actor,
    assignee: assignee === 'me' ? identity.actor.id : assignee,
    ...(expectedVersion !== undefined ? { expectedVersion } : {}),
    ...(idempotencyKey ? { idempotencyKey } : {}),
  });
  return jsonResponse(200, result, { etag: versionTag(result.version), ...(result.replayed ? { 'idempotent-replayed': 'true' } : {}) });
}
