/**
 * A small order-like workflow for the SLA engine tests: submitted → consultation (awaiting the
 * applicant ↔ reviewing) → quoted, escalating to a supervisor when the quote SLA is breached.
 */
import { assign, setup } from 'xstate';
import { z } from 'zod';
import { defineSlaPolicy, defineWorkflow, notify } from '../../src';

export function quoteMachine() {
  return setup({
    types: {} as {
      context: { escalations: number };
      events:
        | { type: 'requestInfo'; question: string }
        | { type: 'reply'; answer: string }
        | { type: 'quote' }
        | { type: 'sla.breach'; target: string };
    },
  }).createMachine({
    id: 'quote-request',
    context: { escalations: 0 },
    initial: 'submitted',
    on: {
      'sla.breach': {
        actions: [
          assign({ escalations: ({ context }) => context.escalations + 1 }),
          notify(({ event }) => ({ recipient: { profileId: 'supervisor-1' }, channel: 'email', template: 'sla.breached', params: { target: event.target } })),
        ],
      },
    },
    states: {
      submitted: { on: { requestInfo: 'consultation.awaitingApplicant', quote: 'quoted' } },
      consultation: {
        initial: 'awaitingApplicant',
        states: {
          awaitingApplicant: { on: { reply: 'reviewing' } },
          reviewing: { on: { requestInfo: 'awaitingApplicant', quote: '#quote-request.quoted' } },
        },
      },
      quoted: { on: { requestInfo: 'consultation.awaitingApplicant' } },
    },
  });
}

export const quoteRequestWorkflow = defineWorkflow({
  name: 'quote-request',
  version: '1',
  machine: quoteMachine(),
  create: { roles: ['applicant'] },
  ownerRoles: ['applicant'],
  readRoles: ['consultant', 'supervisor'],
  events: {
    requestInfo: { schema: z.object({ question: z.string().min(1) }), roles: ['consultant'] },
    reply: { schema: z.object({ answer: z.string().min(1) }), roles: ['applicant'] },
    quote: { roles: ['consultant'] },
    'sla.breach': { schema: z.object({ target: z.string() }).passthrough(), roles: ['system'] },
  },
});

/** Four business hours to a quote, paused while the applicant owes an answer. */
export const quotePolicy = defineSlaPolicy({
  id: 'quote-request',
  version: '1',
  targets: [
    {
      name: 'quote',
      title: { fa: 'اعلام هزینه', en: 'Quote' },
      budget: { hours: 4 },
      start: [{ event: 'statdesk.create' }],
      pause: [{ state: 'consultation.awaitingApplicant' }],
      stop: [{ state: 'quoted' }],
    },
  ],
});
