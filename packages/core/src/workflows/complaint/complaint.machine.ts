/**
 * One machine for all four kinds of message. Stage 1: filed → acknowledged → under review
 * (assigned) ⇄ awaiting complainant (SLA clock paused) → answered → closed. Kinds with a second
 * stage go to a supervisor's review when the complainant is not satisfied, reopens a closed
 * message inside the window, or a stage-1 SLA target is breached. Withdrawal ends it early; a
 * satisfaction rating may follow the closing until the message is archived.
 *
 * The machine is pure: every instant it uses comes from its events (the desk stamps `at` on each
 * command; SLA breach events carry `dueAt`; windows are computed when they open), and deadlines
 * are worked out through the business calendar. Breaches arrive as `sla.breach` events — from
 * the durable timers armed here, or from the SLA layer — and the machine reacts to either.
 */
import { assertEvent, assign, cancel, enqueueActions, setup, type AnyEventObject } from 'xstate';
import { DefinitionError } from '../../errors';
import { notify } from '../../engine/effects';
import { notification } from '../../notifications/catalogue';
import { businessTimeAfter, businessTimeLeft, delayOf, workingDaysAfter, type Deadline } from './business-days';
import { formatCode } from './codes';
import type { AttachmentRef, EventStamp } from './events';
import type { KindRules, MessageKind } from './kinds';
import type { ComplaintSettings, ComplaintWindows } from './settings';
import { SLA_TARGET_NAMES, stageOfTarget, type ComplaintSlaTargets } from './sla-targets';

/** The stage of a message: 1 (officer) or 2 (supervisor review). */
export type Stage = 1 | 2;

/** What files a message: the sender's fields, plus those the workflow's enrich step adds. */
export interface ComplaintInput {
  /** Question, criticism, suggestion or complaint. */
  kind: MessageKind;
  /** The subject line. */
  subject: string;
  /** The message text (free text: kept in the instance, never in history). */
  body: string;
  /** Files uploaded with it. */
  attachments?: AttachmentRef[];
  /** The language the complainant is answered in (default `fa`). */
  language?: 'fa' | 'en';
  /** Added by the workflow's `enrich` step (never by the sender). */
  filedAt?: string;
  /** The complainant (set by the workflow). */
  complainantId?: string;
  /** The tracking code (set by the workflow). */
  trackingCode?: string;
  /** The complaint code, for complaints (set by the workflow). */
  complaintCode?: string | null;
}

/** An answer given at a stage. */
export interface ComplaintAnswer {
  /** The stage it answers. */
  stage: Stage;
  /** The answer text. */
  text: string;
  /** When it was given (ISO instant). */
  at: string;
  /** The answering officer's name, if recorded. */
  officerName: string | null;
}

/** One message of the conversation between staff and the complainant. */
export interface Correspondence {
  /** Who wrote it. */
  from: 'staff' | 'complainant';
  /** The text. */
  text: string;
  /** When (ISO instant). */
  at: string;
  /** Files attached to it. */
  attachments: AttachmentRef[];
}

/** An internal staff note, never shown to the complainant. */
export interface StaffNote {
  /** When (ISO instant). */
  at: string;
  /** The staff member's id. */
  by: string;
  /** The note. */
  text: string;
}

/** A missed SLA target of a message. */
export interface Breach {
  /** The SLA target's name. */
  target: string;
  /** Its deadline (ISO instant). */
  dueAt: string;
  /** The stage it belonged to. */
  stage: Stage;
  /** 0 for stage 1, then one more for each entry into stage 2. */
  round: number;
}

/**
 * The complaint machine's context: the message, its codes, stage, deadlines, answers, correspondence, notes,
 * escalation, breaches and rating.
 */
