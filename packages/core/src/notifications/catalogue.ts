/**
 * Every notification the shipped workflows send, by stable id. Workflow authors reference these
 * ids in `notify(...)`; the default templates cover each one in Persian and English; a portal
 * overrides wording without touching the ids. Ids are part of the public API: never rename one,
 * add a new id instead (docs/notifications.md lists them).
 *
 * Parameters never include personal data (national ID, mobile, address, e-mail): a message is
 * addressed through the profile, and its text only needs references, amounts, dates and links.
 */
import type { NotificationCatalogue, NotificationDeclaration, ParamsOf } from './parameters';

const order = { kind: 'reference' } as const;
const link = { kind: 'url' } as const;
const tracking = { kind: 'reference' } as const;

/**
 * Every notification the shipped workflows send, by stable id, with its description and declared parameters
 * (see the module comment above).
 */
export const notificationCatalogue = {
  // Channel A: custom information orders.
  'information-order.question-asked': {
    description: 'A consultant asked the applicant a question; the order waits for the reply.',
    params: { orderNumber: order, link },
  },
  'information-order.quote-ready': {
    description: 'The cost of preparing the data was announced; pay and upload the bank receipt before it expires.',
    params: { orderNumber: order, amount: { kind: 'money' }, validUntil: { kind: 'instant' }, link },
  },
  'information-order.receipt-rejected': {
    description: 'Finance rejected the uploaded bank receipt; the applicant may submit another.',
    params: { orderNumber: order, reason: { kind: 'text' }, attemptsLeft: { kind: 'count' }, link },
  },
  'information-order.payment-confirmed': {
    description: 'Finance verified the payment; data preparation starts.',
    params: { orderNumber: order, amount: { kind: 'money' } },
  },
  'information-order.refund-due': {
    description: 'The order was cancelled after payment, or the office cannot fulfil it: the whole amount will be paid back.',
    params: { orderNumber: order, amount: { kind: 'money' } },
  },
  'information-order.refunded': {
    description: 'Finance paid the money of the order back by bank transfer.',
    params: { orderNumber: order, amount: { kind: 'money' }, reference: { kind: 'reference' } },
  },
  'information-order.data-ready': {
    description: 'The prepared data can be downloaded through an expiring, count-limited link.',
    params: { orderNumber: order, link, expiresAt: { kind: 'instant' }, downloadLimit: { kind: 'count' } },
  },
  // Channel B: online shop orders.
  'shop-order.order-placed': {
    description: 'An order was placed and awaits online payment.',
    params: { orderNumber: order, total: { kind: 'money' }, payBy: { kind: 'instant' }, link },
  },
  'shop-order.payment-received': {
    description: 'The card gateway payment was verified.',
    params: { orderNumber: order, amount: { kind: 'money' }, paymentReference: { kind: 'reference' } },
  },
  'shop-order.payment-failed': {
    description: 'The online payment failed or was cancelled; the customer may try again.',
    params: { orderNumber: order, link },
  },
  'shop-order.shipped': {
    description: 'A physical item was handed to the post office.',
    params: { orderNumber: order, postalTrackingCode: { kind: 'reference' } },
  },
  'shop-order.download-ready': {
    description: 'Digital items can be downloaded through an expiring, count-limited link.',
    params: { orderNumber: order, link, expiresAt: { kind: 'instant' }, downloadLimit: { kind: 'count' } },
  },
  'shop-order.refunded': {
    description: 'The order (or part of it) was refunded.',
    params: { orderNumber: order, amount: { kind: 'money' } },
  },
  // Channel C: questions, criticism, suggestions and complaints. One machine serves all four
  // kinds, so the wording says "your message" and never names the kind.
  'complaint.filed': {
    description: 'A message with a complaint code was filed: the two codes the complainant keeps to follow it.',
    params: { trackingCode: tracking, complaintCode: { kind: 'reference' }, link },
  },
  'complaint.message-filed': {
    description: 'A message without a complaint code (a question, suggestion or criticism by default) was filed: the tracking code to follow it.',
    params: { trackingCode: tracking, link },
  },
  'complaint.acknowledged': {
    description: 'The office acknowledged the message and says by when it will answer.',
    params: { trackingCode: tracking, answerBy: { kind: 'instant' } },
  },
  'complaint.answered': {
    description: 'The office answered; the answer is read in the portal.',
    params: { trackingCode: tracking, link },
  },
  'complaint.awaiting-reply': {
    description: 'The office needs more information from the complainant; the answer deadline waits for the reply.',
    params: { trackingCode: tracking, link },
  },
  'complaint.escalated': {
    description: 'The message went to a supervisor (stage 2): asked for by the complainant, reopened, or past its deadline.',
    params: { trackingCode: tracking },
  },
  'complaint.closed': {
    description: 'The message was closed; the complainant may rate the handling (and, where its kind allows, reopen it) in the portal.',
    params: { trackingCode: tracking, link },
  },
  'complaint.withdrawn': {
    description: 'The complainant withdrew the message; nothing more will happen on it.',
    params: { trackingCode: tracking },
  },
  // Service incidents: staff notifications.
  'incident.restoration-breached': {
    description: 'Staff: a service incident passed its committed restoration target without being restored.',
    params: { channel: { kind: 'reference' }, title: { kind: 'text' }, dueAt: { kind: 'instant' } },
  },
  // Staff alerts (`staffAlertRules`): to the office's own people, resolved through the staff directory.
  'staff.sla-warning': {
    description: 'Staff: a case you hold or supervise is close to its service-level deadline.',
    params: { caseRef: { kind: 'reference' } },
  },
  'staff.sla-breach': {
    description: 'Staff: a case you hold or supervise passed its service-level deadline and is escalated to the supervisors.',
    params: { caseRef: { kind: 'reference' } },
  },
  'staff.case-assigned': {
    description: 'Staff: someone assigned a case to you.',
    params: { caseRef: { kind: 'reference' } },
  },
  'staff.new-order': {
    description: 'Staff: a new information order was submitted and waits for a consultant.',
    params: { caseRef: { kind: 'reference' } },
  },
  'staff.receipt-to-verify': {
    description: 'Staff: an applicant uploaded a bank receipt that waits for finance to verify it.',
    params: { caseRef: { kind: 'reference' } },
  },
  'staff.complainant-replied': {
    description: 'Staff: the complainant answered your request for information.',
    params: { caseRef: { kind: 'reference' } },
  },
} as const satisfies NotificationCatalogue;

/** The id of a shipped notification, e.g. `information-order.quote-ready`. */
export type NotificationId = keyof typeof notificationCatalogue;

/** The parameters of a shipped notification, e.g. `NotificationParams<'information-order.quote-ready'>`. */
export type NotificationParams<Id extends NotificationId> = ParamsOf<(typeof notificationCatalogue)[Id]>;

/**
 * The `template` and `params` of a `notify` effect, checked against the catalogue at compile time:
 * `notify(({ context }) => ({ recipient, channel: 'sms', ...notification('complaint.escalated', { trackingCode }) }))`.
 * Money stays a bigint and instants an ISO string or Date; the outbox encodes them.
 */
export function notification<Id extends NotificationId>(template: Id, params: NotificationParams<Id>): { template: Id; params: Record<string, never> } {
  // The effect's params type is JSON-ish; the declared kinds were checked above by TypeScript.
  return { template, params: params as unknown as Record<string, never> };
}

export type { NotificationDeclaration };
