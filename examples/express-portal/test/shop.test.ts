import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedIn, startTestPortal, type TestPortal } from './support';

let portal: TestPortal;
beforeAll(async () => {
  portal = await startTestPortal();
});
afterAll(async () => {
  await portal?.stop();
});

describe('a shop purchase through the in-process bank', () => {
  it('buys a digital product, pays at the demo bank, comes back through the callback and downloads it', async () => {
    const customer = await signedIn(portal.url, 'citizen-maryam');
    const shop = await customer.page('/shop');
    expect(shop.status).toBe(200);
    expect(shop.html).toContain('جداول نتایج سرشماری ۱۳۹۵');
    // The form is filled from the profile's official contacts.
    expect(shop.html).toContain('value="09121234567"');

    const bought = await customer.form('/shop/orders', { productId: 'census-1395-tables', fullName: 'مریم احمدی', mobile: '09121234567', email: 'maryam@example.ir' });
    expect(bought.status).toBe(303);
    const orderPath = bought.headers.get('location')!;
    const orderId = orderPath.split('/').at(-1)!;
    const placed = await customer.page(orderPath);
    expect(placed.html).toContain('در انتظار پرداخت');

    const pay = await customer.form(`${orderPath}/pay`, {});
    expect(pay.status).toBe(303);
    const bankPath = pay.headers.get('location')!;
    expect(bankPath).toMatch(/^\/demo-bank\//);
    const bank = await customer.page(bankPath);
    expect(bank.status).toBe(200);
    expect(bank.html).toContain('درگاه بانکی نمایشی');

    // The card holder pays; the bank sends the browser to the portal's callback with the authority.
    const paid = await customer.form(bankPath, { outcome: 'pay' });
    expect(paid.status).toBe(303);
    // Back to the origin the customer came from (a path, so the browser stays on its host).
    expect(paid.headers.get('location')).toMatch(/^\/api\/payments\/callback\/zarinpal\?/);
    const callback = new URL(paid.headers.get('location')!, customer.base);
    expect(callback.pathname).toBe('/api/payments/callback/zarinpal');
    expect(callback.searchParams.get('Status')).toBe('OK');
    const back = await customer.request(callback.toString());
    expect(back.status).toBe(303);
    expect(back.headers.get('location')).toBe(`/shop/orders/${orderId}`);

    // Verification runs after the callback commits; the order completes once it is verified.
    let html = '';
    for (let i = 0; i < 100 && !html.includes('/api/downloads/'); i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      html = (await customer.page(orderPath)).html;
    }
    // The state is named in words, with the customer's status; no state path or engine key.
    expect(html).toContain('<strong class="state">تکمیل‌شده</strong>');
    expect(html).toContain('سفارش شما تکمیل شد.');
    expect(html).not.toMatch(/fulfilling\.|digital\.|postal\.none|statdesk\.create/);
    const href = /href="(\/api\/downloads\/[A-Za-z0-9_-]+)"/.exec(html)![1]!;
    const download = await customer.request(href);
    expect(download.status).toBe(200);
    expect(await download.text()).toContain('province,population');

    // A second delivery of the same callback changes nothing.
    const again = await customer.request(callback.toString());
    expect(again.status).toBe(303);
    const payments = await portal.desk.list({ tenantId: portal.tenantId, workflow: 'payment', limit: 10 }, { id: 't', roles: ['supervisor'] });
    expect(payments.items.filter((p) => p.id.startsWith(orderId))).toHaveLength(1);
    expect(payments.items.find((p) => p.id.startsWith(orderId))?.state).toBe('settled');
  });

  it('refuses bad particulars before any order is created', async () => {
    const customer = await signedIn(portal.url, 'student-sara');
    await customer.page('/shop');
    const reader = { id: 't', roles: ['supervisor'] };
    const before = (await portal.desk.list({ tenantId: portal.tenantId, workflow: 'shop-order', limit: 100 }, reader)).items.length;
    const refused = await customer.form('/shop/orders', { productId: 'statistical-yearbook-1401', quantity: '1', fullName: 'سارا کریمی', mobile: '12345', address: 'تهران', postalCode: '123', destination: 'tehran' });
    expect(refused.status).toBe(400);
    const page = await refused.text();
    expect(page).toContain('شمارهٔ همراه درست نیست');
    expect(page).toContain('کد پستی باید ده رقم باشد.');
    expect(page).toContain('value="12345"');
    expect(page).not.toContain('customer.mobile');
    expect((await portal.desk.list({ tenantId: portal.tenantId, workflow: 'shop-order', limit: 100 }, reader)).items.length).toBe(before);
  });
});

describe('paying with the portal opened at 127.0.0.1', () => {
  it('the bank sends the customer back to 127.0.0.1, where the callback lands on their session', async () => {
    const at127 = portal.url.replace('://localhost', '://127.0.0.1');
    expect(new URL(at127).hostname).toBe('127.0.0.1');
    const customer = await signedIn(at127, 'citizen-maryam');
    const bought = await customer.form('/shop/orders', { productId: 'census-1395-tables', fullName: 'مریم احمدی', mobile: '09121234567', email: 'maryam@example.ir' });
    const orderPath = bought.headers.get('location')!;
    const bankPath = (await customer.form(`${orderPath}/pay`, {})).headers.get('location')!;
    const paid = await customer.form(bankPath, { outcome: 'pay' });
    const callback = new URL(paid.headers.get('location')!, customer.base);
    expect(callback.origin).toBe(new URL(at127).origin);
    const back = await customer.request(callback.toString());
    expect(back.status).toBe(303);
  });
});

describe('the page frame', () => {
  it('serves a favicon and the Persian web font from the vazirmatn package', async () => {
    const icon = await fetch(new URL('/favicon.ico', portal.url));
    expect(icon.status).toBe(200);
    expect(icon.headers.get('content-type')).toContain('image/svg+xml');
    const font = await fetch(new URL('/assets/vazirmatn.woff2', portal.url));
    expect(font.status).toBe(200);
    expect(new TextDecoder().decode((await font.arrayBuffer()).slice(0, 4))).toBe('wOF2');
    const css = await (await fetch(new URL('/assets/portal.css', portal.url))).text();
    expect(css).toContain("url('/assets/vazirmatn.woff2')");
  });
});
