/**
 * The authorisation matrix, generated from the shipped workflow definitions and asserted over
 * HTTP: every event of every workflow × every role × the caller's own record, another citizen's,
 * and another tenant's; the same for starting, reading, listing and history. The expectation of
 * each cell comes from an independent model of the documented rules (docs/security.md):
 *
 * - allowed: not refused for authorisation (it may still fail validation or state: 400, 409);
 * - forbidden: 403 `NOT_ALLOWED`, nothing written;
 * - invisible (another tenant's record, or another citizen's to a citizen): exactly the answer
 *   for a record that does not exist — status, headers and body — and nothing written.
 */
import type { WorkflowDefinition } from '@statdesk/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { HOME_TENANT, OTHER, OTHER_TENANT, OWNER, fixtureId, missingId, rolesOf, shippedDesk, type ShippedDesk } from './shipped-desk';
import { ORIGIN, pdfBytes } from './support';

type Relation = 'own' | 'other citizen' | 'other tenant';
const RELATIONS: readonly Relation[] = ['own', 'other citizen', 'other tenant'];
type Expected = 'allowed' | 'forbidden' | 'invisible' | 'internal';

interface Caller {
  id: string;
  role: string;
  tenantId: string;
}

function callerFor(role: string, relation: Relation): Caller {
  return { id: relation === 'own' ? OWNER : OTHER, role, tenantId: relation === 'other tenant' ? OTHER_TENANT : HOME_TENANT };
}

function headersOf(caller: Caller): Record<string, string> {
  return { 'x-test-user': `${caller.id}:${caller.role}`, 'x-test-tenant': caller.tenantId };
}

// ------------------------------------------------------------------ the model (docs/security.md)

/** Whether the caller owns the fixture: only workflows with owner roles have owners. */
const ownsFixture = (def: WorkflowDefinition, relation: Relation) => relation === 'own' && def.ownerRoles.length > 0;

/** A citizen (an owner role and nothing else) sees someone else's record as no record. */
function invisible(def: WorkflowDefinition, role: string, relation: Relation): boolean {
  if (relation === 'other tenant') return true;
  const staff = role === 'system' || def.readRoles.includes(role) || (!def.ownerRoles.includes(role) && Object.values(def.events).some((e) => e.roles.includes(role)));
  return def.ownerRoles.includes(role) && !staff && !ownsFixture(def, relation);
}

function expectedSend(def: WorkflowDefinition, type: string, role: string, relation: Relation): Expected {
  // Sent only by the engine: no route, whoever asks and whatever their roles.
  if (def.events[type]!.internal) return 'internal';
  if (invisible(def, role, relation)) return 'invisible';
  const roles = def.events[type]!.roles;
  const mayAs = roles.includes(role) && (!def.ownerRoles.includes(role) || ownsFixture(def, relation));
  return mayAs ? 'allowed' : 'forbidden';
}

function expectedRead(def: WorkflowDefinition, role: string, relation: Relation): Expected {
  if (invisible(def, role, relation)) return 'invisible';
  if (role === 'system' || def.readRoles.includes(role) || (def.ownerRoles.includes(role) && ownsFixture(def, relation))) return 'allowed';
  return 'forbidden';
}

// ------------------------------------------------------------------ the checks

let world: ShippedDesk;
const tally = { cells: 0, allowed: 0, forbidden: 0, invisible: 0, internal: 0 };

beforeAll(async () => {
  world = await shippedDesk();
});

/** An answer as a comparable value, with the one id in it replaced. */
async function answerOf(response: Response, id: string) {
  const headers = Object.fromEntries(response.headers);
  return { status: response.status, headers, body: (await response.text()).replaceAll(id, '<id>') };
}

/**
 * Sends `request(id)` for the fixture and checks the answer against the model; for "invisible",
 * also sends it for a missing id of the same length and requires the identical answer.
 */
