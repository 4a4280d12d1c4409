/**
 * A service incident on one channel: reported → investigating → restored, reopened back to
 * investigating if the fix did not hold, closed (or dismissed as not an incident). Breaching the
 * restoration target (`sla.breach`) escalates in any state without changing it.
 */
import { assign, setup } from 'xstate';
import { notify } from '../../engine/effects';
import type { IncidentInput } from './incident.events';

export interface IncidentContext {
  channel: string;
  title: string;
  publicMessage: string;
  description: string | null;
  notes: { text: string }[];
  reopenCount: number;
  escalations: number;
}

export type IncidentEvent =
  | { type: 'acknowledge'; publicMessage?: string }
  | { type: 'update'; publicMessage: string }
  | { type: 'note'; text: string }
  | { type: 'restore'; publicMessage?: string; cause?: string }
  | { type: 'reopen'; reason: string; publicMessage?: string }
  | { type: 'close' }
  | { type: 'dismiss'; reason: string }
  | { type: 'sla.breach'; target: string; dueAt: string };

export interface IncidentMachineOptions {
  channel: string;
  /** Profile told (by e-mail) when the restoration target is breached; none: only counted. */
  escalateTo?: string;
}

export function incidentMachine(options: IncidentMachineOptions) {
  return setup({
    types: {} as { context: IncidentContext; events: IncidentEvent; input: IncidentInput },
    actions: {
      publish: assign({
        publicMessage: ({ context, event }) => ('publicMessage' in event && event.publicMessage ? event.publicMessage : context.publicMessage),
      }),
      // Named so a portal can replace it through customiseWorkflow({ provide: { actions } }).
      escalate: notify<IncidentContext, IncidentEvent, undefined, IncidentEvent>(({ context, event }) => ({
        recipient: { profileId: options.escalateTo ?? '' },
        channel: 'email' as const,
        template: 'incident.restorationBreached',
        params: { channel: context.channel, title: context.title, dueAt: event.type === 'sla.breach' ? event.dueAt : '' },
      })),
    },
  }).createMachine({
    id: 'incident',
    context: ({ input }) => ({
      channel: options.channel,
      title: input.title,
      publicMessage: input.publicMessage,
      description: input.description ?? null,
      notes: [],
      reopenCount: 0,
      escalations: 0,
    }),
    initial: 'reported',
    on: {
      note: { actions: assign({ notes: ({ context, event }) => [...context.notes, { text: event.text }] }) },
      'sla.breach': {
        actions: [assign({ escalations: ({ context }) => context.escalations + 1 }), ...(options.escalateTo ? ['escalate' as const] : [])],
      },
    },
    states: {
      reported: {
        on: {
          acknowledge: { target: 'investigating', actions: 'publish' },
          restore: { target: 'restored', actions: 'publish' },
          dismiss: 'dismissed',
        },
      },
      investigating: {
        on: {
          update: { actions: 'publish' },
          restore: { target: 'restored', actions: 'publish' },
        },
      },
      restored: {
        on: {
          reopen: { target: 'investigating', actions: ['publish', assign({ reopenCount: ({ context }) => context.reopenCount + 1 })] },
          update: { actions: 'publish' },
          close: 'closed',
        },
      },
      closed: { type: 'final' },
      dismissed: { type: 'final' },
    },
  });
}
