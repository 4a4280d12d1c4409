import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { act, Browser, signedIn, startTestPortal, type TestPortal } from './support';

let portal: TestPortal;
beforeAll(async () => {
  // A small bucket, so the test can spend it: 6 public requests, then one a minute.
  portal = await startTestPortal({ publicRateLimit: { capacity: 6, refillMs: 60_000 } });
});
afterAll(async () => {
  await portal?.stop();
});

describe('complaints, incidents and the pages', () => {
  it('files a complaint, shows both codes, finds it by both codes (page and API), and refuses a wrong pair', async () => {
    const citizen = await signedIn(portal.url, 'citizen-maryam');
    await citizen.page('/complaints');
    const filed = await citizen.form('/complaints', { kind: 'complaint', subject: 'تأخیر در پاسخ', body: 'سفارش من دو هفته است بی‌پاسخ مانده.' });
    expect(filed.status).toBe(201);
    const page = await filed.text();
    const trackingCode = /class="tracking-code" dir="ltr">([\d ]+)</.exec(page)![1]!;
    const complaintCode = /class="complaint-code" dir="ltr">([\d ]+)</.exec(page)![1]!;
    const instanceId = /href="\/complaints\/([^"]+)"/.exec(page)![1]!;

    // The officer acknowledges from the staff queue, which shows the SLA deadline.
    const officer = await signedIn(portal.url, 'complaints-reza');
    const queue = await officer.page('/staff');
    expect(queue.status).toBe(200);
    expect(queue.html).toContain(`href="/complaints/${instanceId}"`);
    expect(queue.html).toMatch(/class="deadline" data-at="\d{4}-\d\d-\d\dT/);
    // Named as the complainant was told (its tracking code) in the SDK's words, not by its machine id or state key.
    expect(queue.html).toContain(`<td dir="auto">${trackingCode}</td>`);
    expect(queue.html).not.toContain(`>${instanceId}<`);
    expect(queue.html).not.toMatch(/>stage1\.|>paused<|>not-started</);
    // The same inbox narrowed to the officer's own cases and to the supervisors' escalations: this one is in neither yet.
    const mine = await officer.page('/staff?view=mine');
    expect(mine.html).toContain('ارجاع‌شده به من');
    expect(mine.html).not.toContain(`href="/complaints/${instanceId}"`);
    expect((await officer.page('/staff?view=escalations')).html).not.toContain(`href="/complaints/${instanceId}"`);
    expect((await act(officer, instanceId, 'acknowledge')).status).toBe(303);

    const anonymous = new Browser(portal.url, '198.51.100.1');
    await anonymous.page('/complaints/lookup');
    const found = await anonymous.form('/complaints/lookup', { trackingCode, complaintCode });
    expect(found.status).toBe(200);
    expect(await found.text()).toContain('class="status">');
    const api = await anonymous.api('/api/public/complaints/lookup', { trackingCode: trackingCode.replace(/ /g, ''), complaintCode: complaintCode.replace(/ /g, '') });
    expect(api.status).toBe(200);
    expect(api.json.status).toBe('acknowledged');
    expect(JSON.stringify(api.json)).not.toContain('بی‌پاسخ');

    const wrong = await anonymous.api('/api/public/complaints/lookup', { trackingCode: trackingCode.replace(/ /g, ''), complaintCode: '00000000' });
    expect(wrong.status).toBe(404);
    const wrongPage = await anonymous.form('/complaints/lookup', { trackingCode, complaintCode: '0000 0000' });
    expect(wrongPage.status).toBe(404);
    // A code whose check digit is wrong is a typo: the field is named.
    const typo = await anonymous.form('/complaints/lookup', { trackingCode, complaintCode: '1111 1111' });
    expect(typo.status).toBe(400);
    expect(await typo.text()).toContain('complaintCode');
  });

  it('rate limits a client that keeps guessing codes: 429 with Retry-After', async () => {
    const guesser = new Browser(portal.url, '203.0.113.7');
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) {
      const answer = await guesser.api('/api/public/complaints/lookup', { trackingCode: `62807036927${i}`, complaintCode: '22237774' });
      statuses.push(answer.status);
      if (answer.status === 429) expect(Number(answer.response.headers.get('retry-after'))).toBeGreaterThan(0);
    }
    // Every request spends a token, well-formed or not: six answered, then refused.
    expect(statuses.slice(0, 6)).not.toContain(429);
    expect(statuses.slice(6)).toEqual([429, 429]);
  });

  it('an operator reports an incident and the public status shows it, safely', async () => {
    const operator = await signedIn(portal.url, 'operator-omid');
    await operator.page('/status');
    const reported = await operator.form('/staff/incidents', { workflow: 'incident-mobile-app', title: 'ورود به آمار همراه ممکن نیست', publicMessage: 'ورود به نرم‌افزار با خطا روبه‌رو است.' });
    expect(reported.status).toBe(303);
    const incidentId = reported.headers.get('location')!.split('/').at(-1)!;
    expect((await act(operator, incidentId, 'note', { text: 'گزارش از علی رضایی 09121234567' })).status).toBe(303);
    expect((await act(operator, incidentId, 'acknowledge', { publicMessage: 'در حال بررسی هستیم.' })).status).toBe(303);

    const visitor = new Browser(portal.url, '198.51.100.2');
    const board = await visitor.api('/api/public/incidents');
    expect(board.status).toBe(200);
    const incident = (board.json.incidents as { title: string; state: string; publicMessage: string; channel: string }[]).find((i) => i.title === 'ورود به آمار همراه ممکن نیست');
    expect(incident).toMatchObject({ channel: 'mobile-app', state: 'investigating', publicMessage: 'در حال بررسی هستیم.' });
    expect(JSON.stringify(board.json)).not.toContain('09121234567');
    const statusPage = await visitor.page('/status');
    expect(statusPage.status).toBe(200);
    expect(statusPage.html).toContain('ورود به آمار همراه ممکن نیست');
    expect(statusPage.html).toContain('در حال بررسی');
    expect(statusPage.html).not.toContain('09121234567');
    const history = await portal.desk.history({ tenantId: portal.tenantId, instanceId: incidentId }, { id: 't', roles: ['supervisor'] });
    expect(history.map((h) => h.toState)).toEqual(['reported', 'reported', 'investigating']);
  });
});

