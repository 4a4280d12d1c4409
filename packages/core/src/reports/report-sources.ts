/**
 * Where the shipped workflows record money and satisfaction, for the revenue and satisfaction
 * reports. A new booking (an information order's refund, say) is one more line here.
 */
import type { RevenueLine, SatisfactionSource } from '../ports/reports';

/** Quotes paid (a verified bank receipt, its amount from the receipt), shop sales and shop refunds. */
export const DEFAULT_REVENUE_LINES: readonly RevenueLine[] = Object.freeze([
  { name: 'quotesPaid', workflow: 'information-order', eventType: 'verifyPayment', amountEventType: 'submitReceipt', amountField: 'amount' },
  { name: 'shopSales', workflow: 'shop-order', eventType: 'paymentVerified', amountEventType: 'paymentVerified', amountField: 'amountRial' },
  { name: 'refunds', workflow: 'shop-order', eventType: 'refund', amountEventType: 'refund', amountField: 'amountRial' },
]);

/** The complainant's 1–5 rating after a message is closed. */
export const DEFAULT_SATISFACTION_SOURCE: SatisfactionSource = Object.freeze({ workflow: 'complaint', eventType: 'rate', scoreField: 'score' });
