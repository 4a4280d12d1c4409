export { PaymentGatewayError, isPaymentGatewayError, type PaymentGatewayErrorKind } from './errors';
export { createGatewayRegistry, type GatewayRegistry, type GatewayRegistryOptions } from './gateway-registry';
export { PAYMENT_AUTHORITY_KEY, type PaymentContext, type PaymentFailureReason, type PaymentInput } from './payment-context';
export { resolvePaymentOptions, type PaymentOptions, type ResolvedPaymentOptions } from './payment-options';
export {
  paymentMachine,
  PAYMENT_MACHINE_ID,
  type PaymentEvent,
  type PaymentMachine,
  type PaymentInquireEffect,
  type PaymentReverseEffect,
  type PaymentRequestEffect,
  type PaymentSettleEffect,
  type PaymentVerifyEffect,
} from './payment.machine';
export { paymentWorkflow, paymentInputSchema, PAYMENT_WORKFLOW, type PaymentWorkflow } from './payment.workflow';
export { paymentEffects, paymentIdFor, type PaymentEffectsOptions, type PaymentOpenEffect, type PayerEvent } from './payment-effects';
export { handlePaymentCallback, type PaymentCallbackResult } from './callback';
export { createPaymentReconciler, type PaymentReconciler, type ReconcileResult } from './reconciler';
export { parseSheba, shebaSchema, shebaLastFour } from './sheba';
export { paymentLabels, type PaymentStatePath, type PaymentEventType, type PaymentRoleName } from './labels';
