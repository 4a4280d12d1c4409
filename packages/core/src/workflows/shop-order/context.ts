import type { ProductFormat, ProductKind } from '../../ports/catalogue';

/** One line of an order, priced from the catalogue when added and again when placed. */
export interface OrderLine {
  /** Line id, unique within the order. */
  lineId: string;
  /** The catalogue product. */
  productId: string;
  /** File, CD, book or publication. */
  kind: ProductKind;
  /** Digital or physical. */
  format: ProductFormat;
  /** The product's title when priced. */
  title: string;
  /** Price of one item in whole Rial, from the catalogue. */
  unitPriceRial: bigint;
  /** How many. */
  quantity: number;
  /** Digital lines: the file the buyer downloads. */
  fileKey?: string;
}

/** How digital lines arrive (download) and physical ones (post); an order may need both. */
export type DeliveryMethod = 'download' | 'post' | 'both';

/** Personal: sealed in the order (see {@link ShopOrderParticulars}), never in history payloads. */
export interface CustomerParticulars {
  /** Full name for the parcel and invoice. */
  fullName: string;
  /** Mobile for the courier. */
  mobile: string;
  /** E-mail, if given. */
  email?: string;
}

/** Personal: where the post office delivers, and the tariff book's destination code. */
export interface ShippingAddress {
  /** Postal address. */
  address: string;
  /** 10-digit postal code. */
  postalCode: string;
  /** The tariff book's destination code (decides postage). */
  destination: string;
}

/**
 * What the customer typed at checkout, as the clerk who posts the parcel reads it: sealed
 * together in the order (`particulars`), opened with `readShopOrderParticulars`.
 */
export interface ShopOrderParticulars {
  /** Name, mobile and e-mail. */
  customer: CustomerParticulars;
  /** Where the parcel goes (orders with physical lines only). */
  shipping?: ShippingAddress;
}

/** The order's price as the tariff book in force computed it when the order was placed. */
export interface OrderPricing {
  /** The tariff book's id. */
  bookId: string;
  /** The tariff book's version. */
  bookVersion: string;
  /** Products, in whole Rial. */
  productsRial: bigint;
  /** Postage, in whole Rial. */
  postageRial: bigint;
  /** VAT, in whole Rial. */
  vatRial: bigint;
  /** What the customer pays, in whole Rial. */
  totalRial: bigint;
  /** When it was priced (UTC). */
  pricedAt: Date;
}

/** A download token for one digital line: expiring, count-limited, each use an event. */
export interface DownloadGrant {
  /** The line it downloads. */
  lineId: string;
  /** The secret token (shown to the owner only, never in history). */
  token: string;
  /** SHA-256 of the token, the lookup key. */
  tokenHash: string;
  /** When it was issued (UTC). */
  issuedAt: Date;
  /** When it stops working (UTC). */
  expiresAt: Date;
  /** How many downloads it allows. */
  maxDownloads: number;
  /** Downloads so far. */
  downloads: number;
}

/** The verified payment of an order. */
export interface OrderPayment {
  /** The payment instance's id. */
  paymentId: string;
  /** The bank reference. */
  refId: string;
  /** The amount paid, in whole Rial. */
  amountRial: bigint;
}

/** The parcel of a physical order. */
export interface OrderShipment {
  /** The current postal tracking code. */
  trackingCode: string;
  /** Each tracking code used, oldest first (a returned parcel is sent again with a new one). */
  trackingCodes: string[];
  /** Why the parcel came back, if it did. */
  returnReason?: string;
  /** Why shipping was closed, if it was. */
  closedReason?: string;
}

/** A refund to the customer's card. */
export interface OrderRefund {
  /** Amount refunded, in whole Rial. */
  amountRial: bigint;
  /** The gateway's reference for the refund. */
  reference: string;
  /** Why. */
  reason: string;
}

/**
 * The shop-order machine's context: lines, delivery, customer particulars, pricing, payment, downloads,
 * shipment and refunds.
 */
export interface ShopOrderContext {
  /** The order number. */
  orderNumber: string;
  /** The customer's profile (also the instance owner): notifications go to its official contacts. */
  customerId: string;
  /** The order's lines. */
  lines: OrderLine[];
  /** Next line number, so removed lines' ids are never reused. */
  nextLine: number;
  /** Download, post or both (from the lines' formats). */
  delivery?: DeliveryMethod;
  /**
   * The customer's particulars and shipping address ({@link ShopOrderParticulars}), sealed with
   * the desk's `personalDataSealer` when the order was placed; the value names its key.
   */
  particulars?: string;
  /** When the particulars were erased at the customer's request (`forgetShopCustomer`). */
  particularsErasedAt?: Date;
  /** The price when the order was placed. */
  pricing?: OrderPricing;
  /** When payment is due (UTC). */
  payBy?: Date;
  /** Payment attempts so far. */
  paymentAttempts: number;
  /** The payment instance in progress. */
  currentPaymentId?: string;
  /** Why the last payment failed. */
  lastPaymentFailure?: string;
  /** The verified payment. */
  payment?: OrderPayment;
  /** Download tokens of digital lines. */
  downloads: DownloadGrant[];
  /** The parcel of physical lines. */
  shipment?: OrderShipment;
  /** Refunds made. */
  refunds: OrderRefund[];
  /** Total refunded, in whole Rial. */
  refundedRial: bigint;
  /** Why the order was cancelled. */
  cancellation?: { reason: string };
}
