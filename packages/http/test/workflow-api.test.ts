import { describe, expect, it } from 'vitest';
import { APPLICANT, OFFICER, OTHER_APPLICANT, TENANT, jsonRequest, reviewInput, setup } from './support';

async function start(handler: ReturnType<typeof setup>['handler'], headers: Record<string, string> = {}) {
  const response = await handler(jsonRequest('POST', '/workflows/review/instances', { input: reviewInput }, { 'x-test-user': APPLICANT, ...headers }));
  return { response, body: (await response.json()) as { instanceId: string; version: number; state: string; replayed: boolean } };
}

describe('workflow API through the Fetch handler', () => {
  it('starts, sends, reads, lists and shows history', async () => {
    const { handler } = setup();
    const { response, body } = await start(handler);
    expect(response.status).toBe(201);
    expect(response.headers.get('location')).toBe(`/instances/${body.instanceId}`);
    expect(response.headers.get('etag')).toBe(`"${body.version}"`);
    expect(body).toMatchObject({ workflow: 'review', state: 'draft', status: 'active', replayed: false });

    const submitted = await handler(jsonRequest('POST', `/instances/${body.instanceId}/events`, { type: 'submit' }, { 'x-test-user': APPLICANT }));
    expect(submitted.status).toBe(200);
    expect(await submitted.json()).toMatchObject({ state: 'submitted', version: body.version + 1 });

    const asked = await handler(
      jsonRequest('POST', `/workflows/review/instances/${body.instanceId}/events/requestInfo`, { question: 'Which province?' }, { 'x-test-user': OFFICER }),
    );
    expect(asked.status).toBe(200);
    expect(await asked.json()).toMatchObject({ state: 'awaitingApplicant' });

    const got = await handler(jsonRequest('GET', `/instances/${body.instanceId}`, undefined, { 'x-test-user': APPLICANT }));
    expect(got.status).toBe(200);
    const view = (await got.json()) as Record<string, unknown> & { data: { context: Record<string, unknown> } };
    expect(view).toMatchObject({ id: body.instanceId, state: 'awaitingApplicant', availableEvents: expect.arrayContaining(['reply', 'cancel']) });
    // One serializer: bigint as a decimal string, Dates as ISO strings.
    expect(view.data.context.amount).toBe('1200000');
    expect(view.createdAt).toBe('2025-03-22T05:30:00.000Z');

    const listed = await handler(jsonRequest('GET', '/workflows/review/instances?state=awaitingApplicant', undefined, { 'x-test-user': OFFICER }));
    expect(listed.status).toBe(200);
    expect(((await listed.json()) as { items: { id: string }[] }).items.map((i) => i.id)).toEqual([body.instanceId]);

    const history = await handler(jsonRequest('GET', `/instances/${body.instanceId}/history`, undefined, { 'x-test-user': OFFICER }));
    const rows = ((await history.json()) as { items: { eventType: string; actorRole: string; payload: Record<string, unknown> }[] }).items;
    expect(rows.map((r) => [r.eventType, r.actorRole])).toEqual([
      ['statdesk.create', 'applicant'],
      ['submit', 'applicant'],
      ['requestInfo', 'officer'],
    ]);
    // The national ID in the start input never reaches the history the API shows.
    expect(JSON.stringify(rows)).not.toContain(reviewInput.nationalId);
  });

  it('pages a work queue with a bounded limit and a cursor', async () => {
    const { handler } = setup();
    for (let i = 0; i < 3; i++) await start(handler);
    const first = await handler(jsonRequest('GET', '/workflows/review/instances?limit=2', undefined, { 'x-test-user': OFFICER }));
    const page = (await first.json()) as { items: unknown[]; nextCursor?: string };
    expect(page.items).toHaveLength(2);
    expect(page.nextCursor).toBeTypeOf('string');
    const second = await handler(
      jsonRequest('GET', `/workflows/review/instances?limit=2&cursor=${encodeURIComponent(page.nextCursor!)}`, undefined, { 'x-test-user': OFFICER }),
    );
    const rest = (await second.json()) as { items: unknown[]; nextCursor?: string };
    expect(rest.items).toHaveLength(1);
    expect(rest.nextCursor).toBeUndefined();

    const unbounded = await handler(jsonRequest('GET', '/workflows/review/instances?limit=100000', undefined, { 'x-test-user': OFFICER }));
    expect(unbounded.status).toBe(400);
    expect(await unbounded.json()).toMatchObject({ type: 'VALIDATION', issues: [expect.objectContaining({ path: 'limit' })] });
  });

  it('lets an owner list only their own instances', async () => {
    const { handler } = setup();
    await start(handler);
    const mine = await handler(jsonRequest('GET', '/workflows/review/instances?owner=me', undefined, { 'x-test-user': OTHER_APPLICANT }));
    expect(((await mine.json()) as { items: unknown[] }).items).toEqual([]);
    const others = await handler(jsonRequest('GET', '/workflows/review/instances?owner=citizen-1', undefined, { 'x-test-user': OTHER_APPLICANT }));
    expect(others.status).toBe(403);
  });

  it('replays a command with the same Idempotency-Key and refuses the key for another command', async () => {
    const { handler, storage } = setup();
    const first = await start(handler, { 'idempotency-key': 'start-1' });
    const again = await start(handler, { 'idempotency-key': 'start-1' });
    expect(again.response.status).toBe(200);
    expect(again.response.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body).toMatchObject({ instanceId: first.body.instanceId, replayed: true });
    expect(storage.oracle.counts().instances).toBe(1);

    const other = await handler(
      jsonRequest('POST', '/workflows/review/instances', { input: { ...reviewInput, title: 'Other tables' } }, { 'x-test-user': APPLICANT, 'idempotency-key': 'start-1' }),
    );
    expect(other.status).toBe(422);
    expect(await other.json()).toMatchObject({ type: 'DUPLICATE_COMMAND' });
    expect(storage.oracle.counts().instances).toBe(1);
  });

  it('starts once when the same Idempotency-Key arrives several times at once', async () => {
    const { handler, storage } = setup();
    const responses = await Promise.all(Array.from({ length: 5 }, () => start(handler, { 'idempotency-key': 'double-click' })));
    expect(new Set(responses.map((r) => r.body.instanceId)).size).toBe(1);
    expect(responses.map((r) => r.response.status).sort()).toEqual([200, 200, 200, 200, 201]);
    expect(storage.oracle.counts().instances).toBe(1);
  });

  it('answers 409 CONFLICT for a stale If-Match and writes nothing', async () => {
    const { handler, storage } = setup();
    const { body } = await start(handler);
    const before = storage.oracle.counts();
    const stale = await handler(jsonRequest('POST', `/instances/${body.instanceId}/events`, { type: 'submit' }, { 'x-test-user': APPLICANT, 'if-match': `"${body.version + 5}"` }));
    expect(stale.status).toBe(409);
    expect(await stale.json()).toMatchObject({ type: 'CONFLICT' });
    expect(storage.oracle.counts()).toEqual(before);

    const current = await handler(jsonRequest('POST', `/instances/${body.instanceId}/events`, { type: 'submit' }, { 'x-test-user': APPLICANT, 'if-match': `"${body.version}"` }));
    expect(current.status).toBe(200);
    const bodyVersion = await handler(jsonRequest('POST', `/instances/${body.instanceId}/events`, { type: 'cancel', reason: 'x', expectedVersion: 0 }, { 'x-test-user': APPLICANT }));
    expect(bodyVersion.status).toBe(409);
  });

  it('answers 409 INVALID_TRANSITION for an event the state does not accept', async () => {
    const { handler } = setup();
    const { body } = await start(handler);
    const response = await handler(jsonRequest('POST', `/instances/${body.instanceId}/events`, { type: 'reply', answer: 'x' }, { 'x-test-user': APPLICANT }));
    expect(response.status).toBe(409);
    expect(await response.json()).toMatchObject({ type: 'INVALID_TRANSITION' });
  });

  it('answers 400 naming the fields, and writes nothing, for invalid input', async () => {
    const { handler, storage } = setup();
    const response = await handler(
      jsonRequest('POST', '/workflows/review/instances', { input: { ...reviewInput, title: 'x', nationalId: '12' } }, { 'x-test-user': APPLICANT }),
    );
    expect(response.status).toBe(400);
    const body = (await response.json()) as { type: string; issues: { path: string }[] };
    expect(body.type).toBe('VALIDATION');
    expect(body.issues.map((i) => i.path).sort()).toEqual(['nationalId', 'title']);
    expect(storage.oracle.counts()).toEqual({ instances: 0, history: 0, timers: 0, outbox: 0, commands: 0 });

    const { body: started } = await start(handler);
    const before = storage.oracle.counts();
    const event = await handler(jsonRequest('POST', `/instances/${started.instanceId}/events`, { type: 'cancel', reason: '' }, { 'x-test-user': APPLICANT }));
    expect(event.status).toBe(400);
    expect(((await event.json()) as { issues: { path: string }[] }).issues.map((i) => i.path)).toEqual(['reason']);
    expect(storage.oracle.counts()).toEqual(before);
  });

  it('answers 400 for malformed JSON and 415 for a body that is not JSON', async () => {
    const { handler } = setup();
    const broken = await handler(jsonRequest('POST', '/workflows/review/instances', '{"input":', { 'x-test-user': APPLICANT }));
    expect(broken.status).toBe(400);
    expect(await broken.json()).toMatchObject({ type: 'VALIDATION', issues: [{ path: 'body' }] });
    const text = await handler(
      new Request('http://portal.test/workflows/review/instances', { method: 'POST', body: 'input=1', headers: { 'content-type': 'text/plain', 'x-test-user': APPLICANT } }),
    );
    expect(text.status).toBe(415);
    expect(await text.json()).toMatchObject({ type: 'UNSUPPORTED_MEDIA_TYPE' });
  });

  it('answers 413 for a JSON body over the limit', async () => {
    const { handler, storage } = setup({ maxJsonBytes: 200 });
    const response = await handler(jsonRequest('POST', '/workflows/review/instances', { input: { ...reviewInput, title: 'x'.repeat(500) } }, { 'x-test-user': APPLICANT }));
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ type: 'PAYLOAD_TOO_LARGE' });
    expect(storage.oracle.counts().instances).toBe(0);
  });

  it('answers 404 for unknown instances, workflows and routes, and for instances of another tenant', async () => {
    const { handler } = setup();
    const { body } = await start(handler);
    for (const [method, path] of [
      ['GET', '/instances/nope'],
      ['GET', '/instances/nope/history'],
      ['GET', '/workflows/nothing/instances'],
      ['GET', '/no/such/route'],
    ] as const) {
      const response = await handler(jsonRequest(method, path, undefined, { 'x-test-user': OFFICER }));
      expect(response.status, path).toBe(404);
      expect(await response.json()).toMatchObject({ type: 'NOT_FOUND' });
    }
    const elsewhere = await handler(jsonRequest('GET', `/instances/${body.instanceId}`, undefined, { 'x-test-user': OFFICER, 'x-test-tenant': 'other' }));
    expect(elsewhere.status).toBe(404);
    const unknownEvent = await handler(jsonRequest('POST', '/instances/nope/events', { type: 'submit' }, { 'x-test-user': APPLICANT }));
    expect(unknownEvent.status).toBe(404);
    // A typed event path that names another workflow than the instance's is "not found" too.
    const wrongWorkflow = await handler(jsonRequest('POST', `/workflows/other/instances/${body.instanceId}/events/submit`, {}, { 'x-test-user': APPLICANT }));
    expect(wrongWorkflow.status).toBe(404);
  });

  it('answers 403 for a role that may not act and 401 without a signed-in user', async () => {
    const { handler, storage } = setup();
    const { body } = await start(handler);
    const before = storage.oracle.counts();
    const officerSubmits = await handler(jsonRequest('POST', `/instances/${body.instanceId}/events`, { type: 'submit' }, { 'x-test-user': OFFICER }));
    expect(officerSubmits.status).toBe(403);
    expect(await officerSubmits.json()).toMatchObject({ type: 'NOT_ALLOWED' });
    const stranger = await handler(jsonRequest('GET', '/workflows/review/instances', undefined, { 'x-test-user': 'guest-1:guest' }));
    expect(stranger.status).toBe(403);

    for (const request of [
      jsonRequest('POST', '/workflows/review/instances', { input: reviewInput }),
      jsonRequest('POST', `/instances/${body.instanceId}/events`, { type: 'submit' }),
      jsonRequest('GET', `/instances/${body.instanceId}`),
      jsonRequest('GET', '/workflows/review/instances'),
      jsonRequest('GET', `/instances/${body.instanceId}/history`),
    ]) {
      const response = await handler(request);
      expect(response.status, request.url).toBe(401);
      expect(await response.json()).toMatchObject({ type: 'UNAUTHENTICATED' });
    }
    expect(storage.oracle.counts()).toEqual(before);
  });

  it('answers 405 with Allow for a known path and the wrong method', async () => {
    const { handler } = setup();
    const response = await handler(jsonRequest('DELETE', '/instances/abc', undefined, { 'x-test-user': OFFICER }));
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET');
  });

  it('serves only under its base path', async () => {
    const { handler } = setup({ basePath: '/api/statdesk/' });
    const inside = await handler(jsonRequest('POST', '/api/statdesk/workflows/review/instances', { input: reviewInput }, { 'x-test-user': APPLICANT }));
    expect(inside.status).toBe(201);
    expect(inside.headers.get('location')).toMatch(/^\/api\/statdesk\/instances\//);
    const outside = await handler(jsonRequest('POST', '/workflows/review/instances', { input: reviewInput }, { 'x-test-user': APPLICANT }));
    expect(outside.status).toBe(404);
  });

  it('lets decorateView add fields to every view it sends', async () => {
    const { handler } = setup({ decorateView: (view, { identity }) => ({ ...view, seenBy: identity.actor.id }) });
    const { body } = await start(handler);
    const got = await handler(jsonRequest('GET', `/instances/${body.instanceId}`, undefined, { 'x-test-user': OFFICER }));
    expect(await got.json()).toMatchObject({ seenBy: 'officer-1' });
    const listed = await handler(jsonRequest('GET', '/workflows/review/instances', undefined, { 'x-test-user': OFFICER }));
    expect(((await listed.json()) as { items: unknown[] }).items).toEqual([expect.objectContaining({ seenBy: 'officer-1' })]);
  });

  it('keeps tenants apart: the identity decides the tenant', async () => {
    const { handler, storage } = setup();
    const { body } = await start(handler, { 'x-test-tenant': 'tenant-b' });
    expect(storage.oracle.instance({ tenantId: 'tenant-b', instanceId: body.instanceId })).toBeDefined();
    expect(storage.oracle.instance({ tenantId: TENANT, instanceId: body.instanceId })).toBeUndefined();
  });
});

describe('handler.serves', () => {
  it('tells an integration which requests are its own', () => {
    const { handler } = setup();
    expect(handler.serves('GET', '/api/x/instances/abc', '/api/x')).toBe(true);
    expect(handler.serves('DELETE', '/api/x/instances/abc', '/api/x')).toBe(true);
    expect(handler.serves('GET', '/api/x/unknown', '/api/x')).toBe(false);
    expect(handler.serves('GET', '/elsewhere/instances/abc', '/api/x')).toBe(false);
    expect(handler.serves('get', '/openapi.json')).toBe(true);
  });
});