describe('the pages', () => {
  it('render in Persian, right to left, with Jalali dates and Persian digits, and switch to English', async () => {
    const visitor = new Browser(portal.url, '198.51.100.3');
    for (const path of ['/', '/login', '/shop', '/complaints', '/complaints/lookup', '/status']) {
      const page = await visitor.page(path);
      expect(page.status, path).toBe(200);
      expect(page.html, path).toContain('<html lang="fa" dir="rtl">');
      expect(page.response.headers.get('content-security-policy')).toContain("script-src 'self'");
    }
    const shop = await visitor.page('/shop');
    expect(shop.html).toContain('سامانه خدمات اطلاع‌رسانی آماری');
    expect(shop.html).toMatch(/[۰-۹]{3}٬[۰-۹]{3} ریال/);

    const english = await visitor.page('/shop?lang=en');
    expect(english.html).toContain('<html lang="en" dir="ltr">');
    expect(english.html).toContain('Statistical information services (shop)');
    expect(english.html).toContain('250,000');
    // The choice sticks (a cookie) until switched back.
    expect((await visitor.page('/status')).html).toContain('<html lang="en" dir="ltr">');
    expect((await visitor.page('/status?lang=fa')).html).toContain('<html lang="fa" dir="rtl">');

    const staff = await signedIn(portal.url, 'supervisor-mina');
    const queue = await staff.page('/staff');
    expect(queue.html).toContain('کارتابل کارکنان');
    // Dates are Solar Hijri in Tehran time, in Persian digits.
    expect(queue.html).toMatch(/۱۴۰[۴-۹]/);
  });

  it('escapes what people type: a subject with markup is shown as text', async () => {
    const citizen = await signedIn(portal.url, 'student-sara');
    await citizen.page('/orders');
    const created = await citizen.form('/orders', { subject: '<script>alert(1)</script>', description: '"><img src=x onerror=alert(1)>' });
    expect(created.status).toBe(303);
    const page = await citizen.page(created.headers.get('location')!);
    expect(page.html).not.toContain('<script>alert(1)</script>');
    expect(page.html).not.toContain('<img src=x');
    expect(page.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });
});
