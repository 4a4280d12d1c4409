/**
 * The office pages on the running portal: a supervisor opens the month's SLA report (a chart and
 * the figures, with people's labels) after a consultant answered an order, downloads the month's
 * CSV from the page's link, and finds the order by the applicant's national ID; a citizen gets
 * neither page nor API.
 */
import { solarMonthOf } from '@statdesk/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { act, signedIn, startTestPortal, type TestPortal } from './support';

let portal: TestPortal;
beforeAll(async () => {
  portal = await startTestPortal();
});
afterAll(async () => {
  await portal?.stop();
});

describe('reports and search on the portal', () => {
  it('a supervisor sees the month, downloads its CSV and finds the order; a citizen cannot', async () => {
    const citizen = await signedIn(portal.url, 'citizen-maryam');
    await citizen.page('/orders');
    const created = await citizen.form('/orders', { subject: 'درآمد خانوار به تفکیک شهرستان', description: 'جدول درآمد خانوار استان تهران', geography: 'استان تهران' });
    const orderId = decodeURIComponent(created.headers.get('location')!.split('/').at(-1)!);
    expect((await act(citizen, orderId, 'submit')).status).toBe(303);
    const consultant = await signedIn(portal.url, 'consultant-ali');
    expect((await act(consultant, orderId, 'accept')).status).toBe(303); // the first response: met

    const supervisor = await signedIn(portal.url, 'supervisor-mina');
    const month = solarMonthOf(new Date());
    const reportPage = await supervisor.page(`/staff/reports?kind=sla&month=${month}`);
    expect(reportPage.status).toBe(200);
    expect(reportPage.html).toContain('<svg class="chart"');
    expect(reportPage.html).toContain('سفارش اطلاعات');
    expect(reportPage.html).not.toContain(orderId);
    const csvHref = /href="(\/api\/reports\/sla\?[^"]+format=csv[^"]*)"/.exec(reportPage.html)![1]!.replace(/&amp;/g, '&');

    const csv = await supervisor.request(csvHref);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-disposition')).toContain(`sla-${month}.csv`);
    const bytes = new Uint8Array(await csv.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(bytes.slice(3)).trim().split('\r\n');
    expect(lines[0]!.startsWith('ماه,کانال,هدف,رعایت‌شده,نقض‌شده')).toBe(true);
    const firstResponse = lines.find((line) => line.startsWith(`${month},سفارش اطلاعات,نخستین پاسخ,`));
    expect(firstResponse?.split(',').slice(3, 5)).toEqual(['1', '0']);

    const search = await supervisor.page(`/staff/search?by=nationalId&q=${encodeURIComponent('۰۰۱۲۳۴۵۶۷۹')}`);
    expect(search.status).toBe(200);
    expect(search.html).toContain(`/orders/${orderId}`);

    expect((await citizen.page(`/staff/reports?month=${month}`)).status).toBe(403);
    expect((await citizen.request(csvHref)).status).toBe(403);
    expect((await citizen.request(`/api/search?by=order&q=${orderId}`)).status).toBe(403);
  });
});
