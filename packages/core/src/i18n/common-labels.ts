/**
 * Labels shared by every workflow: the engine's own history entries, SLA conditions, tariff
 * levels, delivery methods and destinations, and receipt review outcomes.
 */
import type { SlaState } from '../sla/compute-status';
import type { SlaUrgency } from '../sla/summary';
import type { GeographicLevel } from '../tariffs/geographic-level';
import type { LocalizedText } from '../tariffs/localized-text';

/** History entries the engine writes itself, whatever the workflow. */
export const ENGINE_HISTORY_LABELS: Readonly<Record<string, LocalizedText>> = Object.freeze({
  'statdesk.create': { fa: 'ثبت پرونده', en: 'Opened' },
  'statdesk.migrate': { fa: 'به‌روزرسانی روال کار', en: 'Moved to a newer procedure' },
  'statdesk.erasePersonalData': { fa: 'پاک‌کردن اطلاعات شخصی', en: 'Personal data erased' },
  'sla.warning': { fa: 'هشدار نزدیک‌شدن مهلت', en: 'Deadline approaching' },
  'sla.breach': { fa: 'گذشتن از مهلت', en: 'Deadline missed' },
  'sla.missed': { fa: 'گذشتن از مهلت (بدون ارجاع)', en: 'Best-effort deadline missed' },
  'sla.overrun': { fa: 'تأخیر طولانی پس از مهلت', en: 'Long overrun past the deadline' },
});

/** How urgent a case is, as a work queue sorts it (see `slaSummary`). */
export const SLA_URGENCY_LABELS: Readonly<Record<SlaUrgency, LocalizedText>> = Object.freeze({
  breached: { fa: 'گذشته از مهلت', en: 'Overdue' },
  'at-risk': { fa: 'نزدیک به مهلت', en: 'Due soon' },
  'on-track': { fa: 'در مهلت', en: 'On time' },
  paused: { fa: 'متوقف (در انتظار متقاضی)', en: 'On hold (waiting for the customer)' },
  done: { fa: 'انجام‌شده', en: 'Done' },
  'not-started': { fa: 'هنوز آغاز نشده', en: 'Not started yet' },
});

/** Where one SLA clock stands (see `SlaStatus.phase`). */
export const SLA_PHASE_LABELS: Readonly<Record<SlaState, LocalizedText>> = Object.freeze({
  notStarted: { fa: 'آغاز نشده', en: 'Not started' },
  running: { fa: 'در جریان', en: 'Running' },
  paused: { fa: 'متوقف', en: 'On hold' },
  met: { fa: 'در مهلت انجام شد', en: 'Met' },
  breached: { fa: 'از مهلت گذشت', en: 'Missed' },
  cancelled: { fa: 'لغوشده', en: 'Cancelled' },
});

/** The geographic levels tables are priced at, as people call them. */
export const TARIFF_LEVEL_LABELS: Readonly<Record<GeographicLevel, LocalizedText>> = Object.freeze({
  country: { fa: 'کل کشور', en: 'Whole country' },
  province: { fa: 'استان', en: 'Province' },
  county: { fa: 'شهرستان', en: 'County' },
  district: { fa: 'بخش', en: 'District' },
  'rural-district-or-city': { fa: 'دهستان یا شهر', en: 'Rural district or city' },
  'census-area': { fa: 'حوزهٔ سرشماری', en: 'Census area' },
  block: { fa: 'بلوک', en: 'Block' },
});

/** How a shop order reaches its customer. */
export const DELIVERY_METHOD_LABELS: Readonly<Record<'download' | 'post' | 'both', LocalizedText>> = Object.freeze({
  download: { fa: 'بارگیری از درگاه', en: 'Download' },
  post: { fa: 'ارسال پستی', en: 'By post' },
  both: { fa: 'بارگیری و ارسال پستی', en: 'Download and post' },
});

/**
 * The postage destinations of the sample tariff book. A portal with its own book labels its
 * codes with the book's own descriptions (`destinationLabel` prefers them).
 */
export const DELIVERY_DESTINATION_LABELS: Readonly<Record<string, LocalizedText>> = Object.freeze({
  tehran: { fa: 'تهران', en: 'Tehran' },
  'other-provinces': { fa: 'سایر استان‌ها', en: 'Other provinces' },
});

/** The outcome of a bank receipt's review. */
export type ReceiptStatus = 'pending' | 'verified' | 'rejected';

/** Each receipt review outcome, as the applicant and finance read it. */
export const RECEIPT_STATUS_LABELS: Readonly<Record<ReceiptStatus, LocalizedText>> = Object.freeze({
  pending: { fa: 'در انتظار بررسی', en: 'Awaiting review' },
  verified: { fa: 'تأییدشده', en: 'Verified' },
  rejected: { fa: 'ردشده', en: 'Rejected' },
});

/** The kind of an applicant's decision outcome (accepted, rejected, redirected). */
export const DECISION_LABELS: Readonly<Record<'accepted' | 'rejected' | 'redirected', LocalizedText>> = Object.freeze({
  accepted: { fa: 'پذیرفته شد', en: 'Accepted' },
  rejected: { fa: 'پذیرفته نشد', en: 'Rejected' },
  redirected: { fa: 'ارجاع به محصول منتشرشده', en: 'Redirected to a published product' },
});
