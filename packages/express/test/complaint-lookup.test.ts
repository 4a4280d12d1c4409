/**
 * The public complaint lookup wired as docs/integrations/express.md shows: the route's
 * `complaintLookup` calls `lookupComplaint` from `@statdesk/core` on a desk running the real
 * complaint workflow.
 */
import express from 'express';
import { afterEach, describe, expect, it } from 'vitest';
import { complaintWorkflow, fileMessage, lookupComplaint } from '@statdesk/core';
import { createTestDesk } from '@statdesk/testing';
import { statdeskRouter } from '../src';
import { JSON_HEADERS, MOUNT, TENANT, identifyFromHeader, listen, type Started } from './support';

let server: Started | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('public complaint lookup over Express', () => {
  it('finds a complaint by both codes, shows a citizen-safe view, and answers one 404 for a wrong pair', async () => {
    const { desk } = createTestDesk({ workflows: [complaintWorkflow()], start: '2025-04-05T05:00:00.000Z' });
    const file = (who: string) =>
      fileMessage(desk, {
        tenantId: TENANT,
        actor: { id: who, roles: ['citizen'] },
        input: { kind: 'complaint', subject: 'Census tables not answered', body: 'No answer yet. My phone is 09121234567.' },
      });
    const filed = await file('citizen-1');
    const other = await file('citizen-2');
    const app = express();
    app.use(
      MOUNT,
      statdeskRouter(desk, {
        identify: identifyFromHeader,
        publicTenant: TENANT,
        complaintLookup: async (codes, ctx) => {
          const result = await lookupComplaint(desk, { tenantId: ctx.tenantId, ...codes });
          return result.found ? result.message : null;
        },
      }),
    );
    server = await listen(app);
    const lookup = (body: unknown) => fetch(server!.url('/public/complaints/lookup'), { method: 'POST', headers: JSON_HEADERS, body: JSON.stringify(body) });

    const found = await lookup({ trackingCode: filed.display.trackingCode, complaintCode: filed.complaintCode });
    expect(found.status).toBe(200);
    const text = await found.text();
    expect(JSON.parse(text)).toMatchObject({ kind: 'complaint' });
    expect(text).not.toContain('09121234567');

    // Well-formed codes, each real, but not of the same message.
    const wrongComplaintCode = await lookup({ trackingCode: filed.trackingCode, complaintCode: other.complaintCode });
    const wrongTrackingCode = await lookup({ trackingCode: other.trackingCode, complaintCode: filed.complaintCode });
    expect(wrongComplaintCode.status).toBe(404);
    expect(wrongTrackingCode.status).toBe(404);
    expect(await wrongComplaintCode.json()).toEqual(await wrongTrackingCode.json());
  });
});
