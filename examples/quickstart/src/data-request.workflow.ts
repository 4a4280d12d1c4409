/**
 * A small data-request workflow for the quickstart: a citizen asks for tables, the office
 * quotes from the tariff book, the quote stays valid for three working days on the Iranian
 * government calendar, and an unpaid quote expires by a durable timer.
 */
import {
  addBusinessTime,
  defineWorkflow,
  iranGovernmentCalendar,
  notify,
  priceQuote,
  type TariffBook,
} from '@statdesk/core';
import { assign, setup } from 'xstate';
import { z } from 'zod';

export interface DataRequestServices {
  tariffBook: TariffBook;
}

export const dataRequestMachine = setup({
  types: {} as {
    context: { applicantId: string; provinces: number; total?: bigint; quotedAt?: Date; validUntil?: Date; bookVersion?: string };
    input: { applicantId: string; provinces: number };
    events:
      | { type: 'quote'; total?: bigint; quotedAt?: Date; validUntil?: Date; bookVersion?: string }
      | { type: 'pay'; bankTracking: string }
      | { type: 'deliver' };
  },
  delays: {
    // The quote's own validity, computed in working time when it was issued.
    quoteValidity: ({ context }) => (context.validUntil?.getTime() ?? 0) - (context.quotedAt?.getTime() ?? 0),
  },
}).createMachine({
  id: 'dataRequest',
  context: ({ input }) => ({ ...input }),
  initial: 'submitted',
  states: {
    submitted: {
      on: {
        quote: {
          target: 'quoted',
          actions: assign(({ event }) => ({ total: event.total, quotedAt: event.quotedAt, validUntil: event.validUntil, bookVersion: event.bookVersion })),
        },
      },
    },
    quoted: {
      entry: notify(({ context }) => ({
        recipient: { profileId: context.applicantId },
        channel: 'sms',
        template: 'information-order.quote-ready',
        params: { total: context.total ?? 0n },
      })),
      after: { quoteValidity: 'expired' },
      on: { pay: 'paid' },
    },
    paid: { on: { deliver: 'delivered' } },
    delivered: { type: 'final' },
    expired: { type: 'final' },
  },
});

export const dataRequestWorkflow = defineWorkflow({
  name: 'data-request',
  version: '1',
  machine: dataRequestMachine,
  create: {
    schema: z.object({ applicantId: z.string().min(1), provinces: z.number().int().min(1).max(31) }),
    roles: ['applicant'],
  },
  ownerRoles: ['applicant'],
  readRoles: ['pricing-officer', 'finance-officer'],
  events: {
    quote: {
      roles: ['pricing-officer'],
      // The price comes from the tariff book on the server, never from the sender.
      enrich: (_fields, { context, now, services }) => {
        const { tariffBook } = services as unknown as DataRequestServices;
        const { provinces } = context as { provinces: number };
        const quote = priceQuote({ applicant: { category: 'individual' }, quotedAt: now, tables: [{ level: 'province', count: provinces }] }, tariffBook);
        const validUntil = addBusinessTime(iranGovernmentCalendar, now, { days: 3 }).instant;
        return { total: quote.total.amount, quotedAt: now, validUntil, bookVersion: quote.bookVersion };
      },
    },
    pay: { schema: z.object({ bankTracking: z.string().min(4) }), roles: ['applicant'] },
    deliver: { roles: ['finance-officer'] },
  },
});
