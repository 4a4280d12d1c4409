import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { act, Browser, PDF, signedIn, startTestPortal, type TestPortal } from './support';

let portal: TestPortal;
beforeAll(async () => {
  portal = await startTestPortal();
});
afterAll(async () => {
  await portal?.stop();
});

describe('an information order, from registration to download, over HTTP', () => {
  it('a newly registered applicant orders data, pays by bank receipt and downloads the prepared file', async () => {
    const citizen = new Browser(portal.url);
    await citizen.page('/login');
    const registered = await citizen.form('/register', { fullName: 'نرگس امینی', nationalId: '۰۰۲۳۴۵۶۷۸۷', mobile: '09123456789', email: 'narges@example.ir' });
    expect(registered.status).toBe(303);
    expect(registered.headers.get('location')).toBe('/orders');
    await citizen.page('/orders');

    const created = await citizen.form('/orders', { subject: 'درآمد خانوار به تفکیک شهرستان', description: 'جدول درآمد خانوار استان تهران، ۱۳۹۵ تا ۱۴۰۰', geography: 'استان تهران' });
    expect(created.status).toBe(303);
    const orderPath = created.headers.get('location')!;
    const orderId = decodeURIComponent(orderPath.split('/').at(-1)!);
    expect(orderId).toMatch(/^IO-[0-9A-F]{10}$/);
    expect((await act(citizen, orderId, 'submit')).status).toBe(303);

    const consultant = await signedIn(portal.url, 'consultant-ali');
    expect((await act(consultant, orderId, 'askQuestion', { text: 'کدام سال‌ها دقیقاً؟' })).status).toBe(303);
    expect((await act(citizen, orderId, 'sendMessage', { text: '۱۳۹۵ تا ۱۴۰۰' })).status).toBe(303);
    expect((await act(consultant, orderId, 'accept')).status).toBe(303);

    const pricing = await signedIn(portal.url, 'pricing-neda');
    const quoted = await act(pricing, orderId, 'issueQuote', { 'items.records': '۱۲۰', 'items.tables.0.level': 'county', 'items.tables.0.count': '2' });
    expect(quoted.status).toBe(303);
    expect((await act(citizen, orderId, 'acceptQuote')).status).toBe(303);

    const page = await citizen.page(orderPath);
    expect(page.status).toBe(200);
    expect(page.html).toContain('در انتظار فیش بانکی');
    expect(page.html).toContain('data-upload-policy="receipt"');
    const amount = /data-rial="(\d+)"/.exec(page.html)![1]!;
    expect(BigInt(amount)).toBeGreaterThan(0n);

    // The receipt form, as /assets/portal.js sends it: the scan to /api/files, then the event.
    const scan = await citizen.upload('receipt', PDF(orderId), 'application/pdf');
    expect(scan.status).toBe(201);
    const receipt = await citizen.api(`/api/workflows/information-order/instances/${orderId}/events/submitReceipt`, {
      bankTracking: `BT${orderId.slice(3)}`,
      amount,
      paidOn: new Date().toISOString().slice(0, 10),
      cardLastFour: '4321',
      scan: { key: scan.json.key },
    });
    expect(receipt.status).toBe(200);
    expect(receipt.json.state).toBe('payment.receiptSubmitted');

    const finance = await signedIn(portal.url, 'finance-hamid');
    expect((await act(finance, orderId, 'verifyPayment', { note: 'OK' })).status).toBe(303);

    const preparer = await signedIn(portal.url, 'preparer-leila');
    expect((await act(preparer, orderId, 'startPreparation')).status).toBe(303);
    const data = new TextEncoder().encode(`%PDF-1.4\n% prepared tables for ${orderId}\n%%EOF\n`);
    const stored = await preparer.upload('default', data, 'application/pdf', 'tables.pdf');
    expect(stored.status).toBe(201);
    const attached = await preparer.api(`/api/workflows/information-order/instances/${orderId}/events/attachFile`, { file: { key: stored.json.key }, title: 'جداول درآمد' });
    expect(attached.status).toBe(200);
    expect((await act(preparer, orderId, 'deliver')).status).toBe(303);

    const delivered = await citizen.page(orderPath);
    expect(delivered.html).toContain('تحویل‌شده');
    const href = /href="(\/api\/downloads\/[A-Za-z0-9_-]+\.1)"/.exec(delivered.html)![1]!;
    const download = await citizen.request(href);
    expect(download.status).toBe(200);
    expect(download.headers.get('content-disposition')).toMatch(/^attachment/);
    expect(new Uint8Array(await download.arrayBuffer())).toEqual(data);

    // Every download is logged in the history; personal fields never are.
    const history = await citizen.api(`/api/instances/${orderId}/history`);
    const events = history.json.items.map((row: { eventType: string }) => row.eventType);
    expect(events).toEqual(expect.arrayContaining(['statdesk.create', 'submit', 'issueQuote', 'submitReceipt', 'verifyPayment', 'deliver', 'download']));
    const historyText = JSON.stringify(history.json);
    expect(historyText).not.toContain('4321');
    expect(historyText).not.toContain('0023456787');
    expect((await portal.desk.verifyHistory({ tenantId: portal.tenantId, instanceId: orderId })).ok).toBe(true);

    // The notifications went to the applicant's profile, without the national ID.
    await portal.desk.drain();
    const printed = portal.notifications.join('\n');
    expect(printed).toContain(orderId);
    expect(printed).not.toContain('0023456787');
  });
});