async function check(label: string, expected: Expected, request: (id: string) => Request, workflow: string, onAllowed?: (response: Response) => Promise<void>) {
  tally.cells++;
  tally[expected]++;
  const before = await world.counts();
  const response = await world.handler(request(fixtureId(workflow)));
  expect(response.status, `${label}: no 5xx`).toBeLessThan(500);
  if (expected === 'allowed') {
    expect([401, 403, 404], `${label}: allowed, got ${response.status} ${await response.clone().text()}`).not.toContain(response.status);
    if (response.status >= 400) expect(await world.counts(), `${label}: a refused request writes nothing`).toEqual(before);
    await onAllowed?.(response);
    return;
  }
  if (expected === 'internal') {
    const body = (await response.json()) as { type: string; issues?: { path: string }[] };
    expect([response.status, body.type, body.issues?.[0]?.path], label).toEqual([400, 'VALIDATION', 'type']);
  } else if (expected === 'forbidden') {
    expect([response.status, ((await response.json()) as { type: string }).type], label).toEqual([403, 'NOT_ALLOWED']);
  } else {
    const missing = await world.handler(request(missingId(workflow)));
    expect(await answerOf(response, fixtureId(workflow)), `${label}: the same answer as for a missing record`).toEqual(await answerOf(missing, missingId(workflow)));
    expect(missing.status).toBe(404);
  }
  expect(await world.counts(), `${label}: nothing written`).toEqual(before);
}

const definitions = () => world.workflows;

