/**
 * What people read for the information order's states, events and roles, in Persian and English,
 * and what the applicant reads in each state. Override per portal with `overrideLabels`.
 */
import type { WorkflowLabels } from '../../i18n/workflow-labels';
import type { InformationOrderEventType, InformationOrderRole } from './roles';

/** Every state node of the information-order machine, dotted. */
export type InformationOrderStatePath =
  | 'draft'
  | 'submitted'
  | 'consultation'
  | 'consultation.open'
  | 'consultation.awaitingApplicant'
  | 'accepted'
  | 'quoted'
  | 'quoteExpired'
  | 'payment'
  | 'payment.awaitingReceipt'
  | 'payment.receiptSubmitted'
  | 'payment.receiptRejected'
  | 'paymentVerified'
  | 'inPreparation'
  | 'delivered'
  | 'closed'
  | 'rejected'
  | 'redirected'
  | 'cancelled'
  | 'expired'
  | 'paymentRefused'
  | 'refundDue'
  | 'refunded';

/** The information order's labels in Persian and English. */
export const informationOrderLabels: WorkflowLabels<InformationOrderStatePath, InformationOrderEventType, InformationOrderRole> = {
  workflow: { fa: 'سفارش اطلاعات', en: 'Information order' },
  states: {
    draft: { fa: 'پیش‌نویس', en: 'Draft' },
    submitted: { fa: 'ارسال‌شده', en: 'Submitted' },
    consultation: { fa: 'در حال مشاوره', en: 'In consultation' },
    'consultation.open': { fa: 'در حال مشاوره', en: 'In consultation' },
    'consultation.awaitingApplicant': { fa: 'در انتظار پاسخ متقاضی', en: 'Waiting for the applicant' },
    accepted: { fa: 'پذیرفته‌شده', en: 'Accepted' },
    quoted: { fa: 'هزینه اعلام شده', en: 'Quoted' },
    quoteExpired: { fa: 'مهلت پذیرش هزینه گذشته', en: 'Quote expired' },
    payment: { fa: 'پرداخت', en: 'Payment' },
    'payment.awaitingReceipt': { fa: 'در انتظار فیش بانکی', en: 'Waiting for the bank receipt' },
    'payment.receiptSubmitted': { fa: 'فیش بانکی در حال بررسی', en: 'Receipt under review' },
    'payment.receiptRejected': { fa: 'فیش بانکی پذیرفته نشد', en: 'Receipt rejected' },
    paymentVerified: { fa: 'پرداخت تأییدشده', en: 'Payment verified' },
    inPreparation: { fa: 'در حال آماده‌سازی اطلاعات', en: 'Data in preparation' },
    delivered: { fa: 'تحویل‌شده', en: 'Delivered' },
    closed: { fa: 'بسته‌شده', en: 'Closed' },
    rejected: { fa: 'ردشده', en: 'Rejected' },
    redirected: { fa: 'ارجاع به محصول منتشرشده', en: 'Redirected to a published product' },
    cancelled: { fa: 'لغوشده', en: 'Cancelled' },
    expired: { fa: 'منقضی‌شده', en: 'Expired' },
    paymentRefused: { fa: 'پرداخت پذیرفته نشد', en: 'Payment refused' },
    refundDue: { fa: 'در انتظار بازپرداخت', en: 'Refund due' },
    refunded: { fa: 'بازپرداخت‌شده', en: 'Refunded' },
  },
  events: {
    updateRequest: { fa: 'ویرایش درخواست', en: 'Change the request' },
    submit: { fa: 'ارسال سفارش', en: 'Submit the order' },
    sendMessage: { fa: 'ارسال پیام', en: 'Send a message' },
    askQuestion: { fa: 'پرسش از متقاضی', en: 'Ask the applicant' },
    accept: { fa: 'پذیرش سفارش', en: 'Accept the order' },
    reject: { fa: 'رد سفارش', en: 'Reject the order' },
    redirect: { fa: 'ارجاع به محصول منتشرشده', en: 'Redirect to a published product' },
    issueQuote: { fa: 'اعلام هزینه', en: 'Issue the quote' },
    acceptQuote: { fa: 'پذیرش هزینه', en: 'Accept the quote' },
    cancel: { fa: 'لغو سفارش', en: 'Cancel the order' },
    submitReceipt: { fa: 'بارگذاری فیش بانکی', en: 'Upload the bank receipt' },
    verifyPayment: { fa: 'تأیید پرداخت', en: 'Verify the payment' },
    rejectReceipt: { fa: 'رد فیش بانکی', en: 'Reject the receipt' },
    startPreparation: { fa: 'شروع آماده‌سازی', en: 'Start preparing the data' },
    attachFile: { fa: 'پیوست پروندهٔ اطلاعات', en: 'Attach a data file' },
    deliver: { fa: 'تحویل اطلاعات', en: 'Deliver the data' },
    download: { fa: 'بارگیری', en: 'Download' },
    reissueLink: { fa: 'صدور پیوند تازه', en: 'Issue a new link' },
    revokeLink: { fa: 'ابطال پیوند', en: 'Revoke the link' },
    close: { fa: 'بستن سفارش', en: 'Close the order' },
    cannotFulfil: { fa: 'اعلام عدم امکان انجام سفارش', en: 'Declare the order cannot be fulfilled' },
    provideRefundAccount: { fa: 'ثبت شماره شبا برای بازپرداخت', en: 'Give the IBAN for the refund' },
    recordRefund: { fa: 'ثبت واریز بازپرداخت', en: 'Record the refund transfer' },
  },
  roles: {
    applicant: { fa: 'متقاضی', en: 'Applicant' },
    consultant: { fa: 'کارشناس مشاوره', en: 'Consultant' },
    'pricing-officer': { fa: 'کارشناس تعیین هزینه', en: 'Pricing officer' },
    'finance-officer': { fa: 'کارشناس امور مالی', en: 'Finance officer' },
    'data-preparer': { fa: 'کارشناس آماده‌سازی داده', en: 'Data preparer' },
    supervisor: { fa: 'سرپرست', en: 'Supervisor' },
    system: { fa: 'سامانه', en: 'The system' },
  },
  citizenStatus: {
    draft: {
      phrase: { fa: 'سفارش شما هنوز ارسال نشده است.', en: 'Your order has not been sent yet.' },
      next: { fa: 'درخواست را کامل کنید و بفرستید.', en: 'Complete the request and submit it.' },
      actor: 'applicant',
    },
    submitted: {
      phrase: { fa: 'سفارش شما رسید و در نوبت بررسی است.', en: 'Your order arrived and is waiting to be reviewed.' },
      next: { fa: 'کارشناس مشاوره سفارش را بررسی می‌کند.', en: 'A consultant reviews the order.' },
      actor: 'consultant',
    },
    consultation: {
      phrase: { fa: 'کارشناس در حال بررسی سفارش شماست.', en: 'A consultant is reviewing your order.' },
      actor: 'consultant',
    },
    'consultation.open': {
      phrase: { fa: 'کارشناس در حال بررسی سفارش شماست.', en: 'A consultant is reviewing your order.' },
      next: { fa: 'اگر پرسشی باشد، در بخش مکاتبات می‌آید.', en: 'Any question will appear under messages.' },
      actor: 'consultant',
    },
    'consultation.awaitingApplicant': {
      phrase: { fa: 'کارشناس از شما پرسشی دارد.', en: 'The consultant has a question for you.' },
      next: { fa: 'در بخش مکاتبات پاسخ دهید؛ بی‌پاسخ ماندن سفارش را می‌بندد.', en: 'Reply under messages; without a reply the order closes.' },
      actor: 'applicant',
    },
    accepted: {
      phrase: { fa: 'سفارش شما پذیرفته شد.', en: 'Your order was accepted.' },
      next: { fa: 'هزینهٔ آن به‌زودی اعلام می‌شود.', en: 'Its price will be quoted soon.' },
      actor: 'pricing-officer',
    },
    quoted: {
      phrase: { fa: 'هزینهٔ سفارش اعلام شد.', en: 'Your order has been priced.' },
      next: { fa: 'اگر هزینه را می‌پذیرید، آن را تأیید کنید تا مرحلهٔ پرداخت آغاز شود.', en: 'Accept the quote to go on to payment.' },
      actor: 'applicant',
    },
    quoteExpired: {
      phrase: { fa: 'مهلت پذیرش هزینه گذشت.', en: 'The quote expired before it was accepted.' },
      next: { fa: 'کارشناس می‌تواند هزینهٔ تازه‌ای اعلام کند.', en: 'The pricing officer may issue a new quote.' },
      actor: 'pricing-officer',
    },
    payment: {
      phrase: { fa: 'سفارش در مرحلهٔ پرداخت است.', en: 'Your order is at the payment step.' },
      actor: 'applicant',
    },
    'payment.awaitingReceipt': {
      phrase: { fa: 'منتظر پرداخت شما هستیم.', en: 'We are waiting for your payment.' },
      next: { fa: 'مبلغ را به حساب اعلام‌شده واریز کنید و تصویر فیش را بارگذاری کنید.', en: 'Pay the amount into the account shown and upload the receipt.' },
      actor: 'applicant',
    },
    'payment.receiptSubmitted': {
      phrase: { fa: 'فیش شما رسید و در حال بررسی است.', en: 'Your receipt arrived and is being checked.' },
      next: { fa: 'امور مالی پرداخت را تأیید می‌کند.', en: 'Finance verifies the payment.' },
      actor: 'finance-officer',
    },
    'payment.receiptRejected': {
      phrase: { fa: 'فیش شما پذیرفته نشد.', en: 'Your receipt was not accepted.' },
      next: { fa: 'علت را بخوانید و فیش درست را بارگذاری کنید.', en: 'Read the reason and upload the right receipt.' },
      actor: 'applicant',
    },
    paymentVerified: {
      phrase: { fa: 'پرداخت شما تأیید شد.', en: 'Your payment was verified.' },
      next: { fa: 'آماده‌سازی اطلاعات به‌زودی آغاز می‌شود.', en: 'Preparing the data starts soon.' },
      actor: 'data-preparer',
    },
    inPreparation: {
      phrase: { fa: 'اطلاعات شما در حال آماده‌سازی است.', en: 'Your data is being prepared.' },
      next: { fa: 'پس از آماده‌شدن، پیوند دریافت برایتان فرستاده می‌شود.', en: 'When it is ready you receive a download link.' },
      actor: 'data-preparer',
    },
    delivered: {
      phrase: { fa: 'اطلاعات شما آماده است.', en: 'Your data is ready.' },
      next: { fa: 'پرونده‌ها را پیش از پایان مهلت پیوند بارگیری کنید.', en: 'Download the files before the link expires.' },
      actor: 'applicant',
    },
    closed: { phrase: { fa: 'سفارش بسته شد.', en: 'The order is closed.' } },
    rejected: { phrase: { fa: 'سفارش شما پذیرفته نشد.', en: 'Your order was not accepted.' } },
    redirected: {
      phrase: { fa: 'اطلاعات درخواستی شما پیش‌تر منتشر شده است.', en: 'The data you asked for is already published.' },
      next: { fa: 'از محصول منتشرشده‌ای که معرفی شده استفاده کنید.', en: 'Use the published product you were pointed to.' },
    },
    cancelled: { phrase: { fa: 'سفارش لغو شد.', en: 'The order was cancelled.' } },
    expired: { phrase: { fa: 'سفارش به دلیل پایان مهلت بسته شد.', en: 'The order closed because a deadline passed.' } },
    paymentRefused: { phrase: { fa: 'پرداخت پذیرفته نشد و سفارش بسته شد.', en: 'The payment was not accepted and the order closed.' } },
    refundDue: {
      phrase: { fa: 'سفارش انجام نمی‌شود و مبلغ پرداختی به شما بازپرداخت می‌شود.', en: 'The order will not go ahead and what you paid will be refunded.' },
      next: { fa: 'شماره شبای حساب خود را ثبت کنید؛ امور مالی مبلغ را واریز می‌کند.', en: 'Give your IBAN; finance then transfers the amount.' },
      actor: 'finance-officer',
    },
    refunded: { phrase: { fa: 'مبلغ سفارش به حساب شما بازپرداخت شد.', en: 'What you paid for the order has been refunded.' } },
  },
};
