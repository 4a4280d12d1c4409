/**
 * The profile routes over a real HTTP server: register (the same 202 for a new and an
 * already-registered national ID), read and change one's own profile, attach a student card
 * uploaded through POST /files, and staff verifying or rejecting the category. Bad input is a
 * 400 naming the field, and nothing is written.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import { createApplicantProfiles } from '@statdesk/core';
import { createTestDesk, MemoryFileStore, MemoryProfileStore } from '@statdesk/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { createHttpHandler, type HttpHandler } from '../src';
import { reviewWorkflow } from '../../core/test/engine/review.workflow';
import { identifyFromHeader, pngBytes, recordingLogger, TENANT } from './support';

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
});

/** A plain node:http server in front of the Fetch handler, as any integration would put it. */
async function serve(handler: HttpHandler): Promise<string> {
  const server = createServer((req, res) => {
    const hasBody = req.method !== 'GET' && req.method !== 'HEAD';
    const request = new Request(`http://127.0.0.1${req.url}`, {
      method: req.method ?? 'GET',
      headers: Object.entries(req.headers).flatMap(([name, value]) => (typeof value === 'string' ? [[name, value] as [string, string]] : [])),
      ...(hasBody ? { body: Readable.toWeb(req) as ReadableStream, duplex: 'half' } : {}),
    } as RequestInit);
    void handler(request).then(async (response) => {
      res.writeHead(response.status, Object.fromEntries(response.headers));
      res.end(Buffer.from(await response.arrayBuffer()));
    });
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function portal() {
  const test = createTestDesk({ workflows: [reviewWorkflow()] });
  const files = new MemoryFileStore({ clock: test.clock });
  const store = new MemoryProfileStore();
  const profiles = createApplicantProfiles({ store, files, clock: test.clock });
  const handler = createHttpHandler(test.desk, { identify: identifyFromHeader, files, profiles, logger: recordingLogger() });
  const base = await serve(handler);
  const call = async (user: string, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const response = await fetch(`${base}${path}`, {
      method,
      headers: { 'x-test-user': user, ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: response.status, etag: response.headers.get('etag'), body: (await response.json()) as Record<string, unknown> };
  };
  return { base, call, store };
}

const maryam = 'maryam:applicant';
const reza = 'reza:applicant';
const consultant = 'c-1:consultant';
const registration = { nationalId: '0012345679', fullName: 'Maryam Ahmadi', mobile: '09121234567', category: 'student' };

describe('profile routes', () => {
  it('registers, and answers a national ID already registered with the same 202', async () => {
    const { call, store } = await portal();
    const first = await call(maryam, 'POST', '/profiles', registration);
    const again = await call(reza, 'POST', '/profiles', { ...registration, fullName: 'Reza Karimi' });
    expect(first).toMatchObject({ status: 202 });
    expect(again).toEqual(first);
    expect(await store.get(TENANT, 'maryam')).toMatchObject({ fullName: 'Maryam Ahmadi', category: 'student' });
    expect(await store.get(TENANT, 'reza')).toBeUndefined();
    expect((await call(reza, 'GET', '/profiles/me')).status).toBe(404);
  });

  it('refuses bad input with a 400 naming the field, and writes nothing', async () => {
    const { call, store } = await portal();
    const bad = await call(maryam, 'POST', '/profiles', { ...registration, nationalId: '0012345678' });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ type: 'VALIDATION', issues: [expect.objectContaining({ path: 'nationalId' })] });
    expect(await store.get(TENANT, 'maryam')).toBeUndefined();
    expect((await call('', 'POST', '/profiles', registration)).status).toBe(401);
  });

  it('reads and changes one’s own profile, with the version as ETag', async () => {
    const { call } = await portal();
    await call(maryam, 'POST', '/profiles', registration);
    const read = await call(maryam, 'GET', '/profiles/me');
    expect(read).toMatchObject({ status: 200, etag: '"1"', body: { id: 'maryam', fullName: 'Maryam Ahmadi', version: 1 } });
    expect(read.body).not.toHaveProperty('audit');
    const changed = await call(maryam, 'PATCH', '/profiles/me', { change: { fullName: 'Maryam Ahmadi-Rad' } }, { 'if-match': '"1"' });
    expect(changed).toMatchObject({ status: 200, etag: '"2"', body: { fullName: 'Maryam Ahmadi-Rad' } });
    const stale = await call(maryam, 'PATCH', '/profiles/me', { change: { fullName: 'X' } }, { 'if-match': '"1"' });
    expect(stale).toMatchObject({ status: 409, body: { type: 'CONFLICT' } });
    expect((await call(maryam, 'PATCH', '/profiles/me', { change: { mobile: '123' } })).body).toMatchObject({ type: 'VALIDATION', issues: [expect.objectContaining({ path: 'mobile' })] });
  });

  it('takes a student card uploaded through POST /files, which staff verify or reject', async () => {
    const { base, call } = await portal();
    await call(maryam, 'POST', '/profiles', registration);
    const form = new FormData();
    form.append('file', new Blob([pngBytes()], { type: 'image/png' }), 'card.png');
    const upload = await fetch(`${base}/files?policy=receipt`, { method: 'POST', body: form, headers: { 'x-test-user': maryam } });
    expect(upload.status).toBe(201);
    const { key } = (await upload.json()) as { key: string };

    const submitted = await call(maryam, 'POST', '/profiles/me/student-card', { file: { key } });
    expect(submitted).toMatchObject({ status: 200, body: { verification: { status: 'pending' } } });
    expect((await call(maryam, 'POST', '/profiles/maryam/category/verify')).status).toBe(403); // not staff
    const verified = await call(consultant, 'POST', '/profiles/maryam/category/verify');
    expect(verified).toMatchObject({ status: 200, body: { id: 'maryam', category: 'student', verification: { status: 'verified' } } });
    expect((await call(consultant, 'POST', '/profiles/maryam/category/reject', { reason: '' })).body).toMatchObject({ type: 'VALIDATION', issues: [expect.objectContaining({ path: 'reason' })] });
  });

  it('lists the routes in the OpenAPI document', async () => {
    const { call } = await portal();
    const { body } = await call(maryam, 'GET', '/openapi.json');
    expect(Object.keys(body.paths as object)).toEqual(expect.arrayContaining(['/profiles', '/profiles/me', '/profiles/me/student-card', '/profiles/{profileId}/category/verify', '/profiles/{profileId}/category/reject']));
  });
});