export interface ComplaintContext {
  /** The message kind. */
  kind: MessageKind;
  /** The kind's rules, copied at filing. */
  rules: KindRules;
  /** The SLA targets in working days, copied at filing. */
  sla: ComplaintSlaTargets;
  /** The reply, reopen and survey windows, copied at filing. */
  windows: ComplaintWindows;
  /** The tracking code. */
  trackingCode: string;
  /** The complaint code, for complaints. */
  complaintCode: string | null;
  /** The complainant's actor id. */
  complainantId: string;
  /** Whether the public lookup shows the answering officer's name (the portal's setting at filing). */
  publicOfficerNames: boolean;
  /** The complainant's language. */
  language: 'fa' | 'en';
  /** The subject line. */
  subject: string;
  /** The message text. */
  body: string;
  /** Files filed with it. */
  attachments: AttachmentRef[];
  /** Current stage. */
  stage: Stage;
  /** How often it entered stage 2. */
  round: number;
  /** When it was filed (ISO instant). */
  filedAt: string;
  /** When it was acknowledged. */
  acknowledgedAt: string | null;
  /** When the current stage was answered. */
  answeredAt: string | null;
  /** When it was closed. */
  closedAt: string | null;
  /** Who closed it: the complainant, or the end of the reply window. */
  closedBy: 'complainant' | 'no-response' | null;
  /** When it was withdrawn. */
  withdrawnAt: string | null;
  /** When it was archived. */
  archivedAt: string | null;
  /** The assigned officer. */
  officer: { id: string; name: string | null } | null;
  /** The armed deadlines (acknowledge, answer, windows) with the instants they were armed from. */
  deadlines: {
    acknowledge: Deadline | null;
    answer: Deadline | null;
    respond: Deadline | null;
    reopenUntil: string | null;
    archive: Deadline | null;
  };
  /** Stage answer budget left when the clock paused (business milliseconds). */
  answerBudgetLeftMs: number | null;
  /** Why and when it went to stage 2. */
  escalation: { at: string; reason: 'dissatisfied' | 'sla-breach' | 'reopened'; detail: string | null } | null;
  /** Every missed SLA target. */
  breaches: Breach[];
  /** Every answer given. */
  answers: ComplaintAnswer[];
  /** The conversation with the complainant. */
  correspondence: Correspondence[];
  /** Internal staff notes. */
  notes: StaffNote[];
  /** How often the complainant reopened it. */
  reopenCount: number;
  /** The complainant's satisfaction rating. */
  rating: { score: number; comment: string | null; at: string } | null;
}

/**
 * The events of the complaint machine: staff actions, complainant actions and SLA breaches; sender fields are
 * stamped server-side.
 */
export type ComplaintEvent =
  | ({ type: 'acknowledge' } & EventStamp)
  | ({ type: 'assign'; officerId: string; officerName?: string } & EventStamp)
  | ({ type: 'requestInfo'; question: string } & EventStamp)
  | ({ type: 'reply'; text: string; attachments?: AttachmentRef[] } & EventStamp)
  | ({ type: 'answer'; text: string; officerName?: string } & EventStamp)
  | ({ type: 'note'; text: string } & EventStamp)
  | ({ type: 'accept' } & EventStamp)
  | ({ type: 'escalate'; reason: string } & EventStamp)
  | ({ type: 'reopen'; reason: string } & EventStamp)
  | ({ type: 'withdraw'; reason?: string } & EventStamp)
  | ({ type: 'rate'; score: number; comment?: string } & EventStamp)
  | { type: 'sla.breach'; target: string; dueAt: string };

/** Template ids of the notifications sent to the complainant. */
export const COMPLAINT_TEMPLATES = Object.freeze({
  filed: 'complaint.filed',
  messageFiled: 'complaint.message-filed',
  acknowledged: 'complaint.acknowledged',
  awaitingReply: 'complaint.awaiting-reply',
  answered: 'complaint.answered',
  escalated: 'complaint.escalated',
  closed: 'complaint.closed',
  withdrawn: 'complaint.withdrawn',
} as const);

/** The instant a command ran: the desk stamps `at` on every event it accepts. */
function instantOf(event: ComplaintEvent): string {
  if (event.type === 'sla.breach') return event.dueAt;
  if (typeof event.at !== 'string') {
    throw new DefinitionError(`complaint machine: event "${event.type}" has no "at"; send events through the desk, which stamps them`);
  }
  return event.at;
}

function required<T>(value: T | undefined, field: string): T {
  if (value === undefined) throw new DefinitionError(`complaint machine: input.${field} is missing; file messages through the complaint workflow, whose enrich step sets it`);
  return value;
}

/**
 * The XState machine of a citizen's message (question, criticism, suggestion, complaint): acknowledge,
 * answer, request information, escalate to stage 2, reopen, rate, archive, with deadlines on the business
 * calendar.
 */
