/**
 * The online shop order (channel B) as an XState machine. It is pure: prices, postage, download
 * tokens and the clock arrive on events, put there by the workflow's enrich steps; payments are
 * their own workflow (`payment`), opened by the `payment.open` effect and reporting back with
 * `paymentVerified` / `paymentFailed`.
 *
 * cart → awaitingPayment (idle ⇄ paying, closing) → fulfilling (digital ∥ postal) → completed → closed;
 * unpaid → cancelled on a durable timer; cancel before shipping → refundDue; refunds, full or
 * partial, after payment.
 */
import { assign, setup, type ActionFunction, type AnyEventObject } from 'xstate';
import { notify } from '../../engine/effects';
import { notification } from '../../notifications/catalogue';
import { paymentIdFor, type PaymentOpenEffect } from '../../payments/payment-effects';
import { effect } from '../../engine/effects';
import type { ShopOrderContext } from './context';
import type { ShopOrderEvent, ShopOrderInput } from './events';
import { deliveryOf } from './pricing';
import { DAY_MS, resolveShopOrderOptions, type ShopOrderOptions } from './options';

/** The XState id of the shop-order machine. */
export const SHOP_ORDER_MACHINE_ID = 'shopOrder';

/** Notification ids this workflow sends (declared in the notification catalogue). */
export const SHOP_ORDER_TEMPLATES = Object.freeze({
  placed: 'shop-order.order-placed',
  paymentReceived: 'shop-order.payment-received',
  paymentFailed: 'shop-order.payment-failed',
  shipped: 'shop-order.shipped',
  downloadReady: 'shop-order.download-ready',
  refunded: 'shop-order.refunded',
} as const);

/**
 * The XState machine of a shop order: cart, checkout, card payment through the payment workflow, digital
 * downloads and postal fulfilment, refunds.
 */
