/**
 * The portal's own pages under hostile input: they share the API's body handling, so a form over
 * the limit is a 413, a foreign charset or a compressed body a 415, a NUL in a form field or the
 * URL a 400 naming it — each a page in the visitor's language, never a 500, and nothing written.
 * Registration spends a public rate-limit token before any work.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { query } from './raw-database';
import { Browser, signedIn, startTestPortal, type TestPortal } from './support';

let portal: TestPortal;
beforeAll(async () => {
  portal = await startTestPortal({ publicRateLimit: { capacity: 4, refillMs: 60_000 } });
});
afterAll(async () => {
  await portal?.stop();
});

const supervisor = { id: 'test-reader', roles: ['supervisor'] };
const orderCount = async () => (await portal.desk.list({ tenantId: portal.tenantId, workflow: 'information-order', limit: 100 }, supervisor)).items.length;
async function profileRows(): Promise<number> {
  const [row] = await query<{ n: number }>(portal, 'SELECT count(*) AS n FROM statdesk_profiles WHERE tenant_id = ?', [portal.tenantId]);
  return Number(row?.n);
}

describe('hostile input on the portal pages', () => {
  it('an order description of 90 KB is a 413 page; foreign charsets and encodings 415; a NUL in a field 400', async () => {
    const citizen = await signedIn(portal.url, 'citizen-maryam');
    await citizen.page('/orders');
    const before = await orderCount();
    const post = (body: string, contentType = 'application/x-www-form-urlencoded', extra: Record<string, string> = {}) =>
      citizen.request('/orders', { method: 'POST', body, headers: { 'content-type': contentType, ...extra } });
    const form = (fields: Record<string, string>) => new URLSearchParams({ ...fields, _csrf: citizen.csrf }).toString();

    const huge = await post(form({ subject: 'Census', description: 'ن'.repeat(45_000) }));
    expect(huge.status).toBe(413);
    expect(await huge.text()).toContain('بزرگ‌تر');
    const charset = await post(form({ subject: 'Census', description: 'x' }), 'application/x-www-form-urlencoded; charset=klingon');
    expect(charset.status).toBe(415);
    const encoded = await post(form({ subject: 'Census', description: 'x' }), 'application/x-www-form-urlencoded', { 'content-encoding': 'x-bogus' });
    expect(encoded.status).toBe(415);
    const nul = await post(form({ subject: 'Cen\u0000sus', description: 'x' }));
    expect(nul.status).toBe(400);
    // The field named as people call it, in the page's language.
    expect(await nul.text()).toContain('موضوع');
    const json = await post('{"subject":"x"}', 'application/json');
    expect(json.status).toBe(415);
    expect(await orderCount()).toBe(before);
  });

  it('a NUL or an undecodable segment in the URL is a 400 page, not a database error', async () => {
    const visitor = new Browser(portal.url);
    for (const path of ['/demo-bank/a%00b', '/demo-bank/a%ED%A0%80b', '/demo-bank/%E0%A4%A', '/status?x=%00']) {
      const page = await visitor.page(path);
      expect([path, page.status]).toEqual([path, 400]);
    }
  });

  it('registration is rate limited before any work: the fifth try from one client is a 429', async () => {
    const visitor = new Browser(portal.url, '10.20.30.40');
    await visitor.page('/login');
    const profiles = await profileRows();
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await visitor.form('/register', { fullName: 'کسی', nationalId: '1234567890', mobile: '0912' })).status);
    expect(statuses).toEqual([400, 400, 400, 400, 429]);
    expect(await profileRows()).toBe(profiles);
    // Another client still has its own budget.
    const other = new Browser(portal.url, '10.20.30.41');
    await other.page('/login');
    expect((await other.form('/register', { fullName: 'کسی', nationalId: '1234567890', mobile: '0912' })).status).toBe(400);
  });
});
