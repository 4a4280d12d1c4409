/** What people read for an online payment's states, events and roles, in Persian and English. */
import type { WorkflowLabels } from '../i18n/workflow-labels';

/** Every state of the payment machine. */
export type PaymentStatePath = 'initiated' | 'redirected' | 'checking' | 'verifying' | 'unknown' | 'verified' | 'refundDue' | 'reversing' | 'settled' | 'refunded' | 'failed';

/** Every event of the payment workflow. */
export type PaymentEventType =
  | 'requested'
  | 'requestRefused'
  | 'callback'
  | 'reportedPaid'
  | 'inquired'
  | 'verificationSucceeded'
  | 'verificationFailed'
  | 'settled'
  | 'payerRefused'
  | 'recordRefund'
  | 'reverse'
  | 'reversed'
  | 'reverseRefused';

/** The roles that act on a payment. */
export type PaymentRoleName = 'system' | 'finance-officer' | 'shop-clerk' | 'supervisor';

/** The payment workflow's labels in Persian and English. */
export const paymentLabels: WorkflowLabels<PaymentStatePath, PaymentEventType, PaymentRoleName> = {
  workflow: { fa: 'پرداخت اینترنتی', en: 'Online payment' },
  states: {
    initiated: { fa: 'آغاز پرداخت', en: 'Started' },
    redirected: { fa: 'در درگاه بانک', en: 'At the bank gateway' },
    checking: { fa: 'در حال استعلام از بانک', en: 'Checking with the bank' },
    verifying: { fa: 'در حال تأیید', en: 'Verifying' },
    unknown: { fa: 'نتیجه نامعلوم', en: 'Outcome unknown' },
    verified: { fa: 'تأییدشده', en: 'Verified' },
    refundDue: { fa: 'در انتظار بازپرداخت', en: 'Refund due' },
    reversing: { fa: 'در حال برگشت وجه از درگاه', en: 'Being reversed at the gateway' },
    settled: { fa: 'تسویه‌شده', en: 'Settled' },
    refunded: { fa: 'بازپرداخت‌شده', en: 'Refunded' },
    failed: { fa: 'ناموفق', en: 'Failed' },
  },
  events: {
    requested: { fa: 'درخواست پرداخت از بانک', en: 'Payment requested' },
    requestRefused: { fa: 'رد درخواست پرداخت', en: 'Payment request refused' },
    callback: { fa: 'بازگشت از درگاه بانک', en: 'Back from the bank' },
    reportedPaid: { fa: 'اعلام پرداخت', en: 'Reported paid' },
    inquired: { fa: 'استعلام وضعیت', en: 'Status inquiry' },
    verificationSucceeded: { fa: 'تأیید پرداخت', en: 'Verification succeeded' },
    verificationFailed: { fa: 'تأیید ناموفق', en: 'Verification failed' },
    settled: { fa: 'تسویه', en: 'Settled' },
    payerRefused: { fa: 'انصراف پرداخت‌کننده', en: 'Payer cancelled' },
    recordRefund: { fa: 'ثبت بازپرداخت', en: 'Refund recorded' },
    reverse: { fa: 'برگشت وجه از درگاه', en: 'Reverse at the gateway' },
    reversed: { fa: 'برگشت وجه انجام شد', en: 'Reversed by the gateway' },
    reverseRefused: { fa: 'برگشت وجه پذیرفته نشد', en: 'Reversal refused by the gateway' },
  },
  roles: {
    system: { fa: 'سامانه', en: 'The system' },
    'finance-officer': { fa: 'کارشناس امور مالی', en: 'Finance officer' },
    'shop-clerk': { fa: 'کارشناس فروشگاه', en: 'Shop clerk' },
    supervisor: { fa: 'سرپرست', en: 'Supervisor' },
  },
  citizenStatus: {
    initiated: { phrase: { fa: 'پرداخت در حال آماده‌شدن است.', en: 'The payment is being prepared.' }, actor: 'system' },
    redirected: { phrase: { fa: 'منتظر پرداخت شما در درگاه بانک هستیم.', en: 'Waiting for you to pay at the bank.' } },
    checking: { phrase: { fa: 'نتیجهٔ پرداخت را از بانک می‌پرسیم.', en: 'We are asking the bank how the payment went.' }, actor: 'system' },
    verifying: { phrase: { fa: 'پرداخت شما در حال تأیید است.', en: 'Your payment is being verified.' }, actor: 'system' },
    unknown: {
      phrase: { fa: 'نتیجهٔ پرداخت هنوز روشن نیست.', en: 'The payment outcome is not known yet.' },
      next: { fa: 'اگر مبلغ از حساب شما کم شده باشد، تا ۷۲ ساعت برمی‌گردد یا تأیید می‌شود.', en: 'If the amount left your account, it is confirmed or returned within 72 hours.' },
      actor: 'system',
    },
    verified: { phrase: { fa: 'پرداخت شما تأیید شد.', en: 'Your payment was verified.' } },
    refundDue: { phrase: { fa: 'مبلغ به شما بازپرداخت می‌شود.', en: 'The amount is being refunded.' }, actor: 'finance-officer' },
    reversing: { phrase: { fa: 'مبلغ از راه درگاه بانک به حساب شما برمی‌گردد.', en: 'The amount is being returned to your card through the bank gateway.' }, actor: 'system' },
    settled: { phrase: { fa: 'پرداخت انجام شد.', en: 'The payment is complete.' } },
    refunded: { phrase: { fa: 'مبلغ بازپرداخت شد.', en: 'The amount was refunded.' } },
    failed: { phrase: { fa: 'پرداخت انجام نشد.', en: 'The payment did not go through.' } },
  },
};
