import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { act, signedIn, startTestPortal, type TestPortal } from './support';

// PostgreSQL when DATABASE_URL is set (CI sets it), else the embedded default, SQLite: the test
// always runs, on whichever database this machine has.
const databaseUrl = process.env.DATABASE_URL;
const running: TestPortal[] = [];
let dataDir = '';

afterAll(async () => {
  for (const portal of running) await portal.stop().catch(() => undefined);
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

describe(`the portal across a restart (${databaseUrl ? 'PostgreSQL' : 'SQLite'})`, () => {
  it('keeps orders, sessions and the seeded profiles, and goes on where it stopped', async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'statdesk-portal-restart-'));
    // A tenant of its own, so runs sharing one PostgreSQL database never see each other's rows.
    const options = { dataDir, tenantId: `sci-${randomUUID().slice(0, 8)}`, ...(databaseUrl ? { databaseUrl } : {}) };
    const first = await startTestPortal(options);
    running.push(first);
    expect(first.database).toBe(databaseUrl ? 'postgresql' : 'sqlite');

    const citizen = await signedIn(first.url, 'student-sara');
    await citizen.page('/orders');
    const created = await citizen.form('/orders', { subject: 'جمعیت دانشجویی', description: 'دانشجویان به تفکیک استان ۱۴۰۳' });
    const orderId = created.headers.get('location')!.split('/').at(-1)!;
    expect((await act(citizen, orderId, 'submit')).status).toBe(303);
    await first.stop();

    const second = await startTestPortal({ ...options, port: 0 });
    running.push(second);
    // The browser's session cookie is still good (the secret is kept in the data folder)…
    citizen.moveTo(second.url);
    const page = await citizen.page(`/orders/${orderId}`);
    expect(page.status).toBe(200);
    expect(page.html).toContain('ارسال‌شده');

    // …and the seeded student profile (verified card) is back, so pricing applies the student tariff.
    const consultant = await signedIn(second.url, 'consultant-ali');
    expect((await act(consultant, orderId, 'accept')).status).toBe(303);
    const pricing = await signedIn(second.url, 'pricing-neda');
    expect((await act(pricing, orderId, 'issueQuote', { 'items.records': '100', 'items.tables.0.level': 'province', 'items.tables.0.count': '1' })).status).toBe(303);
    const data = (await second.desk.get({ tenantId: second.tenantId, instanceId: orderId }, { id: 't', roles: ['supervisor'] })).data as { quote?: { total: bigint; detail: { applicant: unknown } } };
    expect(data.quote?.total).toBeGreaterThan(0n);
    expect(data.quote?.detail.applicant).toEqual({ category: 'student', verified: true });
    expect((await second.desk.verifyHistory({ tenantId: second.tenantId, instanceId: orderId })).ok).toBe(true);
  });
});
