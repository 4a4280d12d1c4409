import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { query } from './raw-database';
import { act, Browser, signedIn, startTestPortal, type TestPortal } from './support';

let portal: TestPortal;
beforeAll(async () => {
  portal = await startTestPortal();
});
afterAll(async () => {
  await portal?.stop();
});

const supervisor = { id: 'test-reader', roles: ['supervisor'] };
const orderCount = async () => (await portal.desk.list({ tenantId: portal.tenantId, workflow: 'information-order', limit: 100 }, supervisor)).items.length;

/** Profiles as the database holds them (the portal's own SQLite file). */
async function profileRows(): Promise<number> {
  const [row] = await query<{ n: number }>(portal, 'SELECT count(*) AS n FROM statdesk_profiles WHERE tenant_id = ?', [portal.tenantId]);
  return Number(row?.n);
}

async function storedFiles(): Promise<string[]> {
  const out: string[] = [];
  const walk = async (dir: string): Promise<void> => {
    for (const entry of await readdir(dir, { withFileTypes: true }).catch(() => [])) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) await walk(full);
      else out.push(full);
    }
  };
  await walk(path.join(portal.dataDir, 'files'));
  return out.sort();
}

describe('refused requests get their status and write nothing', () => {
  it('validation errors name the fields (page and API), and no order is created', async () => {
    const citizen = await signedIn(portal.url, 'citizen-maryam');
    await citizen.page('/orders');
    const before = await orderCount();
    const page = await citizen.form('/orders', { subject: '', description: 'جدول‌های ۱۴۰۰', geography: 'تهران' });
    expect(page.status).toBe(400);
    const text = await page.text();
    // The form comes back with what was typed and the field's problem beside it, in Persian.
    expect(text).toContain('موضوع را خالی نگذارید.');
    expect(text).toContain('value="تهران"');
    expect(text).toContain('جدول‌های ۱۴۰۰');
    expect(text).toContain('action="/orders"');
    expect(text).not.toContain('request.subject');
    const api = await citizen.api('/api/workflows/information-order/instances', { input: { request: { subject: 'x'.repeat(1000) } } });
    expect(api.status).toBe(400);
    expect(api.json.type).toBe('VALIDATION');
    expect(api.json.issues.map((i: { path: string }) => i.path)).toEqual(expect.arrayContaining(['request.description']));
    expect(await orderCount()).toBe(before);
  });

  it('a registration with a bad national ID and mobile is refused, naming both, and nobody is registered', async () => {
    const visitor = new Browser(portal.url);
    await visitor.page('/login');
    const profiles = await profileRows();
    const refused = await visitor.form('/register', { fullName: 'کسی', nationalId: '1234567890', mobile: '0912' });
    expect(refused.status).toBe(400);
    const text = await refused.text();
    expect(text).toContain('کد ملی درست نیست');
    expect(text).toContain('شمارهٔ همراه درست نیست');
    expect(text).toContain('value="0912"');
    expect(text).not.toContain('1234567890');
    expect(await profileRows()).toBe(profiles);
  });

  it('unknown ids are 404, wrong roles 403, no session 401, a missing CSRF token 403 — and the order is unchanged', async () => {
    const citizen = await signedIn(portal.url, 'citizen-maryam');
    await citizen.page('/orders');
    const created = await citizen.form('/orders', { subject: 'آمار ازدواج', description: 'ازدواج به تفکیک استان ۱۴۰۲' });
    const orderId = created.headers.get('location')!.split('/').at(-1)!;
    const ref = { tenantId: portal.tenantId, instanceId: orderId };
    const version = (await portal.desk.get(ref, supervisor)).version;

    expect((await citizen.api('/api/instances/IO-NOSUCHORDER')).status).toBe(404);
    expect((await citizen.page('/orders/IO-NOSUCHORDER')).status).toBe(404);

    // An applicant may not price their own order; another citizen may not even see it.
    const quote = await citizen.api(`/api/workflows/information-order/instances/${orderId}/events/issueQuote`, { items: { records: 1 } });
    expect(quote.status).toBe(403);
    expect(quote.json.type).toBe('NOT_ALLOWED');
    const other = await signedIn(portal.url, 'student-sara');
    expect((await act(other, orderId, 'submit')).status).toBe(404);
    const finance = await signedIn(portal.url, 'finance-hamid');
    expect((await act(finance, orderId, 'submit')).status).toBe(403);

    const anonymous = new Browser(portal.url);
    expect((await anonymous.api(`/api/instances/${orderId}`)).status).toBe(401);
    expect((await anonymous.page(`/orders/${orderId}`)).status).toBe(401);

    // A form without the session's token (what another site could post) is refused.
    expect((await citizen.form(`/instances/${orderId}/act`, { type: 'submit' }, { csrf: null })).status).toBe(403);
    expect((await citizen.form(`/instances/${orderId}/act`, { type: 'submit' }, { csrf: 'forged' })).status).toBe(403);
    // The JSON API wants the token as a header: without it the caller is not signed in.
    const noHeader = await citizen.request(`/api/workflows/information-order/instances/${orderId}/events/submit`, { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } });
    expect(noHeader.status).toBe(401);
    // Not allowed in this state: 409.
    expect((await act(citizen, orderId, 'acceptQuote')).status).toBe(409);

    expect((await portal.desk.get(ref, supervisor)).version).toBe(version);
    expect((await portal.desk.history(ref, supervisor)).length).toBe(1);
  });

  it('an oversized or mistyped upload is 413 / 415 and nothing is stored', async () => {
    const citizen = await signedIn(portal.url, 'citizen-maryam');
    const before = await storedFiles();
    const big = new Uint8Array(6 * 1024 * 1024);
    big.set(new TextEncoder().encode('%PDF-1.4\n'));
    const tooBig = await citizen.upload('receipt', big, 'application/pdf');
    expect(tooBig.status).toBe(413);
    expect(tooBig.json.type).toBe('PAYLOAD_TOO_LARGE');
    const notAReceipt = await citizen.upload('receipt', new TextEncoder().encode('MZ this is not a scan'), 'application/pdf');
    expect(notAReceipt.status).toBe(415);
    expect(await storedFiles()).toEqual(before);
  });

  it('a download token nobody issued is a 404', async () => {
    const visitor = new Browser(portal.url, '192.0.2.9');
    expect((await visitor.request('/api/downloads/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA.1')).status).toBe(404);
    expect((await visitor.request('/api/downloads/not-a-token')).status).toBe(404);
  });
});
