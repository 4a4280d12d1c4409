export { INFORMATION_ORDER_ROLES, INFORMATION_ORDER_STAFF_ROLES, DEFAULT_EVENT_ROLES, type InformationOrderRole, type InformationOrderEventType } from './roles';
export type {
  InformationOrderRefund,
  InformationOrderContext,
  OrderRequest,
  OrderMessage,
  OrderQuote,
  OrderReceipt,
  DuplicateReceipt,
  DownloadLink,
  DownloadLogEntry,
  DeliveredFile,
} from './context';
export { eventSchemas as informationOrderEventSchemas, orderRequestSchema, quoteItemsSchema, type InformationOrderEvent, type InformationOrderInput, type QuoteItems } from './events';
export { resolveInformationOrderOptions, type InformationOrderOptions, type ResolvedInformationOrderOptions } from './options';
export { informationOrderMachine, INFORMATION_ORDER_MACHINE_ID, INFORMATION_ORDER_TEMPLATES, type InformationOrderMachine } from './information-order.machine';
export { informationOrderWorkflow, INFORMATION_ORDER_WORKFLOW, type InformationOrderWorkflow } from './information-order.workflow';
export { informationOrderServices, type InformationOrderServices } from './services';
export { RECEIPT_KEYS } from './receipt-review';
export { DOWNLOAD_TOKEN_KEY, downloadTokenHash } from './delivery';
export { informationOrderSlaPolicy } from './sla-targets';
export { openRefundAccount, refundAccountBinding, sealRefundAccount } from './refund-account';
export { informationOrderLabels, type InformationOrderStatePath } from './labels';