export function complaintMachine(settings: ComplaintSettings) {
  const { calendar } = settings;

  /**
   * One notify per configured channel, to the complainant, in the language they filed in. The
   * builder returns a catalogue-checked `notification(id, params)`, or null when there is
   * nothing true to say (a deadline that is not set), so no message is ever sent half-filled.
   * Only codes, deadlines and the portal link go out: never the message's text or the person.
   */
  const tell = (build: (context: ComplaintContext) => ReturnType<typeof notification> | null) =>
    enqueueActions<ComplaintContext, ComplaintEvent, undefined, ComplaintEvent, never, never, never, never, AnyEventObject>(({ context, enqueue }) => {
      const message = build(context);
      if (!message) return;
      for (const channel of settings.channels) {
        enqueue(notify<ComplaintContext, ComplaintEvent, undefined, ComplaintEvent>({ recipient: { profileId: context.complainantId }, channel, ...message, language: context.language }));
      }
    });
  const trackingCode = (context: ComplaintContext) => formatCode(context.trackingCode);
  const link = (context: ComplaintContext) => settings.links.message(context.trackingCode);
  const tellFiled = tell((c) =>
    c.complaintCode
      ? notification(COMPLAINT_TEMPLATES.filed, { trackingCode: trackingCode(c), complaintCode: formatCode(c.complaintCode), link: link(c) })
      : notification(COMPLAINT_TEMPLATES.messageFiled, { trackingCode: trackingCode(c), link: link(c) }),
  );
  // The answer deadline of the current stage, set on filing and on entering stage 2.
  const tellAcknowledged = tell((c) => (c.deadlines.answer ? notification(COMPLAINT_TEMPLATES.acknowledged, { trackingCode: trackingCode(c), answerBy: c.deadlines.answer.due }) : null));
  const tellAwaitingReply = tell((c) => notification(COMPLAINT_TEMPLATES.awaitingReply, { trackingCode: trackingCode(c), link: link(c) }));
  const tellAnswered = tell((c) => notification(COMPLAINT_TEMPLATES.answered, { trackingCode: trackingCode(c), link: link(c) }));
  const tellEscalated = tell((c) => notification(COMPLAINT_TEMPLATES.escalated, { trackingCode: trackingCode(c) }));
  const tellClosed = tell((c) => notification(COMPLAINT_TEMPLATES.closed, { trackingCode: trackingCode(c), link: link(c) }));
  const tellWithdrawn = tell((c) => notification(COMPLAINT_TEMPLATES.withdrawn, { trackingCode: trackingCode(c) }));

  /** Arms a stage's SLA timer unless that target already breached in this round. */
  const arm = (name: 'acknowledge' | 'answer', stage: Stage) => {
    const target = stage === 1 ? SLA_TARGET_NAMES[name] : SLA_TARGET_NAMES[name === 'acknowledge' ? 'stage2Acknowledge' : 'stage2Answer'];
    return enqueueActions<ComplaintContext, ComplaintEvent, undefined, ComplaintEvent, never, never, never, never, ComplaintEvent>(({ context, enqueue }) => {
      const deadline = context.deadlines[name];
      if (!deadline || context.breaches.some((b) => b.target === target && b.round === context.round)) return;
      enqueue.raise({ type: 'sla.breach', target, dueAt: deadline.due }, { id: `sla.${target}`, delay: delayOf(deadline) });
    });
  };
  const disarm = (name: 'acknowledge' | 'answer', stage: Stage) =>
    cancel<ComplaintContext, ComplaintEvent, undefined, ComplaintEvent>(`sla.${stage === 1 ? SLA_TARGET_NAMES[name] : SLA_TARGET_NAMES[name === 'acknowledge' ? 'stage2Acknowledge' : 'stage2Answer']}`);

  const enterStageTwo = (reason: 'dissatisfied' | 'sla-breach' | 'reopened') =>
    assign<ComplaintContext, ComplaintEvent, undefined, ComplaintEvent, never>(({ context, event }) => {
      const at = instantOf(event);
      const detail = event.type === 'escalate' || event.type === 'reopen' ? event.reason : event.type === 'sla.breach' ? event.target : null;
      return {
        stage: 2 as const,
        round: context.round + 1,
        acknowledgedAt: null,
        answeredAt: null,
        escalation: { at, reason, detail },
        answerBudgetLeftMs: null,
        reopenCount: context.reopenCount + (reason === 'reopened' ? 1 : 0),
        deadlines: {
          ...context.deadlines,
          acknowledge: workingDaysAfter(calendar, at, context.sla.stage2Acknowledge),
          answer: workingDaysAfter(calendar, at, context.sla.stage2Answer),
          respond: null,
        },
      };
    });

  const reviewStage = <First extends 'filed' | 'escalated'>(stage: Stage, first: First) => {
    const self = stage === 1 ? '#complaint.stage1' : '#complaint.stage2';
    const staffGuard = stage === 1 ? undefined : ('bySupervisor' as const);
    const breachHandlers = (target: 'acknowledge' | 'answer') => [
      ...(stage === 1
        ? [{ guard: { type: 'breach' as const, params: { target, escalate: true } }, target: '#complaint.stage2', actions: ['recordBreach' as const, enterStageTwo('sla-breach')] }]
        : []),
      { guard: { type: 'breach' as const, params: { target, escalate: false } }, actions: 'recordBreach' as const },
    ];
    const waiting = {
      entry: [...(stage === 1 ? [tellFiled] : []), arm('acknowledge', stage)],
      exit: disarm('acknowledge', stage),
      on: {
        'sla.breach': breachHandlers('acknowledge'),
        acknowledge: { guard: staffGuard, target: 'acknowledged', actions: ['acknowledge' as const, tellAcknowledged] },
        assign: { guard: staffGuard, target: 'underReview', actions: ['acknowledge' as const, 'assignOfficer' as const, tellAcknowledged] },
      },
    };
    const acknowledged = {
      on: { assign: { guard: staffGuard, target: 'underReview', actions: 'assignOfficer' as const } },
    };
    const underReview = {
      on: {
        assign: { guard: staffGuard, actions: 'assignOfficer' as const },
        requestInfo: { guard: staffGuard, target: `${self}.awaitingComplainant`, actions: 'pauseForComplainant' as const },
        answer: { guard: staffGuard, target: '#complaint.answered', actions: 'recordAnswer' as const },
      },
    };
    return {
      initial: 'active' as const,
      on: {
        withdraw: { target: '#complaint.withdrawn', actions: 'withdraw' as const },
        note: { actions: 'addNote' as const },
      },
      states: {
        active: {
          entry: arm('answer', stage),
          exit: disarm('answer', stage),
          initial: first,
          on: { 'sla.breach': breachHandlers('answer') },
          states: { [first]: waiting, acknowledged, underReview } as Record<First, typeof waiting> & { acknowledged: typeof acknowledged; underReview: typeof underReview },
        },
        awaitingComplainant: {
          entry: tellAwaitingReply,
          on: { reply: { target: `${self}.active.underReview`, actions: 'resumeWithReply' as const } },
        },
      },
    };
  };

  return setup({
    types: {} as { context: ComplaintContext; input: ComplaintInput; events: ComplaintEvent },
    guards: {
      bySupervisor: ({ event }) => 'bySupervisor' in event && event.bySupervisor === true,
      /**
       * A breach of this stage's `target` clock. Each clock's breach is heard only in the states
       * where that clock runs, and once per round (a duplicate delivery changes nothing).
       * `escalate`: only a stage-1 breach of a kind with a second stage.
       */
      breach: ({ context, event }, params: { target: 'acknowledge' | 'answer'; escalate: boolean }) =>
        event.type === 'sla.breach' &&
        event.target.endsWith(`-${params.target}`) &&
        stageOfTarget(event.target) === context.stage &&
        !context.breaches.some((b) => b.target === event.target && b.round === context.round) &&
        (!params.escalate || (context.stage === 1 && context.rules.stageTwo)),
      mayEscalate: ({ context }) => context.stage === 1 && context.rules.stageTwo,
      mayReopen: ({ context, event }) =>
        context.rules.reopen && context.deadlines.reopenUntil !== null && Date.parse(instantOf(event)) < Date.parse(context.deadlines.reopenUntil),
      notRated: ({ context }) => context.rating === null,
    },
    delays: {
      respondWindow: ({ context }) => delayOf(context.deadlines.respond),
      surveyWindow: ({ context }) => delayOf(context.deadlines.archive),
    },
    actions: {
      acknowledge: assign({ acknowledgedAt: ({ event }) => instantOf(event) }),
      assignOfficer: assign({
        officer: ({ event }) => {
          assertEvent(event, 'assign');
          return { id: event.officerId, name: event.officerName ?? null };
        },
      }),
      addNote: assign({
        notes: ({ context, event }) => {
          assertEvent(event, 'note');
          return [...context.notes, { at: instantOf(event), by: event.actorId ?? 'unknown', text: event.text }];
        },
      }),
      pauseForComplainant: assign(({ context, event }) => {
        assertEvent(event, 'requestInfo');
        const at = instantOf(event);
        const answer = context.deadlines.answer;
        return {
          answerBudgetLeftMs: answer ? businessTimeLeft(calendar, at, answer.due) : null,
          correspondence: [...context.correspondence, { from: 'staff' as const, text: event.question, at, attachments: [] }],
        };
      }),
      resumeWithReply: assign(({ context, event }) => {
        assertEvent(event, 'reply');
        const at = instantOf(event);
        return {
          answerBudgetLeftMs: null,
          deadlines: {
            ...context.deadlines,
            answer: context.answerBudgetLeftMs === null ? context.deadlines.answer : businessTimeAfter(calendar, at, context.answerBudgetLeftMs),
          },
          correspondence: [...context.correspondence, { from: 'complainant' as const, text: event.text, at, attachments: event.attachments ?? [] }],
        };
      }),
      recordAnswer: assign(({ context, event }) => {
        assertEvent(event, 'answer');
        const at = instantOf(event);
        return {
          answeredAt: at,
          answers: [...context.answers, { stage: context.stage, text: event.text, at, officerName: event.officerName ?? context.officer?.name ?? null }],
          deadlines: { ...context.deadlines, acknowledge: null, answer: null, respond: workingDaysAfter(calendar, at, context.windows.respond) },
        };
      }),
      recordBreach: assign({
        breaches: ({ context, event }) => {
          assertEvent(event, 'sla.breach');
          const stage = stageOfTarget(event.target) ?? context.stage;
          return [...context.breaches, { target: event.target, dueAt: event.dueAt, stage, round: context.round }];
        },
      }),
      withdraw: assign({ withdrawnAt: ({ event }) => instantOf(event) }),
      close: assign(({ context, event }) => {
        const closedAt = event.type === 'accept' ? instantOf(event) : (context.deadlines.respond?.due ?? context.filedAt);
        return {
          closedAt,
          closedBy: event.type === 'accept' ? ('complainant' as const) : ('no-response' as const),
          deadlines: {
            ...context.deadlines,
            respond: null,
            reopenUntil: context.rules.reopen ? workingDaysAfter(calendar, closedAt, context.windows.reopen).due : null,
            archive: workingDaysAfter(calendar, closedAt, context.windows.survey),
          },
        };
      }),
      archive: assign(({ context }) => ({ archivedAt: context.deadlines.archive?.due ?? context.closedAt })),
      rate: assign({
        rating: ({ event }) => {
          assertEvent(event, 'rate');
          return { score: event.score, comment: event.comment ?? null, at: instantOf(event) };
        },
      }),
      reopened: assign({ closedAt: null, closedBy: null, deadlines: ({ context }) => ({ ...context.deadlines, reopenUntil: null, archive: null }) }),
    },
  }).createMachine({
    id: 'complaint',
    context: ({ input }) => {
      const filedAt = required(input.filedAt, 'filedAt');
      const sla = settings.sla[input.kind];
      return {
        kind: input.kind,
        rules: { ...settings.kinds[input.kind] },
        sla: { ...sla },
        windows: { ...settings.windows },
        trackingCode: required(input.trackingCode, 'trackingCode'),
        complaintCode: input.complaintCode ?? null,
        complainantId: required(input.complainantId, 'complainantId'),
        publicOfficerNames: settings.showOfficerNames,
        language: input.language ?? 'fa',
        subject: input.subject,
        body: input.body,
        attachments: input.attachments ?? [],
        stage: 1,
        round: 0,
        filedAt,
        acknowledgedAt: null,
        answeredAt: null,
        closedAt: null,
        closedBy: null,
        withdrawnAt: null,
        archivedAt: null,
        officer: null,
        deadlines: {
          acknowledge: workingDaysAfter(calendar, filedAt, sla.acknowledge),
          answer: workingDaysAfter(calendar, filedAt, sla.answer),
          respond: null,
          reopenUntil: null,
          archive: null,
        },
        answerBudgetLeftMs: null,
        escalation: null,
        breaches: [],
        answers: [],
        correspondence: [],
        notes: [],
        reopenCount: 0,
        rating: null,
      };
    },
    initial: 'stage1',
    states: {
      stage1: reviewStage(1, 'filed'),
      stage2: {
        ...reviewStage(2, 'escalated'),
        entry: tellEscalated,
      },
      answered: {
        entry: tellAnswered,
        after: { respondWindow: { target: 'closed', actions: 'close' } },
        on: {
          accept: { target: 'closed', actions: 'close' },
          escalate: { guard: 'mayEscalate', target: 'stage2', actions: enterStageTwo('dissatisfied') },
          note: { actions: 'addNote' },
        },
      },
      closed: {
        entry: tellClosed,
        after: { surveyWindow: { target: 'archived', actions: 'archive' } },
        on: {
          reopen: { guard: 'mayReopen', target: 'stage2', actions: ['reopened', enterStageTwo('reopened')] },
          rate: { guard: 'notRated', actions: 'rate' },
          note: { actions: 'addNote' },
        },
      },
      withdrawn: {
        type: 'final',
        entry: tellWithdrawn,
      },
      archived: { type: 'final' },
    },
  });
}

/** The type of the complaint machine. */
export type ComplaintMachine = ReturnType<typeof complaintMachine>;
