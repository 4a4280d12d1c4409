/**
 * What a message looks like to someone outside the office: the public lookup's view (no staff
 * notes, no officer names unless the portal shows them, no text the complainant wrote, no
 * personal data) and the complainant's own view (adds their message and the correspondence).
 */
import { TEHRAN } from '../../time/zoned';
import type { ComplaintContext, Stage } from './complaint.machine';
import { formatCode } from './codes';
import { MESSAGE_KIND_LABELS, type MessageKind } from './kinds';

export const PUBLIC_STATUSES = ['received', 'acknowledged', 'under-review', 'awaiting-reply', 'escalated', 'answered', 'closed', 'withdrawn'] as const;
export type PublicStatus = (typeof PUBLIC_STATUSES)[number];

export const PUBLIC_STATUS_LABELS: Readonly<Record<PublicStatus, { fa: string; en: string }>> = Object.freeze({
  received: { fa: 'ثبت شد', en: 'Received' },
  acknowledged: { fa: 'دریافت تأیید شد', en: 'Acknowledged' },
  'under-review': { fa: 'در حال بررسی', en: 'Under review' },
  'awaiting-reply': { fa: 'در انتظار پاسخ شما', en: 'Awaiting your reply' },
  escalated: { fa: 'ارجاع به سرپرست', en: 'Escalated to a supervisor' },
  answered: { fa: 'پاسخ داده شد', en: 'Answered' },
  closed: { fa: 'بسته شد', en: 'Closed' },
  withdrawn: { fa: 'منصرف شد', en: 'Withdrawn' },
});

/** The public status of a flattened machine state (`stage1.active.filed` → `received`). */
export function publicStatusOf(state: string): PublicStatus {
  if (state.endsWith('awaitingComplainant')) return 'awaiting-reply';
  if (state.endsWith('underReview')) return 'under-review';
  if (state === 'stage1.active.filed') return 'received';
  if (state === 'stage1.active.acknowledged') return 'acknowledged';
  if (state.startsWith('stage2.')) return 'escalated';
  if (state === 'answered') return 'answered';
  if (state === 'withdrawn') return 'withdrawn';
  return 'closed';
}

/** An instant as a Solar Hijri date and time in Tehran, in Persian digits (display only). */
export function jalaliDisplay(iso: string): string {
  return new Intl.DateTimeFormat('fa-IR-u-ca-persian', {
    timeZone: TEHRAN,
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(iso));
}

export interface PublicDate {
  at: string;
  jalali: string;
}

export interface PublicAnswer {
  stage: Stage;
  text: string;
  at: PublicDate;
  /** Only when the portal shows officer names. */
  officerName?: string;
}

export interface PublicComplaintView {
  kind: MessageKind;
  kindLabel: { fa: string; en: string };
  status: PublicStatus;
  statusLabel: { fa: string; en: string };
  stage: Stage;
  trackingCode: string;
  filedAt: PublicDate;
  answeredAt: PublicDate | null;
  closedAt: PublicDate | null;
  answers: PublicAnswer[];
}

const dated = (iso: string | null): PublicDate | null => (iso ? { at: iso, jalali: jalaliDisplay(iso) } : null);

export function publicComplaintView(state: string, context: ComplaintContext): PublicComplaintView {
  const status = publicStatusOf(state);
  const lastAnswer = context.answers.at(-1);
  return {
    kind: context.kind,
    kindLabel: MESSAGE_KIND_LABELS[context.kind],
    status,
    statusLabel: PUBLIC_STATUS_LABELS[status],
    stage: context.stage,
    trackingCode: formatCode(context.trackingCode),
    filedAt: dated(context.filedAt)!,
    answeredAt: dated(lastAnswer?.at ?? null),
    closedAt: dated(context.closedAt ?? context.withdrawnAt),
    answers: context.answers.map((a) => ({
      stage: a.stage,
      text: a.text,
      at: dated(a.at)!,
      ...(context.publicOfficerNames && a.officerName ? { officerName: a.officerName } : {}),
    })),
  };
}

/** The complainant's own view (through `desk.get`): the public view plus what they wrote and were asked. */
export interface ComplainantView extends PublicComplaintView {
  complaintCode: string | null;
  subject: string;
  body: string;
  attachments: ComplaintContext['attachments'];
  correspondence: ComplaintContext['correspondence'];
  rating: ComplaintContext['rating'];
  reopenUntil: string | null;
}

export function complainantView(state: string, context: ComplaintContext): ComplainantView {
  return {
    ...publicComplaintView(state, context),
    complaintCode: context.complaintCode ? formatCode(context.complaintCode) : null,
    subject: context.subject,
    body: context.body,
    attachments: context.attachments,
    correspondence: context.correspondence,
    rating: context.rating,
    reopenUntil: context.deadlines.reopenUntil,
  };
}
