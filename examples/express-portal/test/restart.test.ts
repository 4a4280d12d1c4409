import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { dumpTenantRows } from './raw-database';
import { act, Browser, signedIn, startTestPortal, type TestPortal } from './support';

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
  it('keeps orders, sessions, registered and seeded profiles and the catalogue, and goes on where it stopped', async () => {
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

    // Someone registers through the portal (not a demo user) and orders…
    const newcomer = new Browser(first.url);
    await newcomer.page('/login');
    const registered = await newcomer.form('/register', { fullName: 'نرگس امینی', nationalId: '۰۰۲۳۴۵۶۷۸۷', mobile: '09131112233', email: 'narges@example.ir' });
    expect(registered.status).toBe(303);
    await newcomer.page('/orders');
    const newcomerOrder = (await newcomer.form('/orders', { subject: 'خانوار', description: 'بعد خانوار به تفکیک شهرستان' })).headers.get('location')!;
    expect(newcomerOrder).toMatch(/^\/orders\//);
    // …and the catalogue changes: a seeded product retitled and repriced, a new one added.
    const seeded = (await first.catalogue.get(first.tenantId, 'price-index-bulletin'))!;
    await first.catalogue.put(first.tenantId, { ...seeded, title: 'نشریه شاخص قیمت (ویرایش تازه)', priceRial: 95_000n });
    await first.catalogue.put(first.tenantId, { id: 'housing-survey-1403', kind: 'publication', format: 'physical', title: 'نتایج طرح آمارگیری مسکن ۱۴۰۳', priceRial: 70_000n, status: 'active' });
    // Without PROFILE_ENCRYPTION_KEY the demo key is made once and kept for this user only.
    expect((await stat(path.join(dataDir, 'profile-encryption-key'))).mode & 0o777).toBe(0o600);
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

    // The registered person is still signed in, by name, and finds their order.
    newcomer.moveTo(second.url);
    const theirOrder = await newcomer.page(newcomerOrder);
    expect(theirOrder.status).toBe(200);
    expect(theirOrder.html).toContain('نرگس امینی');
    const profile = await second.profiles.findByNationalId(second.tenantId, '0023456787');
    expect(profile).toMatchObject({ fullName: 'نرگس امینی', mobile: '09131112233', email: 'narges@example.ir' });

    // The second start's seeding left the changed product as it was, and the new one is on sale.
    expect(await second.catalogue.get(second.tenantId, 'price-index-bulletin')).toMatchObject({ title: 'نشریه شاخص قیمت (ویرایش تازه)', priceRial: 95_000n });
    const shop = await newcomer.page('/shop');
    expect(shop.html).toContain('نتایج طرح آمارگیری مسکن ۱۴۰۳');
    expect(shop.html).toContain('نشریه شاخص قیمت (ویرایش تازه)');
    expect((await second.catalogue.list(second.tenantId)).products.filter((p) => p.id === 'price-index-bulletin')).toHaveLength(1);

    // On disk, the profile row is there but its national ID and mobile are not, in either script.
    await second.stop();
    const raw = await dumpTenantRows({ dataDir, ...(databaseUrl ? { databaseUrl } : {}) }, second.tenantId);
    expect(raw).toContain(profile!.id);
    for (const secret of ['0023456787', '۰۰۲۳۴۵۶۷۸۷', '09131112233', '۰۹۱۳۱۱۱۲۲۳۳']) expect(raw).not.toContain(secret);
  });
});
