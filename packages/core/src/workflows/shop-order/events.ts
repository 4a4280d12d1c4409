/**
 * The order's events as the machine sees them, and the zod schemas of what a sender may put in
 * them. Fields marked "server" are added by the event's `enrich` step inside the command's
 * transaction (prices, tokens, the clock): schemas strip them, so a client cannot supply them.
 */
import { z } from 'zod';
import { normalizeTypedInput, typedRial, typedWholeNumber } from '../../locale/typed-input';
import { mobileSchema, postalCodeSchema } from '../../profiles/profile.schema';
import type { CustomerParticulars, DownloadGrant, OrderLine, OrderPricing, ShippingAddress } from './context';

const quantity = typedWholeNumber(z.number().int('must be a whole number').min(1, 'must be at least 1').max(1000, 'must be at most 1000'));
const lineRequest = z.object({ productId: z.string().min(1).max(100), quantity: quantity.default(1) });
/** Whole Rial: a bigint, or a string of digits from a JSON client. */
const rialAmount = typedRial().pipe(z.bigint().positive('must be more than zero'));
/** A post office tracking code, typed in any digit set. */
const trackingCode = z
  .string()
  .transform((s) => normalizeTypedInput(s).replace(/\s/g, ''))
  .pipe(z.string().regex(/^[0-9A-Za-z-]{6,40}$/, 'must be the post office tracking code (6–40 letters or digits)'));
const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max);

/** Schema of a shop order's start input: up to 50 lines of product and quantity. */
export const shopOrderInputSchema = z.object({ lines: z.array(lineRequest).max(50, 'at most 50 lines').default([]) });

/** What starts a shop order. */
export interface ShopOrderInput {
  /** The products and quantities asked for. */
  lines: { productId: string; quantity: number }[];
  /** Server: the instance id. */
  orderNumber?: string;
  /** Server: the creating customer. */
  customerId?: string;
  /** Server: the lines priced from the catalogue. */
  pricedLines?: OrderLine[];
}

/** Schema of the customer's particulars. */
export const customerSchema = z.object({
  fullName: text(200),
  mobile: mobileSchema,
  email: z.email().optional(),
});

/** Schema of a shipping address. */
export const shippingSchema = z.object({
  address: text(500),
  postalCode: postalCodeSchema,
  destination: z.string().regex(/^[a-z0-9][a-z0-9_-]*$/, "must be one of the tariff book's destination codes"),
});

/** The zod schemas of the shop-order events a client may send. */
export const shopOrderEventSchemas = {
  addLine: lineRequest,
  removeLine: z.object({ lineId: z.string().min(1) }),
  place: z.object({ customer: customerSchema, shipping: shippingSchema.optional() }),
  pay: z.object({ gateway: z.string().min(1).optional() }),
  paymentVerified: z.object({ paymentId: z.string().min(1), amountRial: z.bigint().positive(), refId: z.string().min(1) }),
  paymentFailed: z.object({ paymentId: z.string().min(1), reason: z.string().min(1) }),
  cancel: z.object({ reason: text(500) }),
  ship: z.object({ trackingCode }),
  markDelivered: z.object({}),
  markReturned: z.object({ reason: text(500) }),
  reship: z.object({ trackingCode }),
  closeShipment: z.object({ reason: text(500) }),
  download: z.object({ token: z.string().min(16).max(200) }),
  refund: z.object({ amountRial: rialAmount, reference: text(100), reason: text(500) }),
} as const;

/** The events of the shop-order machine; fields marked server are added by the workflow. */
export type ShopOrderEvent =
  | { type: 'addLine'; productId: string; quantity: number; /** server */ line?: OrderLine }
  | { type: 'removeLine'; lineId: string }
  | {
      type: 'place';
      customer: CustomerParticulars;
      shipping?: ShippingAddress;
      /** server */ lines?: OrderLine[];
      /** server */ pricing?: OrderPricing;
      /** server */ payBy?: Date;
      /** server: `customer` and `shipping`, sealed (the machine keeps only this) */ particulars?: string;
    }
  | { type: 'pay'; gateway?: string }
  | { type: 'paymentVerified'; paymentId: string; amountRial: bigint; refId: string; /** server */ grants?: DownloadGrant[] }
  | { type: 'paymentFailed'; paymentId: string; reason: string }
  | { type: 'cancel'; reason: string }
  | { type: 'ship'; trackingCode: string }
  | { type: 'markDelivered' }
  | { type: 'markReturned'; reason: string }
  | { type: 'reship'; trackingCode: string }
  | { type: 'closeShipment'; reason: string }
  | { type: 'download'; token: string; /** server */ lineId?: string }
  | { type: 'refund'; amountRial: bigint; reference: string; reason: string };
