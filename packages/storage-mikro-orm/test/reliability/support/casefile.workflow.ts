/**
 * A case file for race tests: staff add notes to an open file as often as they like (each note
 * a transition with an effect), and the file lapses on a durable one-hour timer, with an effect.
 * Every applied command is therefore visible three ways: the context's note count, a history
 * row and an outbox row.
 */
import { defineWorkflow, effect } from '@statdesk/core';
import { assign, setup } from 'xstate';
import { z } from 'zod';

export const HOUR = 3_600_000;
export const officer = { id: 'officer-1', roles: ['officer'] };
export const registrar = { id: 'registrar-1', roles: ['registrar'] };

export const casefileWorkflow = defineWorkflow({
  name: 'casefile',
  version: '1',
  machine: setup({
    types: {} as {
      context: { subject: string; notes: number };
      input: { subject: string };
      events: { type: 'note'; text: string };
    },
  }).createMachine({
    id: 'casefile',
    context: ({ input }) => ({ subject: input.subject, notes: 0 }),
    initial: 'open',
    states: {
      open: {
        after: { [HOUR]: 'lapsed' },
        on: {
          note: {
            // A self-transition without reentry: the lapse timer keeps running.
            actions: [assign({ notes: ({ context }) => context.notes + 1 }), effect('casefile.noted', ({ event }) => ({ text: event.text }))],
          },
        },
      },
      lapsed: { type: 'final', entry: effect('casefile.lapsed', ({ context }) => ({ notes: context.notes })) },
    },
  }),
  create: { schema: z.object({ subject: z.string().min(1) }), roles: ['registrar'] },
  readRoles: ['officer', 'registrar'],
  events: { note: { schema: z.object({ text: z.string().min(1) }), roles: ['officer'] } },
});
