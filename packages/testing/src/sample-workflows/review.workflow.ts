/**
 * A small sample workflow for engine tests (ours and a portal's adapter tests): an application that an officer reviews, with a durable
 * deadline, an "awaiting applicant" loop, notifications and personal data in its input.
 */
import { assign, setup } from 'xstate';
import { z } from 'zod';
import { defineWorkflow, notify } from '@statdesk/core';

export interface ReviewOptions {
  /** How long a submitted application waits for a decision before it expires. */
  decisionDeadlineMs?: number;
}

export const DAY = 24 * 60 * 60 * 1000;

export function reviewMachine(options: ReviewOptions = {}) {
  return setup({
    types: {} as {
      context: { title: string; amount: bigint; applicantId: string; questions: number; reminders: number };
      input: { title: string; amount: bigint; applicantId: string };
      events:
        | { type: 'submit' }
        | { type: 'requestInfo'; question: string }
        | { type: 'reply'; answer: string; mobile?: string }
        | { type: 'approve'; note?: string }
        | { type: 'cancel'; reason: string };
    },
    guards: {
      mayAskAgain: ({ context }) => context.questions < 3,
    },
    delays: {
      decisionDeadline: options.decisionDeadlineMs ?? 3 * DAY,
    },
  }).createMachine({
    id: 'review',
    context: ({ input }) => ({ ...input, questions: 0, reminders: 0 }),
    initial: 'draft',
    states: {
      draft: {
        on: { submit: 'submitted', cancel: 'cancelled' },
      },
      submitted: {
        entry: notify(({ context }) => ({
          recipient: { profileId: context.applicantId },
          channel: 'email',
          template: 'review.received',
          params: { title: context.title, amount: context.amount },
        })),
        after: {
          decisionDeadline: 'expired',
          [DAY]: { actions: assign({ reminders: ({ context }) => context.reminders + 1 }) },
        },
        on: {
          approve: 'approved',
          requestInfo: { guard: 'mayAskAgain', target: 'awaitingApplicant', actions: assign({ questions: ({ context }) => context.questions + 1 }) },
          cancel: 'cancelled',
        },
      },
      awaitingApplicant: {
        on: { reply: 'submitted', cancel: 'cancelled' },
      },
      approved: {
        type: 'final',
        entry: notify(({ context }) => ({ recipient: { profileId: context.applicantId }, channel: 'sms', template: 'review.approved' })),
      },
      expired: { type: 'final' },
      cancelled: { type: 'final' },
    },
  });
}

export function reviewWorkflow(options: ReviewOptions & { version?: string } = {}) {
  return defineWorkflow({
    name: 'review',
    version: options.version ?? '1',
    machine: reviewMachine(options),
    create: {
      schema: z.object({
        title: z.string().min(3),
        amount: z.coerce.bigint().nonnegative(),
        applicantId: z.string(),
        nationalId: z.string().regex(/^\d{10}$/),
      }),
      roles: ['applicant', 'officer'],
    },
    ownerRoles: ['applicant'],
    readRoles: ['officer', 'supervisor'],
    events: {
      submit: { roles: ['applicant'] },
      requestInfo: { schema: z.object({ question: z.string().min(1) }), roles: ['officer'] },
      reply: { schema: z.object({ answer: z.string().min(1), mobile: z.string().optional() }), roles: ['applicant'], personal: ['answer'] },
      approve: { schema: z.object({ note: z.string().optional() }), roles: ['officer', 'supervisor'] },
      cancel: { schema: z.object({ reason: z.string().min(1) }), roles: ['applicant', 'supervisor'] },
    },
  });
}

export const applicant = { id: 'citizen-1', roles: ['applicant'] };
export const otherApplicant = { id: 'citizen-2', roles: ['applicant'] };
export const officer = { id: 'officer-1', roles: ['officer'] };
export const supervisor = { id: 'boss-1', roles: ['supervisor'] };

export const reviewInput = { title: 'Census tables', amount: '1200000', applicantId: 'citizen-1', nationalId: '0012345679' };
