/**
 * What a message looks like to someone outside the office: the public lookup's view (no staff
 * notes, no officer names unless the portal shows them, no text the complainant wrote, no
 * personal data) and the complainant's own view (adds their message and the correspondence).
 */
import { TEHRAN } from '../../time/zoned';
import type { ComplaintContext, Stage } from './complaint.machine';
import { formatCode } from './codes';
import { MESSAGE_KIND_LABELS, type MessageKind } from './kinds';

/** The statuses the public sees. */
export const PUBLIC_STATUSES = ['received', 'acknowledged', 'under-review', 'awaiting-reply', 'escalated', 'answered', 'closed', 'withdrawn'] as const;
/** A public status. */
export type PublicStatus = (typeof PUBLIC_STATUSES)[number];

/** Each public status in Persian and English. */
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

/** An instant shown two ways. */
export interface PublicDate {
  /** ISO instant (UTC). */
  at: string;
  /** The Solar Hijri date and time in Asia/Tehran, for display. */
  jalali: string;
}

/** An answer as the public sees it. */
export interface PublicAnswer {
  /** The stage it answers. */
  stage: Stage;
  /** The answer text. */
  text: string;
  /** When it was given. */
  at: PublicDate;
  /** Only when the portal shows officer names. */
  officerName?: string;
}

/**
 * What anyone with the codes sees of a message: kind, status, stage, dates and answers; nothing the
 * complainant wrote.
 */
export interface PublicComplaintView {
  /** The message kind. */
  kind: MessageKind;
  /** The kind in Persian and English. */
  kindLabel: { fa: string; en: string };
  /** The public status. */
  status: PublicStatus;
  /** The status in Persian and English. */
  statusLabel: { fa: string; en: string };
  /** Current stage. */
  stage: Stage;
  /** The tracking code, in groups of four. */
  trackingCode: string;
  /** When it was filed. */
  filedAt: PublicDate;
  /** When it was answered. */
  answeredAt: PublicDate | null;
  /** When it was closed. */
  closedAt: PublicDate | null;
  /** The answers given. */
  answers: PublicAnswer[];
}

const dated = (iso: string | null): PublicDate | null => (iso ? { at: iso, jalali: jalaliDisplay(iso) } : null);

/** The public view of a message in a state. */
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
  /** The complaint code, if any. */
  complaintCode: string | null;
  /** The subject line. */
  subject: string;
  /** The message text. */
  body: string;
  /** Files filed with it. */
  attachments: ComplaintContext['attachments'];
  /** The conversation with staff. */
  correspondence: ComplaintContext['correspondence'];
  /** Their rating, if given. */
  rating: ComplaintContext['rating'];
  /** Until when it may be reopened (ISO instant), if it may. */
  reopenUntil: string | null;
}

/** The complainant's view of their message in a state. */
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
