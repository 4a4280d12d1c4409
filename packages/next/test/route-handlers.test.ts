import { describe, expect, it } from 'vitest';
import { toNextHandler, type NextHandlerOptions } from '../src';
import { APPLICANT, identifyFromHeader, OFFICER, pdfBytes, reviewInput, routeCall, testDesk } from './support';

function routes(overrides: Partial<NextHandlerOptions> = {}) {
  const test = testDesk();
  const handlers = toNextHandler(test.desk, { identify: identifyFromHeader, files: test.files, ...overrides });
  return { ...test, handlers };
}

describe('toNextHandler: the JSON API as App Router route handlers', () => {
  it('runs a workflow end to end under the folder the catch-all lives in', async () => {
    const { handlers } = routes();
    const created = await handlers.POST(...routeCall('/api', 'POST', '/workflows/review/instances', { body: { input: reviewInput }, user: APPLICANT }));
    expect(created.status).toBe(201);
    const { instanceId } = (await created.json()) as { instanceId: string };
    // The mount path came from the catch-all segments: links point back under /api.
    expect(created.headers.get('location')).toBe(`/api/instances/${instanceId}`);

    expect((await handlers.POST(...routeCall('/api', 'POST', `/instances/${instanceId}/events`, { body: { type: 'submit' }, user: APPLICANT }))).status).toBe(200);
    const approved = await handlers.POST(...routeCall('/api', 'POST', `/workflows/review/instances/${instanceId}/events/approve`, { body: { note: 'fine' }, user: OFFICER }));
    expect(await approved.json()).toMatchObject({ state: 'approved', status: 'done' });

    const view = await handlers.GET(...routeCall('/api', 'GET', `/instances/${instanceId}`, { user: APPLICANT }));
    expect(view.status).toBe(200);
    expect(await view.json()).toMatchObject({ id: instanceId, state: 'approved' });
    const history = await handlers.GET(...routeCall('/api', 'GET', `/instances/${instanceId}/history`, { user: OFFICER }));
    expect(((await history.json()) as { items: { eventType: string }[] }).items.map((i) => i.eventType)).toEqual(['statdesk.create', 'submit', 'approve']);
  });

  it('finds the mount path of a deeper folder, and takes an explicit basePath when given', async () => {
    const { handlers } = routes();
    const deep = await handlers.POST(...routeCall('/gov/portal/api', 'POST', '/workflows/review/instances', { body: { input: reviewInput }, user: APPLICANT }));
    expect(deep.status).toBe(201);
    expect(deep.headers.get('location')).toMatch(/^\/gov\/portal\/api\/instances\//);

    const fixed = routes({ basePath: '/statdesk' }).handlers;
    const [request] = routeCall('/statdesk', 'GET', '/openapi.json');
    // No catch-all segments (a plain route.ts): the explicit basePath is what counts.
    expect((await fixed.GET(request, { params: Promise.resolve({}) })).status).toBe(200);
    expect((await fixed.GET(...routeCall('/elsewhere', 'GET', '/openapi.json'))).status).toBe(404);
  });

  it('refuses bad input with the field named and writes nothing', async () => {
    const { handlers, storage } = routes();
    const before = await storage.oracle.counts();
    const refused = await handlers.POST(...routeCall('/api', 'POST', '/workflows/review/instances', { body: { input: { ...reviewInput, nationalId: '12' } }, user: APPLICANT }));
    expect(refused.status).toBe(400);
    const body = (await refused.json()) as { type: string; issues: { path: string }[] };
    expect(body.type).toBe('VALIDATION');
    expect(body.issues.map((i) => i.path)).toContain('nationalId');
    expect(await storage.oracle.counts()).toEqual(before);
  });

  it('answers anonymous callers 401, other methods 405 with Allow, unknown paths 404', async () => {
    const { handlers } = routes();
    expect((await handlers.GET(...routeCall('/api', 'GET', '/workflows/review/instances'))).status).toBe(401);
    const put = await handlers.PUT(...routeCall('/api', 'PUT', '/workflows/review/instances', { user: APPLICANT }));
    expect(put.status).toBe(405);
    expect(put.headers.get('allow')).toContain('POST');
    expect((await handlers.GET(...routeCall('/api', 'GET', '/nothing/here', { user: APPLICANT }))).status).toBe(404);
  });

  it('streams an upload through to the file store', async () => {
    const { handlers, files } = routes();
    const form = new FormData();
    form.append('file', new Blob([pdfBytes(2048)], { type: 'application/pdf' }), 'receipt.pdf');
    const stored = await handlers.POST(...routeCall('/api', 'POST', '/files?policy=receipt', { body: form, user: APPLICANT }));
    expect(stored.status).toBe(201);
    const { key, size } = (await stored.json()) as { key: string; size: number };
    expect(size).toBe(2048);
    expect(await files.stat('sci', key)).toMatchObject({ size: 2048, contentType: 'application/pdf' });
  });

  it('starts the desk on the first request when given a setup function, once, and retries a failed start', async () => {
    const test = testDesk();
    let calls = 0;
    const handlers = toNextHandler(async () => {
      calls += 1;
      if (calls === 1) throw new Error('database not up yet');
      return { desk: test.desk, options: { identify: identifyFromHeader } };
    });
    expect(calls).toBe(0);
    await expect(handlers.GET(...routeCall('/api', 'GET', '/openapi.json'))).rejects.toThrow('database not up yet');
    const answers = await Promise.all([1, 2, 3].map(() => handlers.POST(...routeCall('/api', 'POST', '/workflows/review/instances', { body: { input: reviewInput }, user: APPLICANT }))));
    expect(answers.map((r) => r.status)).toEqual([201, 201, 201]);
    expect(calls).toBe(2);
  });

  it('checks options given outright at once', () => {
    const { desk } = testDesk();
    expect(() => toNextHandler(desk, { identify: identifyFromHeader, complaintLookup: async () => null })).toThrow(/publicTenant/);
  });

  it('keys the public rate limit on the address clientAddress reads', async () => {
    const { handlers } = routes({
      publicTenant: 'sci',
      complaintLookup: async () => null,
      rateLimit: { capacity: 1, refillMs: 60_000 },
      clientAddress: (request) => request.headers.get('x-forwarded-for')?.split(',').at(-1)?.trim(),
    });
    const lookup = (address: string) =>
      handlers.POST(...routeCall('/api', 'POST', '/public/complaints/lookup', { body: { trackingCode: '1234567890' }, headers: { 'x-forwarded-for': address } }));
    expect((await lookup('10.0.0.1')).status).toBe(404);
    expect((await lookup('10.0.0.1')).status).toBe(429);
    // Another client has its own allowance.
    expect((await lookup('10.0.0.2')).status).toBe(404);
  });
});
