/**
 * Who may do what in a shop order. The customer owns the order (acts only on their own);
 * `system` is the engine (payment outcomes, download logging by the portal's link handler).
 */
export const SHOP_ORDER_ROLES = ['customer', 'shop-clerk', 'finance-officer', 'supervisor', 'system'] as const;
/** A role of the shop-order workflow. */
export type ShopOrderRole = (typeof SHOP_ORDER_ROLES)[number];

/** The staff roles of the shop. */
export const SHOP_ORDER_STAFF_ROLES = ['shop-clerk', 'finance-officer', 'supervisor'] as const;

/** An event a client may send to a shop order. */
export type ShopOrderEventType =
  | 'addLine'
  | 'removeLine'
  | 'place'
  | 'pay'
  | 'paymentVerified'
  | 'paymentFailed'
  | 'cancel'
  | 'ship'
  | 'markDelivered'
  | 'markReturned'
  | 'reship'
  | 'closeShipment'
  | 'download'
  | 'refund';

/** Who may send each shop-order event by default. */
export const DEFAULT_SHOP_ORDER_EVENT_ROLES: Readonly<Record<ShopOrderEventType, readonly string[]>> = {
  addLine: ['customer'],
  removeLine: ['customer'],
  place: ['customer'],
  pay: ['customer'],
  paymentVerified: ['system'],
  paymentFailed: ['system'],
  cancel: ['customer', 'shop-clerk', 'supervisor'],
  ship: ['shop-clerk'],
  markDelivered: ['shop-clerk', 'system'],
  markReturned: ['shop-clerk'],
  reship: ['shop-clerk'],
  closeShipment: ['supervisor'],
  download: ['customer', 'system'],
  refund: ['finance-officer', 'supervisor'],
};

export const DEFAULT_SHOP_ORDER_CREATE_ROLES = ['customer'] as const;
