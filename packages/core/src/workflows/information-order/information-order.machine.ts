/**
 * The custom information order (channel A) as an XState machine. It is pure: deadlines,
 * quotes, receipt facts and download links arrive on events, computed by the workflow's enrich
 * steps from the calendar, the tariff book, the file store and the profile store. Timers are
 * relative to `clockAt` (the server time of the event that set the deadline), so the engine's
 * `now + delay` lands exactly on the stored deadline.
 */
import { assign, enqueueActions, setup, type AnyEventObject } from 'xstate';
import { notify } from '../../engine/effects';
import { notification } from '../../notifications/catalogue';
import type { StoredFileReference } from '../../ports/profiles';
import type { InformationOrderContext, OrderMessage, OrderQuote } from './context';
import type { InformationOrderEvent, InformationOrderInput } from './events';
import { resolveInformationOrderOptions, type InformationOrderOptions } from './options';

/** The XState id of the information-order machine. */
export const INFORMATION_ORDER_MACHINE_ID = 'informationOrder';

/** Notification template ids (the templates are in `notifications/templates`). */
export const INFORMATION_ORDER_TEMPLATES = Object.freeze({
  questionAsked: 'information-order.question-asked',
  quoteReady: 'information-order.quote-ready',
  receiptRejected: 'information-order.receipt-rejected',
  paymentConfirmed: 'information-order.payment-confirmed',
  dataReady: 'information-order.data-ready',
  refundDue: 'information-order.refund-due',
  refunded: 'information-order.refunded',
} as const);

/** Milliseconds from the event's server time to a stored deadline (0 once it has passed). */
function until(deadline: Date | null | undefined, from: Date | null): number {
  if (!deadline || !from) return 0;
  return Math.max(0, deadline.getTime() - from.getTime());
}

function message(context: InformationOrderContext, event: { text: string; at?: Date; actorId?: string }, kind: OrderMessage['kind']): OrderMessage[] {
  const authorId = event.actorId ?? '';
  return [
    ...context.messages,
    {
      seq: context.messages.length + 1,
      at: event.at ?? new Date(0),
      from: authorId === context.applicantId ? 'applicant' : 'staff',
      authorId,
      kind,
      text: event.text,
    },
  ];
}

const isStoredFile = (file: { key: string } | StoredFileReference): file is StoredFileReference => 'sha256' in file && typeof file.sha256 === 'string';

/**
 * The XState machine of a custom information order: request, consultation, decision, quote, bank-receipt
 * payment, preparation and delivery, with deadlines on the business calendar.
 */
