import { DefinitionError } from '../../errors';
import type { NotificationChannel } from '../../ports/notification';
import { DEFAULT_SHOP_ORDER_EVENT_ROLES, type ShopOrderEventType } from './roles';

/** Options of `shopOrderWorkflow`: windows, download limits, retention, tariff, roles, links and channels. */
export interface ShopOrderOptions {
  /** The definition's version (default `1`). */
  version?: string;
  /** How long a placed order waits for payment before it is cancelled (default 24 hours). */
  paymentWindowMs?: number;
  /**
   * When the payment window ends with a payment still at the bank, how long to wait for its
   * outcome before cancelling (default 2 hours: longer than a payment's callback window plus
   * its first inquiries). A payment verified after that goes to refund (see docs).
   */
  closingGraceMs?: number;
  /** Download token limits. */
  download?: {
    /** Days (24 h) a download token works (default 7). */
    validDays?: number;
    /** Downloads each token allows (default 5). */
    maxDownloads?: number;
  };
  /** Days after completion (and after the tokens expire) before the order closes (default 30). */
  retentionDays?: number;
  /** Which tariff in the registry prices postage and VAT (needed when it holds several). */
  tariffId?: string;
  /** Per-event role changes. */
  roles?: Partial<Record<ShopOrderEventType, readonly string[]>>;
  /** Links put in messages; the portal owns its URLs. */
  links?: { order(orderNumber: string): string; download(token: string): string };
  /** Channels each notification goes out on (default e-mail and SMS). */
  channels?: readonly NotificationChannel[];
}

/** Shop-order options with every default filled in. */
export interface ResolvedShopOrderOptions {
  /** The definition's version. */
  version: string;
  /** How long the customer has to pay, in milliseconds. */
  paymentWindowMs: number;
  /** How long an unpaid order waits for a payment outcome before cancelling. */
  closingGraceMs: number;
  /** Download token limits. */
  download: { validDays: number; maxDownloads: number };
  /** Days a finished order is kept before archiving. */
  retentionDays: number;
  /** The tariff book id (postage and VAT). */
  tariffId: string | undefined;
  /** Roles per event. */
  roles: Readonly<Record<ShopOrderEventType, readonly string[]>>;
  /** The portal's URLs put in messages. */
  links: { order(orderNumber: string): string; download(token: string): string };
  /** Channels notifications go out on. */
  channels: readonly NotificationChannel[];
}

export const DAY_MS = 24 * 60 * 60 * 1000;

/** Fills in the shop-order defaults and checks them; throws `DefinitionError` naming a bad option. */
export function resolveShopOrderOptions(options: ShopOrderOptions = {}): ResolvedShopOrderOptions {
  const resolved: ResolvedShopOrderOptions = {
    version: options.version ?? '1',
    paymentWindowMs: options.paymentWindowMs ?? DAY_MS,
    closingGraceMs: options.closingGraceMs ?? 2 * 60 * 60 * 1000,
    download: { validDays: options.download?.validDays ?? 7, maxDownloads: options.download?.maxDownloads ?? 5 },
    retentionDays: options.retentionDays ?? 30,
    tariffId: options.tariffId,
    roles: { ...DEFAULT_SHOP_ORDER_EVENT_ROLES, ...options.roles },
    links: options.links ?? {
      order: (orderNumber) => `/shop/orders/${encodeURIComponent(orderNumber)}`,
      download: (token) => `/shop/downloads/${encodeURIComponent(token)}`,
    },
    channels: options.channels ?? ['email', 'sms'],
  };
  const whole = (name: string, value: number, min: number) => {
    if (!Number.isInteger(value) || value < min) throw new DefinitionError(`shop-order: ${name} must be a whole number ≥ ${min} (got ${value})`);
  };
  whole('paymentWindowMs', resolved.paymentWindowMs, 1);
  whole('closingGraceMs', resolved.closingGraceMs, 1);
  whole('download.validDays', resolved.download.validDays, 1);
  whole('download.maxDownloads', resolved.download.maxDownloads, 1);
  whole('retentionDays', resolved.retentionDays, 0);
  if (resolved.channels.length === 0) throw new DefinitionError('shop-order: channels must name at least one channel');
  return resolved;
}
