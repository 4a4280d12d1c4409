export { SHOP_ORDER_ROLES, SHOP_ORDER_STAFF_ROLES, DEFAULT_SHOP_ORDER_EVENT_ROLES, type ShopOrderRole, type ShopOrderEventType } from './roles';
export type {
  ShopOrderContext,
  ShopOrderParticulars,
  OrderLine,
  DeliveryMethod,
  CustomerParticulars,
  ShippingAddress,
  OrderPricing,
  DownloadGrant,
  OrderPayment,
  OrderShipment,
  OrderRefund,
} from './context';
export { shopOrderEventSchemas, shopOrderInputSchema, customerSchema, shippingSchema, type ShopOrderEvent, type ShopOrderInput } from './events';
export { resolveShopOrderOptions, type ShopOrderOptions, type ResolvedShopOrderOptions } from './options';
export { productSchema, parseProduct, PRODUCT_KINDS } from './product.schema';
export { shopOrderServices, type ShopOrderServices } from './services';
export { deliveryOf } from './pricing';
export { SHOP_DOWNLOAD_TOKEN_KEY, shopDownloadTokenHash } from './downloads';
export { shopOrderMachine, SHOP_ORDER_MACHINE_ID, SHOP_ORDER_TEMPLATES, type ShopOrderMachine } from './shop-order.machine';
export { shopOrderWorkflow, SHOP_ORDER_WORKFLOW, SHOP_POSTAL_TRACKING_KEY, type ShopOrderWorkflow } from './shop-order.workflow';
export { shopOrderView, type ShopOrderView } from './view';
export { openShopDownload, type ShopDownload } from './open-download';
export { readShopOrderParticulars, shopOrderParticularsBinding, type ShopOrderParticularsReading } from './particulars';
export {
  forgetShopCustomer,
  ERASE_PERSONAL_DATA_EVENT,
  type ForgetShopCustomerOptions,
  type ForgetShopCustomerCommand,
  type ForgetShopCustomerReport,
} from './forget-customer';
export { resealShopOrders, type ResealShopOrdersOptions, type ResealShopOrdersReport } from './reseal-orders';
export { shopOrderLabels, type ShopOrderStatePath } from './labels';
