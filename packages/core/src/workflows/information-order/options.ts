import type { BusinessCalendar } from '../../calendar/calendar.schema';
import { iranGovernmentCalendar } from '../../calendar/iran-calendar';
import { DefinitionError } from '../../errors';
import { receiptUploadPolicy, type UploadPolicy } from '../../files/upload-policy';
import type { NotificationChannel } from '../../ports/notification';
import type { SlaPolicy, SlaPolicyInput } from '../../sla/policy.schema';
import type { InformationOrderEventType } from './roles';

/**
 * Options of `informationOrderWorkflow`: calendar, windows, download limits, tariff, links, receipt policy,
 * channels and SLA.
 */
export interface InformationOrderOptions {
  /** The definition's version (default `1`). */
  version?: string;
  /** Working days and hours for every business-day deadline (default: Iran's government calendar). */
  calendar?: BusinessCalendar;
  /** A quote is valid to the end of this many working days after it was issued (default 10). */
  quoteValidityDays?: number;
  /** Working days to pay and upload a receipt after accepting the quote (default 5). */
  paymentWindowDays?: number;
  /** After a rejected receipt, at least this many working days remain to submit another (default 3). */
  resubmitWindowDays?: number;
  /** Working days the applicant has to answer a consultant's question (default 10). */
  replyWindowDays?: number;
  /** Receipts an order accepts in all; after that many rejections the order ends (default 3). */
  maxReceiptAttempts?: number;
  /** Download link limits. */
  download?: {
    /** Days (24 h) a download link works (default 7). */
    validDays?: number;
    /** Downloads a link allows, over all files (default 5). */
    maxDownloads?: number;
    /** Days after a link expires before the delivered order closes itself (default 14). */
    closeAfterDays?: number;
  };
  /** Which tariff in the registry prices orders (needed when it holds several). */
  tariffId?: string;
  /** Per-event role changes. */
  roles?: Partial<Record<InformationOrderEventType, readonly string[]>>;
  /** Links put in messages; the portal owns its URLs (default root-relative, resolved by the notifier's `portalUrl`). */
  links?: { order(orderNumber: string): string; download(token: string): string };
  /** Which receipt scans are accepted (checked against what the file store recorded). */
  receiptPolicy?: UploadPolicy;
  /** Channels each notification goes out on (default both). */
  channels?: readonly NotificationChannel[];
  /**
   * Service-level targets bound with `withSla` on the order's calendar: default
   * `informationOrderSlaPolicy`; `false` for an unbound definition.
   */
  sla?: false | { policy?: SlaPolicy | SlaPolicyInput; province?: string };
}

/** Information-order options with every default filled in. */
export interface ResolvedInformationOrderOptions {
  /** The definition's version. */
  version: string;
  /** The business calendar deadlines run on. */
  calendar: BusinessCalendar;
  /** Working days a quote stays valid. */
  quoteValidityDays: number;
  /** Working days to pay an accepted quote. */
  paymentWindowDays: number;
  /** Working days to send a new receipt after a rejection. */
  resubmitWindowDays: number;
  /** Working days to answer a consultant's question. */
  replyWindowDays: number;
  /** Receipts an order accepts in all. */
  maxReceiptAttempts: number;
  /** Download link limits. */
  download: { validDays: number; maxDownloads: number; closeAfterDays: number };
  /** The tariff book id quotes are priced with (default: the registry's only book). */
  tariffId: string | undefined;
  /** The portal's URLs put in messages. */
  links: { order(orderNumber: string): string; download(token: string): string };
  /** What a receipt upload must be. */
  receiptPolicy: UploadPolicy;
  /** Channels notifications go out on. */
  channels: readonly NotificationChannel[];
  /** The SLA policy and province, or `false` for none. */
  sla: false | { policy?: SlaPolicy | SlaPolicyInput; province?: string };
}

/** Fills in the information-order defaults and checks them; throws `DefinitionError` naming a bad option. */
export function resolveInformationOrderOptions(options: InformationOrderOptions = {}): ResolvedInformationOrderOptions {
  const resolved: ResolvedInformationOrderOptions = {
    version: options.version ?? '1',
    calendar: options.calendar ?? iranGovernmentCalendar,
    quoteValidityDays: options.quoteValidityDays ?? 10,
    paymentWindowDays: options.paymentWindowDays ?? 5,
    resubmitWindowDays: options.resubmitWindowDays ?? 3,
    replyWindowDays: options.replyWindowDays ?? 10,
    maxReceiptAttempts: options.maxReceiptAttempts ?? 3,
    download: {
      validDays: options.download?.validDays ?? 7,
      maxDownloads: options.download?.maxDownloads ?? 5,
      closeAfterDays: options.download?.closeAfterDays ?? 14,
    },
    tariffId: options.tariffId,
    links: options.links ?? {
      // Root-relative: one definition serves several portals, so the template notifier's
      // `portalUrl` resolves them per tenant. A portal may pass absolute links instead.
      order: (orderNumber) => `/information-orders/${encodeURIComponent(orderNumber)}`,
      download: (token) => `/information-orders/download/${encodeURIComponent(token)}`,
    },
    receiptPolicy: options.receiptPolicy ?? receiptUploadPolicy,
    channels: options.channels ?? ['sms', 'email'],
    sla: options.sla ?? {},
  };
  const whole = (name: string, value: number, min: number) => {
    if (!Number.isInteger(value) || value < min) throw new DefinitionError(`information-order: ${name} must be a whole number ≥ ${min} (got ${value})`);
  };
  whole('quoteValidityDays', resolved.quoteValidityDays, 1);
  whole('paymentWindowDays', resolved.paymentWindowDays, 1);
  whole('resubmitWindowDays', resolved.resubmitWindowDays, 0);
  whole('replyWindowDays', resolved.replyWindowDays, 1);
  whole('maxReceiptAttempts', resolved.maxReceiptAttempts, 1);
  whole('download.validDays', resolved.download.validDays, 1);
  whole('download.maxDownloads', resolved.download.maxDownloads, 1);
  whole('download.closeAfterDays', resolved.download.closeAfterDays, 0);
  if (resolved.channels.length === 0) throw new DefinitionError('information-order: channels must name at least one channel');
  return resolved;
}
