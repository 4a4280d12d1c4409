/**
 * A service incident on one channel: reported → investigating → restored, reopened back to
 * investigating if the fix did not hold, closed (or dismissed as not an incident). Breaching the
 * restoration target (`sla.breach`) escalates in any state without changing it.
 */
import { assign, enqueueActions, setup, type AnyEventObject } from 'xstate';
import { notify } from '../../engine/effects';
import { notification } from '../../notifications/catalogue';
import type { IncidentInput } from './incident.events';

/** The incident machine's context. */
export interface IncidentContext {
  /** The affected channel. */
  channel: string;
  /** Public title. */
  title: string;
  /** The latest public message. */
  publicMessage: string;
  /** Staff-only description. */
  description: string | null;
  /** Staff notes. */
  notes: { text: string }[];
  /** How often it was reopened. */
  reopenCount: number;
  /** How often its restoration breach was escalated. */
  escalations: number;
}

/** The events of the incident machine: staff actions and the restoration breach. */
export type IncidentEvent =
  | { type: 'acknowledge'; publicMessage?: string }
  | { type: 'update'; publicMessage: string }
  | { type: 'note'; text: string }
  | { type: 'restore'; publicMessage?: string; cause?: string }
  | { type: 'reopen'; reason: string; publicMessage?: string }
  | { type: 'close' }
  | { type: 'dismiss'; reason: string }
  | { type: 'sla.breach'; target: string; dueAt: string };

/** Options of {@link incidentMachine}. */
export interface IncidentMachineOptions {
  /** The channel the incident is about. */
  channel: string;
  /** Profile told (by e-mail, `incident.restoration-breached`) when the restoration target is breached; none: only counted. */
  escalateTo?: string;
}

/**
 * The XState machine of a service incident: reported, investigating, restored, closed or dismissed, with
 * reopening.
 */
export function incidentMachine(options: IncidentMachineOptions) {
  return setup({
    types: {} as { context: IncidentContext; events: IncidentEvent; input: IncidentInput },
    actions: {
      publish: assign({
        publicMessage: ({ context, event }) => ('publicMessage' in event && event.publicMessage ? event.publicMessage : context.publicMessage),
      }),
      // Named so a portal can replace it through customiseWorkflow({ provide: { actions } }).
      // Without a profile to tell, nothing is sent (the breach is still counted and recorded).
      escalate: enqueueActions<IncidentContext, IncidentEvent, undefined, IncidentEvent, never, never, never, never, AnyEventObject>(({ context, event, enqueue }) => {
        const escalateTo = options.escalateTo;
        if (!escalateTo || event.type !== 'sla.breach') return;
        enqueue(
          notify<IncidentContext, IncidentEvent, undefined, IncidentEvent>({
            recipient: { profileId: escalateTo },
            channel: 'email',
            ...notification('incident.restoration-breached', { channel: context.channel, title: context.title, dueAt: event.dueAt }),
          }),
        );
      }),
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
        actions: [assign({ escalations: ({ context }) => context.escalations + 1 }), 'escalate'],
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
