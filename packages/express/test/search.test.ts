/**
 * `GET /search` on a real Express server over information orders: staff find a paid order by
 * its receipt and by the applicant's national ID; citizens are refused; a bad query names its field.
 */
import { createStaffSearch } from '@statdesk/core';
import express from 'express';
import { afterEach, describe, expect, it } from 'vitest';
import { statdeskRouter } from '../src';
import { contextOf, createWorld, orderAt } from '../../core/test/workflows/information-order/harness';
import { identifyFromHeader, listen, MOUNT, type Started } from './support';

let server: Started | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('GET /search over HTTP', () => {
  it('finds cases for staff by receipt and national ID, and refuses citizens', async () => {
    const world = await createWorld();
    const paid = await orderAt(world, 'paymentVerified');
    const app = express();
    app.use(MOUNT, statdeskRouter(world.t.desk, { identify: identifyFromHeader, search: { source: createStaffSearch({ desk: world.t.desk, profiles: world.profiles }) } }));
    server = await listen(app);
    const get = async (query: string, user: string) => {
      const response = await fetch(server!.url(`/search?${query}`), { headers: { 'x-test-user': user } });
      return { status: response.status, body: (await response.json()) as { items?: { id: string; state: string }[]; type?: string; issues?: { path: string }[] } };
    };

    const { bankTracking } = (await contextOf(world, paid)).payment.receipts[0]!;
    const byReceipt = await get(`by=receipt&q=${encodeURIComponent(bankTracking)}`, 'f-1:finance-officer');
    expect(byReceipt.status).toBe(200);
    expect(byReceipt.body.items!.map((i) => i.id)).toEqual([paid]);
    expect((await get(`by=nationalId&q=${encodeURIComponent('۰۰۱۲۳۴۵۶۷۹')}`, 'boss:supervisor')).body.items!.map((i) => i.id)).toEqual([paid]);

    expect(await get(`by=order&q=${paid}`, 'maryam:applicant')).toMatchObject({ status: 403, body: { type: 'NOT_ALLOWED' } });
    const bad = await get('by=email&q=x&page=2', 'boss:supervisor');
    expect(bad.status).toBe(400);
    expect(bad.body.issues!.map((i) => i.path).sort()).toEqual(['by', 'page']);
    expect((await get('by=order', 'boss:supervisor')).body.issues!.map((i) => i.path)).toEqual(['q']);
  });
});
