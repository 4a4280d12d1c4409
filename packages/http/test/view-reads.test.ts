/**
 * What `GET /instances/:id` costs the storage: one load of the instance, and the history only
 * when the workflow has an SLA summary to show.
 */
import { describe, expect, it } from 'vitest';
import { withSla } from '@statdesk/core';
import { createTestDesk } from '@statdesk/testing';
import { createHttpHandler } from '../src';
import { CountingStorage } from '../../core/test/engine/counting-storage';
import { reviewWorkflow } from '../../core/test/engine/review.workflow';
import { APPLICANT, OFFICER, identifyFromHeader, jsonRequest, reviewInput } from './support';

const slaBound = () =>
  withSla(reviewWorkflow(), {
    policy: { id: 'review-decision', version: '1', targets: [{ name: 'decision', clock: 'wall', budget: { hours: 48 }, start: [{ event: 'submit' }], stop: [{ state: 'approved' }] }] },
  });

async function viewOnce(workflow: ReturnType<typeof reviewWorkflow>) {
  const storage = new CountingStorage();
  const { desk } = createTestDesk({ workflows: [workflow], storage });
  const handler = createHttpHandler(desk, { identify: identifyFromHeader });
  const created = await handler(jsonRequest('POST', '/workflows/review/instances', { input: reviewInput }, { 'x-test-user': APPLICANT }));
  const { instanceId } = (await created.json()) as { instanceId: string };
  await handler(jsonRequest('POST', `/instances/${instanceId}/events`, { type: 'submit' }, { 'x-test-user': APPLICANT }));
  storage.instanceLoads = 0;
  storage.historyReads = 0;
  const response = await handler(jsonRequest('GET', `/instances/${instanceId}`, undefined, { 'x-test-user': OFFICER }));
  return { storage, response, body: (await response.json()) as Record<string, unknown> };
}

describe('an instance view reads what it shows, once', () => {
  it('loads the instance once and its history once for the SLA summary', async () => {
    const { storage, response, body } = await viewOnce(slaBound());
    expect(response.status).toBe(200);
    expect(body).toMatchObject({ state: 'submitted', sla: { urgency: 'on-track', nextDeadline: { target: 'decision' } } });
    expect([storage.instanceLoads, storage.historyReads]).toEqual([1, 1]);
  });

  it('reads no history for a workflow without an SLA', async () => {
    const { storage, body } = await viewOnce(reviewWorkflow());
    expect('sla' in body).toBe(false);
    expect([storage.instanceLoads, storage.historyReads]).toEqual([1, 0]);
  });
});