describe('authorisation matrix over HTTP (generated from the workflow definitions)', { timeout: 120_000 }, () => {
  it('events: every event × every role × own / other citizen / other tenant, on both event routes', async () => {
    const roles = rolesOf(definitions());
    for (const def of definitions()) {
      for (const type of Object.keys(def.events)) {
        for (const role of roles) {
          for (const relation of RELATIONS) {
            const caller = callerFor(role, relation);
            const expected = expectedSend(def, type, role, relation);
            const label = `${def.name} ${type} as ${role} (${relation})`;
            await check(`${label} [generic route]`, expected, (id) => post(`/instances/${id}/events`, { type }, caller), def.name);
            await check(`${label} [typed route]`, expected, (id) => post(`/workflows/${def.name}/instances/${id}/events/${encodeURIComponent(type)}`, {}, caller), def.name);
          }
        }
      }
    }
  });

  it('reads: view and history × every role × own / other citizen / other tenant', async () => {
    for (const def of definitions()) {
      for (const role of rolesOf(definitions())) {
        for (const relation of RELATIONS) {
          const caller = callerFor(role, relation);
          const expected = expectedRead(def, role, relation);
          const label = `${def.name} read as ${role} (${relation})`;
          await check(`${label} [view]`, expected, (id) => get(`/instances/${id}`, caller), def.name, async (response) => {
            expect(response.status).toBe(200);
            expect(((await response.json()) as { id: string }).id).toBe(fixtureId(def.name));
          });
          await check(`${label} [history]`, expected, (id) => get(`/instances/${id}/history`, caller), def.name, async (response) => {
            expect(response.status).toBe(200);
            expect(((await response.json()) as { items: unknown[] }).items.length).toBeGreaterThan(0);
          });
        }
      }
    }
  });

  it('lists: staff and owners list; citizens see only their own; another tenant sees none of ours', async () => {
    for (const def of definitions()) {
      for (const role of rolesOf(definitions())) {
        for (const relation of RELATIONS) {
          const caller = callerFor(role, relation);
          const mayList = def.readRoles.includes(role) || def.ownerRoles.includes(role);
          const label = `${def.name} list as ${role} (${relation})`;
          tally.cells++;
          const before = await world.counts();
          const response = await world.handler(get(`/workflows/${def.name}/instances?limit=100`, caller));
          if (!mayList) {
            tally.forbidden++;
            expect([response.status, ((await response.json()) as { type: string }).type], label).toEqual([403, 'NOT_ALLOWED']);
          } else {
            tally.allowed++;
            expect(response.status, label).toBe(200);
            const ids = ((await response.json()) as { items: { id: string }[] }).items.map((i) => i.id);
            const seesFixture = relation !== 'other tenant' && (def.readRoles.includes(role) || ownsFixture(def, relation));
            expect(ids.includes(fixtureId(def.name)), `${label}: sees the fixture`).toBe(seesFixture);
          }
          expect(await world.counts(), label).toEqual(before);
        }
      }
    }
  });

  it('starting: every workflow × every role (an allowed role may still fail validation, a forbidden one gets 403)', async () => {
    for (const def of definitions()) {
      for (const role of rolesOf(definitions())) {
        const caller = callerFor(role, 'own');
        const allowed = def.create.roles.includes(role);
        const label = `start ${def.name} as ${role}`;
        tally.cells++;
        tally[allowed ? 'allowed' : 'forbidden']++;
        const before = await world.counts();
        // An empty input: what matters is whether the refusal is about the role.
        const response = await world.handler(post(`/workflows/${def.name}/instances`, { input: {} }, caller));
        if (allowed) expect([401, 403, 404], `${label}: got ${response.status}`).not.toContain(response.status);
        else expect([response.status, ((await response.json()) as { type: string }).type], label).toEqual([403, 'NOT_ALLOWED']);
        if (response.status >= 400) expect(await world.counts(), label).toEqual(before);
      }
    }
  });

  it('anonymous callers get 401 on every signed-in route, and nothing is written', async () => {
    const before = await world.counts();
    for (const def of definitions()) {
      const id = fixtureId(def.name);
      for (const request of [
        new Request(`${ORIGIN}/instances/${id}`),
        new Request(`${ORIGIN}/instances/${id}/history`),
        new Request(`${ORIGIN}/workflows/${def.name}/instances`),
        jsonPost(`/workflows/${def.name}/instances`, { input: {} }, {}),
        jsonPost(`/instances/${id}/events`, { type: Object.keys(def.events)[0] }, {}),
      ]) {
        tally.cells++;
        tally.forbidden++;
        const response = await world.handler(request);
        expect(response.status, `${request.method} ${request.url}`).toBe(401);
      }
    }
    expect(await world.counts()).toEqual(before);
  });

  it("files: an upload is its uploader's; another tenant or another citizen cannot attach it, and the refusal writes nothing", async () => {
    const form = new FormData();
    form.append('file', new Blob([pdfBytes(2_000)], { type: 'application/pdf' }), 'evidence.pdf');
    const uploaded = await world.handler(new Request(`${ORIGIN}/files`, { method: 'POST', body: form, headers: headersOf(callerFor('citizen', 'own')) }));
    expect(uploaded.status).toBe(201);
    const reference = (await uploaded.json()) as Record<string, unknown>;
    const input = { kind: 'complaint', subject: 'Tables', body: 'See the attachment.', attachments: [reference] };

    const before = await world.counts();
    const foreign = await world.handler(post('/workflows/complaint/instances', { input }, callerFor('citizen', 'other tenant')));
    expect(foreign.status).toBe(400);
    expect(await foreign.json()).toMatchObject({ issues: [expect.objectContaining({ path: 'attachments.0.key', code: 'not_found' })] });
    expect(await world.counts()).toEqual(before);

    // Another citizen of the same tenant who learnt the key cannot attach it either: to them it does not exist.
    const otherCitizen = await world.handler(post('/workflows/complaint/instances', { input }, callerFor('citizen', 'other citizen')));
    expect(otherCitizen.status).toBe(400);
    expect(await otherCitizen.json()).toMatchObject({ issues: [expect.objectContaining({ path: 'attachments.0.key', code: 'not_found' })] });
    expect(await world.counts()).toEqual(before);

    // Its uploader, in its own tenant, attaches it.
    const own = await world.handler(post('/workflows/complaint/instances', { input }, callerFor('citizen', 'own')));
    expect(own.status).toBe(201);
  });

  it('covered every cell (the figures go to docs/reliability.md)', () => {
    const roles = rolesOf(definitions()).length;
    const events = definitions().reduce((n, def) => n + Object.keys(def.events).length, 0);
    expect(tally.cells).toBeGreaterThan(events * roles * RELATIONS.length * 2);
    expect(tally.allowed).toBeGreaterThan(0);
    expect(tally.invisible).toBeGreaterThan(0);
    process.stdout.write(`authorisation matrix: ${definitions().length} workflows, ${events} events, ${roles} roles, ${tally.cells} cells (${tally.allowed} allowed, ${tally.forbidden} forbidden, ${tally.invisible} invisible, ${tally.internal} internal)\n`);
  });
});

function jsonPost(path: string, body: unknown, headers: Record<string, string>): Request {
  return new Request(`${ORIGIN}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
}

function post(path: string, body: unknown, caller: Caller): Request {
  return jsonPost(path, body, headersOf(caller));
}

function get(path: string, caller: Caller): Request {
  return new Request(`${ORIGIN}${path}`, { headers: headersOf(caller) });
}
