/**
 * What each reader sees of an order. The applicant sees their order, the thread, the quote, their
 * receipts' outcome and the download link; never other orders' ids (duplicate flags), staff
 * notes or staff ids. Staff see everything except the download token itself (its hash and
 * counts are enough to support the applicant).
 */
import type { Actor } from '../../engine/actor';
import { stateToString } from '../../engine/state-value';
import { RECEIPT_STATUS_LABELS } from '../../i18n/common-labels';
import { describeState } from '../../i18n/describe-state';
import type { InformationOrderContext } from './context';
import { informationOrderLabels } from './labels';

export function informationOrderView(args: { snapshot: { value: unknown; context: InformationOrderContext }; actor: Actor; isOwner: boolean }, staffRoles: readonly string[]): unknown {
  const { snapshot, actor, isOwner } = args;
  const c = snapshot.context;
  const state = stateToString(snapshot.value as never);
  // The state in words for people (label and citizen status, both languages), beside the key.
  const labels = describeState(informationOrderLabels, state);
  const staff = actor.roles.some((r) => staffRoles.includes(r));
  if (staff) {
    const link = c.delivery.link;
    return { state, labels, ...c, delivery: { ...c.delivery, link: link && { ...link, token: undefined } } };
  }
  if (!isOwner) return { state, labels, orderNumber: c.orderNumber };
  return {
    state,
    labels,
    orderNumber: c.orderNumber,
    request: c.request,
    messages: c.messages.map(({ seq, at, from, kind, text }) => ({ seq, at, from, kind, text })),
    replyDueAt: c.replyDueAt,
    decision: c.decision && {
      kind: c.decision.kind,
      at: c.decision.at,
      ...(c.decision.reason ? { reason: c.decision.reason } : {}),
      ...(c.decision.productId ? { productId: c.decision.productId } : {}),
      ...(c.decision.productUrl ? { productUrl: c.decision.productUrl } : {}),
    },
    quote: c.quote && { number: c.quote.number, issuedAt: c.quote.issuedAt, validUntil: c.quote.validUntil, total: c.quote.total, detail: c.quote.detail, acceptedAt: c.quote.acceptedAt },
    payment: {
      dueAt: c.payment.dueAt,
      verifiedAt: c.payment.verifiedAt,
      receipts: c.payment.receipts.map((r) => ({
        attempt: r.attempt,
        submittedAt: r.submittedAt,
        bankTracking: r.bankTracking,
        amount: r.amount,
        paidOn: r.paidOn,
        outcome: r.review?.outcome ?? 'pending',
        outcomeLabel: RECEIPT_STATUS_LABELS[r.review?.outcome ?? 'pending'],
        ...(r.review?.reason ? { reason: r.review.reason } : {}),
      })),
    },
    delivery: {
      files: c.delivery.files.map(({ key, title, size, contentType }) => ({ key, size, contentType, ...(title ? { title } : {}) })),
      link: c.delivery.link && {
        token: c.delivery.link.revokedAt ? undefined : c.delivery.link.token,
        expiresAt: c.delivery.link.expiresAt,
        downloadsLeft: Math.max(0, c.delivery.link.maxDownloads - c.delivery.link.downloads),
        revoked: c.delivery.link.revokedAt !== undefined,
      },
    },
    cancellation: c.cancellation && { at: c.cancellation.at, reason: c.cancellation.reason },
    refund: c.refund ?? null,
    expiry: c.expiry,
  };
}