export function informationOrderMachine(options: InformationOrderOptions = {}) {
  const settings = resolveInformationOrderOptions(options);

  type Ctx = InformationOrderContext;
  type Ev = InformationOrderEvent;
  /**
   * One notify per configured channel, to the applicant. The builder returns a catalogue-checked
   * `notification(id, params)`, or null when a value the message needs is missing, so a message
   * is never sent with a blank date or link (the template notifier would refuse it anyway).
   */
  const toApplicant = (build: (context: Ctx) => ReturnType<typeof notification> | null) =>
    enqueueActions<Ctx, Ev, undefined, Ev, never, never, never, never, AnyEventObject>(({ context, enqueue }) => {
      const message = build(context);
      if (!message) return;
      for (const channel of settings.channels) enqueue(notify<Ctx, Ev, undefined, Ev>({ recipient: { profileId: context.applicantId }, channel, ...message }));
    });

  return setup({
    types: {} as { context: Ctx; events: Ev; input: InformationOrderInput },
    guards: {
      fromApplicant: ({ context, event }) => event.actorId === context.applicantId,
      quotePriced: ({ event }) => event.type === 'issueQuote' && event.quote !== undefined,
      receiptChecked: ({ event }) => event.type === 'submitReceipt' && isStoredFile(event.scan) && event.duplicates !== undefined,
      fileChecked: ({ event }) => event.type === 'attachFile' && isStoredFile(event.file),
      mayResubmitReceipt: ({ context }) => context.payment.receipts.length < settings.maxReceiptAttempts,
      readyToDeliver: ({ context, event }) => (event.type === 'deliver' || event.type === 'reissueLink') && context.delivery.files.length > 0 && event.link !== undefined,
      downloadAllowed: ({ context, event }) => {
        if (event.type !== 'download') return false;
        const link = context.delivery.link;
        return (
          link !== null &&
          link.revokedAt === undefined &&
          event.linkId === link.id &&
          event.at !== undefined &&
          event.at.getTime() < link.expiresAt.getTime() &&
          link.downloads < link.maxDownloads &&
          context.delivery.files.some((f) => f.key === event.fileKey)
        );
      },
      linkActive: ({ context }) => context.delivery.link !== null && context.delivery.link.revokedAt === undefined,
    },
    delays: {
      replyWindow: ({ context }) => until(context.replyDueAt, context.clockAt),
      quoteValidity: ({ context }) => until(context.quote?.validUntil, context.clockAt),
      paymentWindow: ({ context }) => until(context.payment.dueAt, context.clockAt),
      closeAfterDelivery: ({ context }) => until(context.delivery.closesAt, context.clockAt),
    },
    actions: {
      setRequest: assign(({ context, event }) =>
        event.type === 'updateRequest' ? { request: event.request, requestRevision: context.requestRevision + 1 } : {},
      ),
      /** A changed request makes the current quote stale: it must be priced again. */
      supersedeQuote: assign(({ context, event }) =>
        context.quote ? { quote: null, previousQuotes: [...context.previousQuotes, { ...context.quote, supersededAt: event.at ?? new Date(0) }] } : {},
      ),
      addMessage: assign(({ context, event }) => (event.type === 'sendMessage' ? { messages: message(context, event, 'message') } : {})),
      addQuestion: assign(({ context, event }) =>
        event.type === 'askQuestion' ? { messages: message(context, event, 'question'), replyDueAt: event.replyDueAt ?? null, clockAt: event.at ?? null } : {},
      ),
      decide: assign(({ event }) => {
        const base = { at: event.at ?? new Date(0), by: event.actorId ?? '' };
        switch (event.type) {
          case 'accept':
            return { decision: { kind: 'accepted' as const, ...base, ...(event.note ? { note: event.note } : {}) } };
          case 'reject':
            return { decision: { kind: 'rejected' as const, ...base, reason: event.reason } };
          case 'redirect':
            return {
              decision: {
                kind: 'redirected' as const,
                ...base,
                productId: event.productId,
                ...(event.productUrl ? { productUrl: event.productUrl } : {}),
                ...(event.note ? { note: event.note } : {}),
              },
            };
          default:
            return {};
        }
      }),
      storeQuote: assign(({ context, event }) => {
        if (event.type !== 'issueQuote' || !event.quote) return {};
        const previous: OrderQuote[] = context.quote ? [...context.previousQuotes, { ...context.quote, supersededAt: event.at ?? new Date(0) }] : context.previousQuotes;
        return { quote: event.quote, previousQuotes: previous, clockAt: event.at ?? null };
      }),
      expireQuote: assign(({ context }) =>
        context.quote ? { quote: null, previousQuotes: [...context.previousQuotes, { ...context.quote, expiredAt: context.quote.validUntil }] } : {},
      ),
      acceptQuote: assign(({ context, event }) =>
        event.type === 'acceptQuote' && context.quote
          ? { quote: { ...context.quote, acceptedAt: event.at ?? new Date(0) }, payment: { ...context.payment, dueAt: event.paymentDueAt ?? null }, clockAt: event.at ?? null }
          : {},
      ),
      cancel: assign(({ event }) => (event.type === 'cancel' ? { cancellation: { at: event.at ?? new Date(0), by: event.actorId ?? '', reason: event.reason } } : {})),
      // Paid and then not served: everything paid goes back.
      refundInFull: assign(({ context, event }) => ({
        refund: {
          cause: event.type === 'cannotFulfil' ? ('cannot-fulfil' as const) : ('cancelled' as const),
          amountRial: context.quote?.total ?? 0n,
          ...(event.type === 'cannotFulfil' ? { reason: event.reason } : {}),
          dueAt: event.at ?? new Date(0),
        },
      })),
      keepRefundAccount: assign(({ context, event }) =>
        event.type === 'provideRefundAccount' && event.account && context.refund ? { refund: { ...context.refund, account: event.account } } : {},
      ),
      markRefunded: assign(({ context, event }) =>
        event.type === 'recordRefund' && context.refund ? { refund: { ...context.refund, paid: { reference: event.reference, at: event.at ?? new Date(0), by: event.actorId ?? '' } } } : {},
      ),
      addReceipt: assign(({ context, event }) => {
        if (event.type !== 'submitReceipt' || !isStoredFile(event.scan)) return {};
        const receipt = {
          attempt: context.payment.receipts.length + 1,
          submittedAt: event.at ?? new Date(0),
          bankTracking: event.bankTracking,
          amount: event.amount,
          paidOn: event.paidOn,
          cardLastFour: event.cardLastFour,
          scan: event.scan,
          duplicates: event.duplicates ?? [],
        };
        return { payment: { ...context.payment, receipts: [...context.payment.receipts, receipt] } };
      }),
      reviewReceipt: assign(({ context, event }) => {
        const receipts = [...context.payment.receipts];
        const last = receipts.pop();
        if (!last) return {};
        const base = { at: event.at ?? new Date(0), by: event.actorId ?? '' };
        if (event.type === 'verifyPayment') {
          const review = {
            outcome: 'verified' as const,
            ...base,
            ...(event.note ? { note: event.note } : {}),
            ...(last.duplicates.length ? { duplicatesAcknowledged: true } : {}),
          };
          return { payment: { ...context.payment, receipts: [...receipts, { ...last, review }], verifiedAt: base.at } };
        }
        if (event.type === 'rejectReceipt') {
          const review = { outcome: 'rejected' as const, ...base, reason: event.reason };
          return {
            payment: { ...context.payment, receipts: [...receipts, { ...last, review }], dueAt: event.paymentDueAt ?? context.payment.dueAt },
            clockAt: event.at ?? null,
          };
        }
        return {};
      }),
      addFile: assign(({ context, event }) => {
        if (event.type !== 'attachFile' || !isStoredFile(event.file)) return {};
        const { key, sha256, size, contentType } = event.file;
        const file = { key, sha256, size, contentType, attachedAt: event.at ?? new Date(0), attachedBy: event.actorId ?? '', ...(event.title ? { title: event.title } : {}) };
        // Attaching the same key again replaces the earlier entry (a corrected file).
        return { delivery: { ...context.delivery, files: [...context.delivery.files.filter((f) => f.key !== key), file] } };
      }),
      issueLink: assign(({ context, event }) =>
        (event.type === 'deliver' || event.type === 'reissueLink') && event.link
          ? { delivery: { ...context.delivery, link: event.link, closesAt: event.closesAt ?? null }, clockAt: event.at ?? null }
          : {},
      ),
      revokeLink: assign(({ context, event }) =>
        event.type === 'revokeLink' && context.delivery.link
          ? { delivery: { ...context.delivery, link: { ...context.delivery.link, revokedAt: event.at ?? new Date(0), revokeReason: event.reason } } }
          : {},
      ),
      logDownload: assign(({ context, event }) => {
        const link = context.delivery.link;
        if (event.type !== 'download' || !link) return {};
        const entry = { at: event.at ?? new Date(0), linkId: link.id, fileKey: event.fileKey, actorId: event.actorId ?? '' };
        return { delivery: { ...context.delivery, link: { ...link, downloads: link.downloads + 1 }, downloads: [...context.delivery.downloads, entry] } };
      }),
      expireUnanswered: assign({ expiry: { reason: 'no-reply' as const } }),
      expireUnpaid: assign({ expiry: { reason: 'unpaid' as const } }),
    },
  }).createMachine({
    id: INFORMATION_ORDER_MACHINE_ID,
    context: ({ input }) => ({
      orderNumber: input.orderNumber ?? '',
      applicantId: input.applicantId ?? '',
      request: input.request,
      requestRevision: 1,
      messages: [],
      clockAt: null,
      replyDueAt: null,
      decision: null,
      quote: null,
      previousQuotes: [],
      payment: { dueAt: null, receipts: [], verifiedAt: null },
      delivery: { files: [], link: null, closesAt: null, downloads: [] },
      cancellation: null,
      expiry: null,
    }),
    initial: 'draft',
    states: {
      draft: {
        on: {
          updateRequest: { actions: 'setRequest' },
          submit: 'submitted',
          cancel: { target: 'cancelled', actions: 'cancel' },
        },
      },
      submitted: {
        on: {
          updateRequest: { actions: 'setRequest' },
          sendMessage: { target: 'consultation.open', actions: 'addMessage' },
          askQuestion: { target: 'consultation.awaitingApplicant', actions: 'addQuestion' },
          accept: { target: 'accepted', actions: 'decide' },
          reject: { target: 'rejected', actions: 'decide' },
          redirect: { target: 'redirected', actions: 'decide' },
          cancel: { target: 'cancelled', actions: 'cancel' },
        },
      },
      consultation: {
        initial: 'open',
        on: {
          updateRequest: { target: '.open', actions: 'setRequest' },
          accept: { target: 'accepted', actions: 'decide' },
          reject: { target: 'rejected', actions: 'decide' },
          redirect: { target: 'redirected', actions: 'decide' },
          cancel: { target: 'cancelled', actions: 'cancel' },
        },
        states: {
          open: {
            on: {
              sendMessage: { actions: 'addMessage' },
              askQuestion: { target: 'awaitingApplicant', actions: 'addQuestion' },
            },
          },
          awaitingApplicant: {
            entry: toApplicant((c) => notification(INFORMATION_ORDER_TEMPLATES.questionAsked, { orderNumber: c.orderNumber, link: settings.links.order(c.orderNumber) })),
            after: { replyWindow: { target: `#${INFORMATION_ORDER_MACHINE_ID}.expired`, actions: 'expireUnanswered' } },
            on: {
              // The applicant's answer reopens the conversation; a staff follow-up keeps waiting.
              sendMessage: [{ guard: 'fromApplicant', target: 'open', actions: 'addMessage' }, { actions: 'addMessage' }],
              askQuestion: { target: 'awaitingApplicant', reenter: true, actions: 'addQuestion' },
            },
          },
        },
      },
      accepted: {
        on: {
          issueQuote: { guard: 'quotePriced', target: 'quoted', actions: 'storeQuote' },
          updateRequest: { target: 'consultation.open', actions: ['setRequest', 'supersedeQuote'] },
          sendMessage: { actions: 'addMessage' },
          cancel: { target: 'cancelled', actions: 'cancel' },
        },
      },
      quoted: {
        // `quoted` is entered only through storeQuote, so the quote is there.
        entry: toApplicant((c) =>
          c.quote
            ? notification(INFORMATION_ORDER_TEMPLATES.quoteReady, { orderNumber: c.orderNumber, amount: c.quote.total, validUntil: c.quote.validUntil.toISOString(), link: settings.links.order(c.orderNumber) })
            : null,
        ),
        after: { quoteValidity: { target: 'quoteExpired', actions: 'expireQuote' } },
        on: {
          acceptQuote: { target: 'payment', actions: 'acceptQuote' },
          issueQuote: { guard: 'quotePriced', target: 'quoted', reenter: true, actions: 'storeQuote' },
          updateRequest: { target: 'consultation.open', actions: ['setRequest', 'supersedeQuote'] },
          sendMessage: { actions: 'addMessage' },
          cancel: { target: 'cancelled', actions: 'cancel' },
        },
      },
      quoteExpired: {
        on: {
          issueQuote: { guard: 'quotePriced', target: 'quoted', actions: 'storeQuote' },
          updateRequest: { target: 'consultation.open', actions: 'setRequest' },
          sendMessage: { actions: 'addMessage' },
          cancel: { target: 'cancelled', actions: 'cancel' },
        },
      },
      payment: {
        initial: 'awaitingReceipt',
        on: { sendMessage: { actions: 'addMessage' } },
        states: {
          awaitingReceipt: {
            after: { paymentWindow: { target: `#${INFORMATION_ORDER_MACHINE_ID}.expired`, actions: 'expireUnpaid' } },
            on: {
              submitReceipt: { guard: 'receiptChecked', target: 'receiptSubmitted', actions: 'addReceipt' },
              cancel: { target: `#${INFORMATION_ORDER_MACHINE_ID}.cancelled`, actions: 'cancel' },
            },
          },
          receiptSubmitted: {
            on: {
              verifyPayment: { target: `#${INFORMATION_ORDER_MACHINE_ID}.paymentVerified`, actions: 'reviewReceipt' },
              rejectReceipt: [
                { guard: 'mayResubmitReceipt', target: 'receiptRejected', actions: 'reviewReceipt' },
                { target: `#${INFORMATION_ORDER_MACHINE_ID}.paymentRefused`, actions: 'reviewReceipt' },
              ],
            },
          },
          receiptRejected: {
            entry: toApplicant((c) => {
              // The rejection's reason is required by the event schema; without a review there is nothing to say.
              const reason = c.payment.receipts.at(-1)?.review?.reason;
              if (!reason) return null;
              return notification(INFORMATION_ORDER_TEMPLATES.receiptRejected, {
                orderNumber: c.orderNumber,
                reason,
                attemptsLeft: Math.max(0, settings.maxReceiptAttempts - c.payment.receipts.length),
                link: settings.links.order(c.orderNumber),
              });
            }),
            after: { paymentWindow: { target: `#${INFORMATION_ORDER_MACHINE_ID}.expired`, actions: 'expireUnpaid' } },
            on: {
              submitReceipt: { guard: 'receiptChecked', target: 'receiptSubmitted', actions: 'addReceipt' },
              cancel: { target: `#${INFORMATION_ORDER_MACHINE_ID}.cancelled`, actions: 'cancel' },
            },
          },
        },
      },
      paymentVerified: {
        entry: toApplicant((c) => (c.quote ? notification(INFORMATION_ORDER_TEMPLATES.paymentConfirmed, { orderNumber: c.orderNumber, amount: c.quote.total }) : null)),
        on: {
          startPreparation: 'inPreparation',
          sendMessage: { actions: 'addMessage' },
          // Before preparation starts the applicant may still cancel; the office may decline.
          cancel: { target: 'refundDue', actions: ['cancel', 'refundInFull'] },
          cannotFulfil: { target: 'refundDue', actions: 'refundInFull' },
        },
      },
      inPreparation: {
        on: {
          attachFile: { guard: 'fileChecked', actions: 'addFile' },
          deliver: { guard: 'readyToDeliver', target: 'delivered', actions: 'issueLink' },
          sendMessage: { actions: 'addMessage' },
          cannotFulfil: { target: 'refundDue', actions: 'refundInFull' },
        },
      },
      // Finance transfers the whole amount back and records the transfer's reference.
      refundDue: {
        entry: toApplicant((c) => (c.refund ? notification(INFORMATION_ORDER_TEMPLATES.refundDue, { orderNumber: c.orderNumber, amount: c.refund.amountRial }) : null)),
        on: {
          recordRefund: { target: 'refunded', actions: 'markRefunded' },
          provideRefundAccount: { actions: 'keepRefundAccount' },
          sendMessage: { actions: 'addMessage' },
        },
      },
      refunded: {
        type: 'final',
        entry: toApplicant((c) =>
          c.refund?.paid ? notification(INFORMATION_ORDER_TEMPLATES.refunded, { orderNumber: c.orderNumber, amount: c.refund.amountRial, reference: c.refund.paid.reference }) : null,
        ),
      },
      delivered: {
        // `delivered` is entered only through issueLink (guarded by readyToDeliver), so the link is there.
        entry: toApplicant((c) => {
          const link = c.delivery.link;
          if (!link) return null;
          return notification(INFORMATION_ORDER_TEMPLATES.dataReady, {
            orderNumber: c.orderNumber,
            link: settings.links.download(link.token),
            expiresAt: link.expiresAt.toISOString(),
            downloadLimit: link.maxDownloads,
          });
        }),
        after: { closeAfterDelivery: 'closed' },
        on: {
          download: { guard: 'downloadAllowed', actions: 'logDownload' },
          reissueLink: { guard: 'readyToDeliver', target: 'delivered', reenter: true, actions: 'issueLink' },
          revokeLink: { guard: 'linkActive', actions: 'revokeLink' },
          sendMessage: { actions: 'addMessage' },
          close: 'closed',
        },
      },
      closed: { type: 'final' },
      rejected: { type: 'final' },
      redirected: { type: 'final' },
      cancelled: { type: 'final' },
      expired: { type: 'final' },
      paymentRefused: { type: 'final' },
    },
  });
}

/** The type of the information-order machine. */
export type InformationOrderMachine = ReturnType<typeof informationOrderMachine>;
