/**
 * The workflow every timer in the timers benchmark belongs to: a request that escalates when
 * nobody answers it within a minute. Delivering its timer is one full transition — the instance
 * compare-and-set and a history row — with nothing after it (no new timer, no effect), so the
 * writes per timer are exactly those the baselines perform.
 */
import { defineWorkflow } from '@statdesk/core';
import { setup } from 'xstate';
import { z } from 'zod';

/** The `after` delay of the waiting state. */
export const ESCALATE_AFTER_MS = 60_000;
/** The timer's key and its event's type, as XState names a delayed transition. */
export const ESCALATION_EVENT = `xstate.after.${ESCALATE_AFTER_MS}.escalation.waiting`;

/** A request that escalates after a minute without an answer. */
export const escalationWorkflow = defineWorkflow({
  name: 'escalation',
  version: '1',
  machine: setup({
    types: {} as { context: { title: string; office: string; requestedBy: string }; input: { title: string; office: string; requestedBy: string } },
  }).createMachine({
    id: 'escalation',
    context: ({ input }) => ({ ...input }),
    initial: 'waiting',
    states: {
      waiting: { after: { [ESCALATE_AFTER_MS]: 'escalated' }, on: { answer: 'answered' } },
      escalated: { on: { answer: 'answered' } },
      answered: { type: 'final' },
    },
  }),
  create: { schema: z.object({ title: z.string(), office: z.string(), requestedBy: z.string() }), roles: ['officer'] },
  ownerRoles: [],
  readRoles: ['officer'],
  events: { answer: { roles: ['officer'] } },
});
