import { describe, expect, it } from 'vitest';
import { withSla } from '@statdesk/core';
import { createTestDesk } from '@statdesk/testing';
import { createHttpHandler } from '../src';
import { reviewWorkflow } from '../../core/test/engine/review.workflow';
import { APPLICANT, OFFICER, identifyFromHeader, jsonRequest, reviewInput } from './support';

describe('SLA status in views', () => {
  it('adds the SLA summary to list items and instance views of an SLA-bound workflow', async () => {
    const bound = withSla(reviewWorkflow(), {
      policy: {
        id: 'review-decision',
        version: '1',
        targets: [{ name: 'decision', clock: 'wall', budget: { hours: 48 }, start: [{ event: 'submit' }], pause: [{ state: 'awaitingApplicant' }], stop: [{ state: 'approved' }] }],
      },
    });
    const { desk, clock } = createTestDesk({ workflows: [bound] });
    const handler = createHttpHandler(desk, { identify: identifyFromHeader });
    const created = await handler(jsonRequest('POST', '/workflows/review/instances', { input: reviewInput }, { 'x-test-user': APPLICANT }));
    const { instanceId } = (await created.json()) as { instanceId: string };
    await handler(jsonRequest('POST', `/instances/${instanceId}/events`, { type: 'submit' }, { 'x-test-user': APPLICANT }));
    clock.advance(40 * 3600_000);

    const listed = await handler(jsonRequest('GET', '/workflows/review/instances', undefined, { 'x-test-user': OFFICER }));
    const [item] = ((await listed.json()) as { items: { sla: { urgency: string; nextDeadline: { target: string; at: string } } }[] }).items;
    expect(item!.sla).toMatchObject({ urgency: 'at-risk', nextDeadline: { target: 'decision', at: new Date(Date.parse('2025-03-22T05:30:00.000Z') + 48 * 3600_000).toISOString() } });

    const view = await handler(jsonRequest('GET', `/instances/${instanceId}`, undefined, { 'x-test-user': OFFICER }));
    expect(await view.json()).toMatchObject({ sla: { urgency: 'at-risk' } });
  });

  it('leaves sla out for a workflow without a policy', async () => {
    const { desk } = createTestDesk({ workflows: [reviewWorkflow()] });
    const handler = createHttpHandler(desk, { identify: identifyFromHeader });
    const created = await handler(jsonRequest('POST', '/workflows/review/instances', { input: reviewInput }, { 'x-test-user': APPLICANT }));
    const { instanceId } = (await created.json()) as { instanceId: string };
    const view = (await (await handler(jsonRequest('GET', `/instances/${instanceId}`, undefined, { 'x-test-user': OFFICER }))).json()) as Record<string, unknown>;
    expect('sla' in view).toBe(false);
  });
});
