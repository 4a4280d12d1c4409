/**
 * Hostile input the fuzzer and a manual attack found answered 5xx, each now a typed 4xx naming
 * the field, refused before any storage, engine or hashing work, and writing nothing: event
 * types named like `Object.prototype` members, internal (system-only) events, deep and
 * non-finite JSON, NUL bytes and lone surrogates anywhere, foreign charsets and encodings.
 */
import { describe, expect, it } from 'vitest';
import { ORIGIN } from './support';
import { fixtureId, HOME_TENANT, OWNER, shippedDesk } from './shipped-desk';

const OFFICER = 'staff-1:officer,operator,supervisor';
const SYSTEM_CLAIM = 'forger:system';
const PROTO_NAMES = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', 'isPrototypeOf', '__defineGetter__'];

function post(path: string, body: string, headers: Record<string, string> = {}): Request {
  return new Request(`${ORIGIN}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-test-user': OFFICER, ...headers }, body });
}

async function refused(world: Awaited<ReturnType<typeof shippedDesk>>, request: Request) {
  const before = await world.counts();
  const response = await world.handler(request);
  const body = (await response.json()) as { type: string; issues?: { path: string }[] };
  expect(await world.counts()).toEqual(before);
  return { status: response.status, body };
}

describe('hostile input is a typed 4xx that writes nothing', () => {
  it('event types named like Object.prototype members, on both event routes', async () => {
    const world = await shippedDesk();
    for (const workflow of world.workflows) {
      for (const type of PROTO_NAMES) {
        const typed = await refused(world, post(`/workflows/${workflow.name}/instances/${fixtureId(workflow.name)}/events/${encodeURIComponent(type)}`, '{}'));
        expect([type, typed.status, typed.body.issues?.[0]?.path]).toEqual([type, 400, 'type']);
        const generic = await refused(world, post(`/instances/${fixtureId(workflow.name)}/events`, JSON.stringify({ type })));
        expect([type, generic.status, generic.body.issues?.[0]?.path]).toEqual([type, 400, 'type']);
      }
    }
    expect(world.logger.lines.filter((l) => l.level === 'error')).toEqual([]);
  });

  it('desk.send refuses them itself with a ValidationError naming type', async () => {
    const world = await shippedDesk();
    for (const type of PROTO_NAMES) {
      await expect(
        world.desk.send({ tenantId: HOME_TENANT, instanceId: fixtureId('complaint'), actor: { id: 'boss', roles: ['supervisor'] }, event: { type } }),
      ).rejects.toMatchObject({ code: 'VALIDATION', issues: [expect.objectContaining({ path: 'type' })] });
    }
  });

  it('internal events (SLA breach, payment findings) have no route, even for a caller identify calls `system`', async () => {
    const world = await shippedDesk();
    const cases = [
      ['complaint', 'sla.breach', { target: 'stage1-answer', dueAt: '2025-05-03T05:30:00Z' }],
      ['incident-portal', 'sla.breach', { target: 'restoration', dueAt: '2025-05-03T05:30:00Z' }],
      ['payment', 'callback', { status: 'OK' }],
      ['payment', 'settled', {}],
    ] as const;
    for (const [workflow, type, fields] of cases) {
      const typed = await refused(world, post(`/workflows/${workflow}/instances/${fixtureId(workflow)}/events/${type}`, JSON.stringify(fields), { 'x-test-user': SYSTEM_CLAIM }));
      expect([workflow, type, typed.status]).toEqual([workflow, type, 400]);
      const generic = await refused(world, post(`/instances/${fixtureId(workflow)}/events`, JSON.stringify({ type, ...fields }), { 'x-test-user': SYSTEM_CLAIM }));
      expect([workflow, type, generic.status]).toEqual([workflow, type, 400]);
      // And the engine refuses a look-alike of the system actor.
      await expect(
        world.desk.send({ tenantId: HOME_TENANT, instanceId: fixtureId(workflow), actor: { id: 'system', roles: ['system'] }, event: { type, ...fields } }),
      ).rejects.toMatchObject({ code: 'NOT_ALLOWED' });
    }
    const openapi = (await (await world.handler(new Request(`${ORIGIN}/openapi.json`))).json()) as { paths: Record<string, unknown> };
    const internalPaths = cases.map(([workflow, type]) => `/workflows/${workflow}/instances/{id}/events/${type}`);
    expect(Object.keys(openapi.paths).filter((p) => internalPaths.includes(p))).toEqual([]);
    expect(Object.keys(openapi.paths)).toContain('/workflows/payment/instances/{id}/events/recordRefund');
  });

  it('deep, non-finite and unstorable JSON, with or without an Idempotency-Key', async () => {
    const world = await shippedDesk();
    const path = `/instances/${fixtureId('information-order')}/events`;
    const deep = `{"type":"cancel","reason":${'['.repeat(10_000)}${']'.repeat(10_000)}}`;
    for (const key of [undefined, 'key-1']) {
      const headers: Record<string, string> = { 'x-test-user': `${OWNER}:applicant`, ...(key ? { 'idempotency-key': key } : {}) };
      const tooDeep = await refused(world, post(path, deep, headers));
      expect(tooDeep).toMatchObject({ status: 400, body: { issues: [{ path: 'body' }] } });
      const infinite = await refused(world, post(path, '{"type":"cancel","reason":1e999}', headers));
      expect(infinite).toMatchObject({ status: 400, body: { issues: [{ path: 'reason' }] } });
      const nul = await refused(world, post(path, JSON.stringify({ type: 'cancel', reason: 'a\u0000b' }), headers));
      expect(nul).toMatchObject({ status: 400, body: { issues: [{ path: 'reason' }] } });
      const surrogate = await refused(world, post(path, '{"type":"cancel","reason":"a\\ud800b"}', headers));
      expect(surrogate).toMatchObject({ status: 400, body: { issues: [{ path: 'reason' }] } });
      const start = await refused(world, post('/workflows/complaint/instances', JSON.stringify({ input: { kind: 'complaint', subject: 's', body: 'x\u0000' } }), { 'x-test-user': `${OWNER}:citizen`, ...(key ? { 'idempotency-key': key } : {}) }));
      expect(start).toMatchObject({ status: 400, body: { issues: [{ path: 'input.body' }] } });
    }
  });

  it('NUL and lone surrogates in path segments and query parameters, the payment callback included', async () => {
    const world = await shippedDesk({ handler: { paymentCallback: async () => ({ redirectTo: '/done' }) } });
    const get = (path: string) => new Request(`${ORIGIN}${path}`, { headers: { 'x-test-user': OFFICER } });
    expect(await refused(world, get('/instances/a%00b'))).toMatchObject({ status: 400, body: { issues: [{ path: 'id' }] } });
    expect(await refused(world, get('/instances/a%ED%A0%80b'))).toMatchObject({ status: 400 });
    expect(await refused(world, get('/payments/callback/zarinpal?Authority=a%00b&Status=OK'))).toMatchObject({ status: 400, body: { issues: [{ path: 'query.Authority' }] } });
    expect(await refused(world, get('/workflows/complaint/instances?state=a%00'))).toMatchObject({ status: 400, body: { issues: [{ path: 'query.state' }] } });
  });

  it('foreign charsets and content encodings are a 415 naming the header; bytes that are not UTF-8 a 400', async () => {
    const world = await shippedDesk();
    const path = `/instances/${fixtureId('information-order')}/events`;
    const body = JSON.stringify({ type: 'cancel', reason: 'x' });
    const owner = { 'x-test-user': `${OWNER}:applicant` };
    expect(await refused(world, post(path, body, { ...owner, 'content-type': 'application/json; charset=klingon' }))).toMatchObject({ status: 415, body: { issues: [{ path: 'content-type' }] } });
    expect(await refused(world, post(path, body, { ...owner, 'content-encoding': 'gzip' }))).toMatchObject({ status: 415, body: { issues: [{ path: 'content-encoding' }] } });
    expect(await refused(world, post(path, body, { ...owner, 'content-encoding': 'x-bogus' }))).toMatchObject({ status: 415 });
    const latin1 = new Request(`${ORIGIN}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...owner }, body: Buffer.from('{"type":"cancel","reason":"caf\xe9"}', 'latin1') });
    expect(await refused(world, latin1)).toMatchObject({ status: 400, body: { issues: [{ path: 'body' }] } });
  });
});
