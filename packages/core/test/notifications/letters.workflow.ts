/**
 * A small workflow for notification tests: a quote is announced to the applicant by e-mail and
 * SMS, and a payment confirmation follows by SMS.
 */
import { assign, setup } from 'xstate';
import { z } from 'zod';
import { defineWorkflow, notification, notify } from '../../src';

export const lettersWorkflow = defineWorkflow({
  name: 'letters',
  version: '1',
  machine: setup({
    types: {} as {
      context: { profileId: string; orderNumber: string; amount: bigint };
      input: { profileId: string; orderNumber: string };
      events: { type: 'quote'; amount: bigint } | { type: 'confirm' };
    },
  }).createMachine({
    id: 'letters',
    context: ({ input }) => ({ ...input, amount: 0n }),
    initial: 'open',
    states: {
      open: {
        on: {
          quote: {
            target: 'quoted',
            actions: [
              assign({ amount: ({ event }) => event.amount }),
              notify(({ context, event }) => ({
                recipient: { profileId: context.profileId },
                channel: 'email',
                ...notification('information-order.quote-ready', {
                  orderNumber: context.orderNumber,
                  amount: event.amount,
                  validUntil: '2024-07-20T10:30:00.000Z',
                  link: `https://portal.example.ir/orders/${context.orderNumber}`,
                }),
              })),
              notify(({ context, event }) => ({
                recipient: { profileId: context.profileId },
                channel: 'sms',
                ...notification('information-order.quote-ready', {
                  orderNumber: context.orderNumber,
                  amount: event.amount,
                  validUntil: '2024-07-20T10:30:00.000Z',
                  link: `https://portal.example.ir/orders/${context.orderNumber}`,
                }),
              })),
            ],
          },
        },
      },
      quoted: {
        on: {
          confirm: {
            target: 'paid',
            actions: notify(({ context }) => ({
              recipient: { profileId: context.profileId },
              channel: 'sms',
              ...notification('information-order.payment-confirmed', { orderNumber: context.orderNumber, amount: context.amount }),
            })),
          },
        },
      },
      paid: { type: 'final' },
    },
  }),
  create: { schema: z.object({ profileId: z.string(), orderNumber: z.string() }), roles: ['applicant'] },
  events: {
    quote: { schema: z.object({ amount: z.coerce.bigint().positive() }), roles: ['pricing'] },
    confirm: { roles: ['finance'] },
  },
  ownerRoles: ['applicant'],
  readRoles: ['pricing', 'finance'],
});

export const applicant = { id: 'citizen-1', roles: ['applicant'] };
export const pricing = { id: 'pricing-1', roles: ['pricing'] };
export const finance = { id: 'finance-1', roles: ['finance'] };
