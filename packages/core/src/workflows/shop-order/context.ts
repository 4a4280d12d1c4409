import type { ProductFormat, ProductKind } from '../../ports/catalogue';

/** One line of an order, priced from the catalogue when added and again when placed. */
export interface OrderLine {
  lineId: string;
  productId: string;
  kind: ProductKind;
  format: ProductFormat;
  title: string;
  unitPriceRial: bigint;
  quantity: number;
  /** Digital lines: the file the buyer downloads. */
  fileKey?: string;
}

/** How digital lines arrive (download) and physical ones (post); an order may need both. */
export type DeliveryMethod = 'download' | 'post' | 'both';

/** Personal: kept in the order for staff, never in history payloads. */
export interface CustomerParticulars {
  fullName: string;
  mobile: string;
  email?: string;
}

/** Personal: where the post office delivers, and the tariff book's destination code. */
export interface ShippingAddress {
  address: string;
  postalCode: string;
  destination: string;
}

/** The order's price as the tariff book in force computed it when the order was placed. */
export interface OrderPricing {
  bookId: string;
  bookVersion: string;
  productsRial: bigint;
  postageRial: bigint;
  vatRial: bigint;
  totalRial: bigint;
  pricedAt: Date;
}

/** A download token for one digital line: expiring, count-limited, each use an event. */
export interface DownloadGrant {
  lineId: string;
  token: string;
  tokenHash: string;
  issuedAt: Date;
  expiresAt: Date;
  maxDownloads: number;
  downloads: number;
}

export interface OrderPayment {
  paymentId: string;
  refId: string;
  amountRial: bigint;
}

export interface OrderShipment {
  trackingCode: string;
  /** Each tracking code used, oldest first (a returned parcel is sent again with a new one). */
  trackingCodes: string[];
  returnReason?: string;
  closedReason?: string;
}

export interface OrderRefund {
  amountRial: bigint;
  reference: string;
  reason: string;
}

export interface ShopOrderContext {
  orderNumber: string;
  /** The customer's profile (also the instance owner): notifications go to its official contacts. */
  customerId: string;
  lines: OrderLine[];
  /** Next line number, so removed lines' ids are never reused. */
  nextLine: number;
  delivery?: DeliveryMethod;
  customer?: CustomerParticulars;
  shipping?: ShippingAddress;
  pricing?: OrderPricing;
  payBy?: Date;
  paymentAttempts: number;
  currentPaymentId?: string;
  lastPaymentFailure?: string;
  payment?: OrderPayment;
  downloads: DownloadGrant[];
  shipment?: OrderShipment;
  refunds: OrderRefund[];
  refundedRial: bigint;
  cancellation?: { reason: string };
}
