/**
 * Error answers for people: beside the stable `type` and developer `message` (unchanged), the
 * body names the finer `reason`, the field, the parameters, and a Persian and English message.
 */
import { describe, expect, it } from 'vitest';
import { HOME_TENANT, OWNER, fixtureId, shippedDesk } from './shipped-desk';
import { jsonRequest } from './support';

const asOwner = (role: string) => ({ 'x-test-user': `${OWNER}:${role}`, 'x-test-tenant': HOME_TENANT });

describe('error bodies carry messages for people', () => {
  it('an action the state does not accept: 409 naming the state and action by their labels', async () => {
    const { handler } = await shippedDesk();
    const response = await handler(jsonRequest('POST', `/instances/${fixtureId('information-order')}/events`, { type: 'acceptQuote' }, asOwner('applicant')));
    expect(response.status).toBe(409);
    expect(await response.json()).toEqual({
      type: 'INVALID_TRANSITION',
      message: 'Event "acceptQuote" is not accepted in state "draft"',
      reason: 'state-refuses-event',
      params: { event: 'acceptQuote', state: 'draft', workflow: 'information-order' },
      messages: { fa: 'در وضعیت «پیش‌نویس» امکان «پذیرش هزینه» نیست.', en: '“Accept the quote” is not possible while the case is “Draft”.' },
    });
  });

  it('a bad field: 400 with each issue worded for people beside its path', async () => {
    const { handler } = await shippedDesk();
    const response = await handler(
      jsonRequest('POST', `/instances/${fixtureId('information-order')}/events`, { type: 'updateRequest', request: { subject: '', description: 'x' } }, asOwner('applicant')),
    );
    expect(response.status).toBe(400);
    const body = (await response.json()) as { type: string; reason: string; path: string; issues: { path: string; code: string; message: string; messages: unknown; params: unknown }[] };
    expect(body).toMatchObject({ type: 'VALIDATION', reason: 'validation', path: 'request.subject' });
    expect(body.issues).toEqual([
      {
        path: 'request.subject',
        code: 'too_small',
        message: 'must not be empty',
        params: { minimum: 1, origin: 'string' },
        messages: { fa: 'موضوع را خالی نگذارید.', en: 'Subject must not be empty.' },
      },
    ]);
  });
});