export function shopOrderMachine(options: ShopOrderOptions = {}) {
  const settings = resolveShopOrderOptions(options);

  type Ctx = ShopOrderContext;
  type Ev = ShopOrderEvent;
  type Notification = Parameters<typeof notify<Ctx, Ev, undefined, Ev>>[0];
  type Built = { template: string; params: Record<string, never> };
  /** One notify action per configured channel, to the customer's profile. */
  const toCustomer = (build: (context: Ctx) => Built) =>
    settings.channels.map((channel) =>
      notify<Ctx, Ev, undefined, Ev>((({ context }: { context: Ctx }) => ({ recipient: { profileId: context.customerId }, channel, ...build(context) })) as Notification),
    ) as ActionFunction<Ctx, Ev, Ev, undefined, never, never, never, never, AnyEventObject>[];
  const link = (context: Ctx) => settings.links.order(context.orderNumber);
  const paid = (context: Ctx) => context.payment?.amountRial ?? 0n;

  return setup({
    types: {} as { context: Ctx; input: ShopOrderInput; events: Ev },
    guards: {
      lineExists: ({ context, event }) => event.type === 'removeLine' && context.lines.some((l) => l.lineId === event.lineId),
      // Priced and sealed by the enrich step: the order never holds the particulars in the clear.
      placeable: ({ context, event }) => event.type === 'place' && context.lines.length > 0 && event.pricing !== undefined && event.particulars !== undefined,
      isCurrentPayment: ({ context, event }) =>
        (event.type === 'paymentVerified' || event.type === 'paymentFailed') && event.paymentId === context.currentPaymentId,
      paysInFull: ({ context, event }) =>
        event.type === 'paymentVerified' && event.paymentId === context.currentPaymentId && event.amountRial === context.pricing?.totalRial,
      paymentInFlight: ({ context }) => context.currentPaymentId !== undefined,
      hasDigital: ({ context }) => context.lines.some((l) => l.format === 'digital'),
      hasPhysical: ({ context }) => context.lines.some((l) => l.format === 'physical'),
      grantFound: ({ context, event }) => event.type === 'download' && context.downloads.some((g) => g.lineId === event.lineId),
      // Nothing has left the office: no parcel handed to the post, no file downloaded.
      nothingDelivered: ({ context }) => context.shipment === undefined && context.downloads.every((g) => g.downloads === 0),
      refundsTheRest: ({ context, event }) => event.type === 'refund' && event.amountRial === paid(context) - context.refundedRial,
      refundsPart: ({ context, event }) => event.type === 'refund' && event.amountRial < paid(context) - context.refundedRial,
    },
    actions: {
      recordPayment: assign(({ event }) =>
        event.type === 'paymentVerified'
          ? { payment: { paymentId: event.paymentId, refId: event.refId, amountRial: event.amountRial }, downloads: event.grants ?? [] }
          : {},
      ),
      recordRefund: assign(({ context, event }) =>
        event.type === 'refund'
          ? {
              refunds: [...context.refunds, { amountRial: event.amountRial, reference: event.reference, reason: event.reason }],
              refundedRial: context.refundedRial + event.amountRial,
            }
          : {},
      ),
      countDownload: assign(({ context, event }) =>
        event.type === 'download' ? { downloads: context.downloads.map((g) => (g.lineId === event.lineId ? { ...g, downloads: g.downloads + 1 } : g)) } : {},
      ),
      recordCancellation: assign(({ event }) => (event.type === 'cancel' ? { cancellation: { reason: event.reason } } : {})),
    },
    delays: {
      paymentWindow: settings.paymentWindowMs,
      closingGrace: settings.closingGraceMs,
      retention: (settings.download.validDays + settings.retentionDays) * DAY_MS,
    },
  }).createMachine({
    id: SHOP_ORDER_MACHINE_ID,
    context: ({ input }) => ({
      orderNumber: input.orderNumber ?? '',
      customerId: input.customerId ?? '',
      lines: input.pricedLines ?? [],
      nextLine: (input.pricedLines?.length ?? 0) + 1,
      paymentAttempts: 0,
      downloads: [],
      refunds: [],
      refundedRial: 0n,
    }),
    initial: 'cart',
    states: {
      cart: {
        on: {
          addLine: {
            actions: assign(({ context, event }) =>
              event.line ? { lines: [...context.lines, { ...event.line, lineId: `L${context.nextLine}` }], nextLine: context.nextLine + 1 } : {},
            ),
          },
          removeLine: { guard: 'lineExists', actions: assign({ lines: ({ context, event }) => context.lines.filter((l) => l.lineId !== event.lineId) }) },
          place: {
            guard: 'placeable',
            target: 'awaitingPayment',
            actions: [
              assign(({ event }) => ({
                particulars: event.particulars!,
                lines: event.lines!,
                delivery: deliveryOf(event.lines!),
                pricing: event.pricing!,
                payBy: event.payBy!,
              })),
              ...toCustomer((context) =>
                notification(SHOP_ORDER_TEMPLATES.placed, { orderNumber: context.orderNumber, total: context.pricing!.totalRial, payBy: context.payBy!, link: link(context) }),
              ),
            ],
          },
          cancel: { target: 'cancelled', actions: 'recordCancellation' },
        },
      },
      awaitingPayment: {
        initial: 'idle',
        // One window from placing, however many attempts: re-entering `idle` does not restart it.
        after: {
          paymentWindow: [
            { guard: 'paymentInFlight', target: '.closing' },
            { target: 'cancelled', actions: assign({ cancellation: () => ({ reason: 'not paid in time' }) }) },
          ],
        },
        states: {
          idle: {
            on: {
              pay: {
                target: 'paying',
                actions: [
                  assign(({ context }) => ({
                    paymentAttempts: context.paymentAttempts + 1,
                    currentPaymentId: paymentIdFor(context.orderNumber, context.paymentAttempts + 1),
                  })),
                  effect('payment.open', ({ context, event }): PaymentOpenEffect => ({
                    attempt: context.paymentAttempts,
                    amountRial: context.pricing!.totalRial,
                    description: `Order ${context.orderNumber}`,
                    customerProfileId: context.customerId,
                    ...(event.type === 'pay' && event.gateway ? { gateway: event.gateway } : {}),
                  })),
                ],
              },
              cancel: { target: '#shopOrder.cancelled', actions: 'recordCancellation' },
            },
          },
          paying: {
            on: {
              paymentVerified: { guard: 'paysInFull', target: '#shopOrder.fulfilling', actions: 'recordPayment' },
              paymentFailed: {
                guard: 'isCurrentPayment',
                target: 'idle',
                actions: [
                  assign(({ event }) => ({ currentPaymentId: undefined, lastPaymentFailure: event.reason })),
                  ...toCustomer((context) => notification(SHOP_ORDER_TEMPLATES.paymentFailed, { orderNumber: context.orderNumber, link: link(context) })),
                ],
              },
            },
          },
          // The window ended while the payer was at the bank: no new attempts; wait for this one.
          closing: {
            after: { closingGrace: { target: '#shopOrder.cancelled', actions: assign({ cancellation: () => ({ reason: 'not paid in time' }) }) } },
            on: {
              paymentVerified: { guard: 'paysInFull', target: '#shopOrder.fulfilling', actions: 'recordPayment' },
              paymentFailed: {
                guard: 'isCurrentPayment',
                target: '#shopOrder.cancelled',
                actions: assign(({ event }) => ({ currentPaymentId: undefined, lastPaymentFailure: event.reason, cancellation: { reason: 'not paid in time' } })),
              },
            },
          },
        },
      },
      fulfilling: {
        type: 'parallel',
        entry: toCustomer((context) =>
          notification(SHOP_ORDER_TEMPLATES.paymentReceived, { orderNumber: context.orderNumber, amount: context.payment!.amountRial, paymentReference: context.payment!.refId }),
        ),
        states: {
          digital: {
            initial: 'routing',
            states: {
              routing: { always: [{ guard: 'hasDigital', target: 'issued' }, { target: 'none' }] },
              // Tokens issued = the line is fulfilled; downloads go on until they expire.
              issued: {
                type: 'final',
                // One message: a single file links straight to it, several to the order's page.
                entry: toCustomer((context) => {
                  const only = context.downloads.length === 1 ? context.downloads[0] : undefined;
                  return notification(SHOP_ORDER_TEMPLATES.downloadReady, {
                    orderNumber: context.orderNumber,
                    link: only ? settings.links.download(only.token) : link(context),
                    expiresAt: new Date(Math.min(...context.downloads.map((g) => g.expiresAt.getTime()))),
                    downloadLimit: settings.download.maxDownloads,
                  });
                }),
              },
              none: { type: 'final' },
            },
          },
          postal: {
            initial: 'routing',
            states: {
              routing: { always: [{ guard: 'hasPhysical', target: 'awaitingShipment' }, { target: 'none' }] },
              awaitingShipment: {
                on: {
                  ship: {
                    target: 'shipped',
                    actions: [
                      assign(({ event }) => ({ shipment: { trackingCode: event.trackingCode, trackingCodes: [event.trackingCode] } })),
                      ...toCustomer((context) => notification(SHOP_ORDER_TEMPLATES.shipped, { orderNumber: context.orderNumber, postalTrackingCode: context.shipment!.trackingCode })),
                    ],
                  },
                },
              },
              shipped: { on: { markDelivered: 'delivered', markReturned: { target: 'returned', actions: assign(({ context, event }) => ({ shipment: { ...context.shipment!, returnReason: event.reason } })) } } },
              returned: {
                on: {
                  reship: {
                    target: 'shipped',
                    actions: [
                      assign(({ context, event }) => ({
                        shipment: { trackingCode: event.trackingCode, trackingCodes: [...context.shipment!.trackingCodes, event.trackingCode] },
                      })),
                      ...toCustomer((context) => notification(SHOP_ORDER_TEMPLATES.shipped, { orderNumber: context.orderNumber, postalTrackingCode: context.shipment!.trackingCode })),
                    ],
                  },
                  closeShipment: { target: 'closedUndelivered', actions: assign(({ context, event }) => ({ shipment: { ...context.shipment!, closedReason: event.reason } })) },
                },
              },
              delivered: { type: 'final' },
              // A returned parcel the office gives up on (refund it with `refund`).
              closedUndelivered: { type: 'final' },
              none: { type: 'final' },
            },
          },
        },
        onDone: 'completed',
        on: {
          download: { guard: 'grantFound', actions: 'countDownload' },
          cancel: { guard: 'nothingDelivered', target: 'refundDue', actions: 'recordCancellation' },
          refund: [
            { guard: 'refundsTheRest', target: 'refunded', actions: ['recordRefund', ...toCustomer((context) => notification(SHOP_ORDER_TEMPLATES.refunded, { orderNumber: context.orderNumber, amount: context.refunds.at(-1)!.amountRial }))] },
            { guard: 'refundsPart', actions: ['recordRefund', ...toCustomer((context) => notification(SHOP_ORDER_TEMPLATES.refunded, { orderNumber: context.orderNumber, amount: context.refunds.at(-1)!.amountRial }))] },
          ],
        },
      },
      completed: {
        after: { retention: 'closed' },
        on: {
          download: { guard: 'grantFound', actions: 'countDownload' },
          refund: [
            { guard: 'refundsTheRest', target: 'refunded', actions: ['recordRefund', ...toCustomer((context) => notification(SHOP_ORDER_TEMPLATES.refunded, { orderNumber: context.orderNumber, amount: context.refunds.at(-1)!.amountRial }))] },
            { guard: 'refundsPart', actions: ['recordRefund', ...toCustomer((context) => notification(SHOP_ORDER_TEMPLATES.refunded, { orderNumber: context.orderNumber, amount: context.refunds.at(-1)!.amountRial }))] },
          ],
        },
      },
      // Paid, then cancelled: the money goes back (finance records each refund).
      refundDue: {
        on: {
          refund: [
            { guard: 'refundsTheRest', target: 'refunded', actions: ['recordRefund', ...toCustomer((context) => notification(SHOP_ORDER_TEMPLATES.refunded, { orderNumber: context.orderNumber, amount: context.refunds.at(-1)!.amountRial }))] },
            { guard: 'refundsPart', actions: ['recordRefund', ...toCustomer((context) => notification(SHOP_ORDER_TEMPLATES.refunded, { orderNumber: context.orderNumber, amount: context.refunds.at(-1)!.amountRial }))] },
          ],
        },
      },
      refunded: { type: 'final' },
      cancelled: { type: 'final' },
      closed: { type: 'final' },
    },
  });
}

/** The type of the shop-order machine. */
export type ShopOrderMachine = ReturnType<typeof shopOrderMachine>;
