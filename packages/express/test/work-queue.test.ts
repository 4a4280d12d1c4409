/**
 * Work queues and assignment on the wire: a real Express server over a desk running the
 * information order, driven with `fetch` as a portal's staff pages would.
 */
import express from 'express';
import { afterEach, describe, expect, it } from 'vitest';
import { statdeskRouter } from '../src';
import { createWorld, orderAt, tenantId } from '../../core/test/workflows/information-order/harness';
import { identifyFromHeader, listen, MOUNT, type Started } from './support';

const as = (user: string) => ({ 'x-test-user': user });
const CONSULTANT = as('consultant-1:consultant');
const COLLEAGUE = as('consultant-2:consultant');
const SUPERVISOR = as('boss-1:supervisor');
const APPLICANT = as('maryam:applicant');
const STRANGER = as('someone:applicant');

let server: Started | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function start() {
  const world = await createWorld();
  const app = express();
  // The harness's tenant is the one every caller signs in to.
  app.use(MOUNT, statdeskRouter(world.t.desk, { identify: (req) => { const id = identifyFromHeader(req); return id && { ...id, tenantId }; } }));
  server = await listen(app);
  return { world, url: server.url };
}

describe('work queue over HTTP', () => {
  it('serves the caller’s queue most urgent first, with filters and named errors; citizens get none', async () => {
    const { world, url } = await start();
    const late = await orderAt(world, 'submitted');
    await world.t.advance({ days: 5 });
    const fresh = await orderAt(world, 'submitted');

    const response = await fetch(url('/queue'), { headers: CONSULTANT });
    expect(response.status).toBe(200);
    const page = (await response.json()) as { items: Record<string, unknown>[]; nextCursor?: string };
    expect(page.items.map((i) => [i.instanceId, i.slaCondition, i.escalated])).toEqual([
      [late, 'breached', true],
      [fresh, 'on-time', false],
    ]);
    expect(Object.keys(page.items[0]!)).not.toContain('tenantId');
    expect(typeof page.items[1]!.dueAt).toBe('string');

    const breached = (await (await fetch(url('/queue?sla=breached&escalated=true'), { headers: SUPERVISOR })).json()) as { items: { instanceId: string }[] };
    expect(breached.items.map((i) => i.instanceId)).toEqual([late]);

    const bad = await fetch(url('/queue?sla=late&createdFrom=yesterday&limit=0'), { headers: CONSULTANT });
    expect(bad.status).toBe(400);
    const problem = (await bad.json()) as { type: string; issues: { path: string }[] };
    expect(problem.type).toBe('VALIDATION');
    expect(problem.issues.map((i) => i.path).sort()).toEqual(['createdFrom', 'limit', 'sla']);

    expect((await fetch(url('/queue'), { headers: APPLICANT })).status).toBe(403);
    expect((await fetch(url('/queue?role=supervisor'), { headers: CONSULTANT })).status).toBe(403);
    expect((await fetch(url('/queue'))).status).toBe(401);
  });

  it('claims, reassigns and unassigns through POST /instances/:id/assignment', async () => {
    const { world, url } = await start();
    const id = await orderAt(world, 'submitted');
    const assign = (headers: Record<string, string>, body: unknown) =>
      fetch(url(`/instances/${id}/assignment`), { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const mine = async (headers: Record<string, string>) =>
      ((await (await fetch(url('/queue?assignee=me'), { headers })).json()) as { items: { instanceId: string }[] }).items.map((i) => i.instanceId);

    const claimed = await assign(CONSULTANT, { assignee: 'me' });
    expect(claimed.status).toBe(200);
    const version = ((await claimed.json()) as { version: number }).version;
    expect(claimed.headers.get('etag')).toBe(`"${version}"`);
    expect(await mine(CONSULTANT)).toEqual([id]);

    expect((await assign(COLLEAGUE, { assignee: 'me' })).status).toBe(403);
    expect((await assign(APPLICANT, { assignee: 'me' })).status).toBe(403);
    // Another citizen's order looks like no order at all.
    expect((await assign(STRANGER, { assignee: 'me' })).status).toBe(404);
    const invalid = await assign(SUPERVISOR, { assignee: 7, note: 'x' });
    expect(invalid.status).toBe(400);
    expect(((await invalid.json()) as { issues: { path: string }[] }).issues.map((i) => i.path)).toEqual(['note']);
    expect((await assign(SUPERVISOR, { assignee: 7 })).status).toBe(400);
    // A stale screen cannot reassign.
    const stale = await fetch(url(`/instances/${id}/assignment`), { method: 'POST', headers: { ...SUPERVISOR, 'content-type': 'application/json', 'if-match': `"${version - 1}"` }, body: JSON.stringify({ assignee: 'consultant-2' }) });
    expect(stale.status).toBe(409);

    expect((await assign(SUPERVISOR, { assignee: 'consultant-2' })).status).toBe(200);
    expect(await mine(CONSULTANT)).toEqual([]);
    expect(await mine(COLLEAGUE)).toEqual([id]);
    expect((await assign(COLLEAGUE, { assignee: null })).status).toBe(200);
    expect(await mine(COLLEAGUE)).toEqual([]);
    const history = (await (await fetch(url(`/instances/${id}/history`), { headers: SUPERVISOR })).json()) as { items: { eventType: string }[] };
    expect(history.items.filter((h) => h.eventType === 'statdesk.assign')).toHaveLength(3);
  });
});
