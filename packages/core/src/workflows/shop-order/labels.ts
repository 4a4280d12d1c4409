/**
 * What people read for the shop order's states, events and roles, in Persian and English, and
 * what the customer reads in each state, parallel fulfilment regions included.
 */
import type { WorkflowLabels } from '../../i18n/workflow-labels';
import type { ShopOrderEventType, ShopOrderRole } from './roles';

/** Every state node of the shop-order machine, dotted. */
export type ShopOrderStatePath =
  | 'cart'
  | 'awaitingPayment'
  | 'awaitingPayment.idle'
  | 'awaitingPayment.paying'
  | 'awaitingPayment.closing'
  | 'fulfilling'
  | 'fulfilling.digital'
  | 'fulfilling.digital.routing'
  | 'fulfilling.digital.issued'
  | 'fulfilling.digital.none'
  | 'fulfilling.postal'
  | 'fulfilling.postal.routing'
  | 'fulfilling.postal.awaitingShipment'
  | 'fulfilling.postal.shipped'
  | 'fulfilling.postal.returned'
  | 'fulfilling.postal.delivered'
  | 'fulfilling.postal.closedUndelivered'
  | 'fulfilling.postal.none'
  | 'completed'
  | 'refundDue'
  | 'refunded'
  | 'cancelled'
  | 'closed';

/** The shop order's labels in Persian and English. */
export const shopOrderLabels: WorkflowLabels<ShopOrderStatePath, ShopOrderEventType, ShopOrderRole> = {
  workflow: { fa: 'سفارش فروشگاه', en: 'Shop order' },
  states: {
    cart: { fa: 'سبد خرید', en: 'Cart' },
    awaitingPayment: { fa: 'در انتظار پرداخت', en: 'Waiting for payment' },
    'awaitingPayment.idle': { fa: 'در انتظار پرداخت', en: 'Waiting for payment' },
    'awaitingPayment.paying': { fa: 'در حال پرداخت', en: 'Paying' },
    'awaitingPayment.closing': { fa: 'در حال بستن پرداخت', en: 'Closing the payment' },
    fulfilling: { fa: 'در حال تحویل', en: 'Being fulfilled' },
    'fulfilling.digital': { fa: 'تحویل الکترونیکی', en: 'Digital delivery' },
    'fulfilling.digital.routing': { fa: 'آماده‌سازی پیوند بارگیری', en: 'Preparing downloads' },
    'fulfilling.digital.issued': { fa: 'پیوند بارگیری صادر شد', en: 'Download links issued' },
    'fulfilling.digital.none': { fa: 'بدون اقلام الکترونیکی', en: 'No digital items' },
    'fulfilling.postal': { fa: 'ارسال پستی', en: 'Postal delivery' },
    'fulfilling.postal.routing': { fa: 'آماده‌سازی ارسال پستی', en: 'Preparing the shipment' },
    'fulfilling.postal.awaitingShipment': { fa: 'در انتظار ارسال پستی', en: 'Waiting to be shipped' },
    'fulfilling.postal.shipped': { fa: 'ارسال‌شده با پست', en: 'Shipped' },
    'fulfilling.postal.returned': { fa: 'مرسوله برگشت خورد', en: 'Returned by the post office' },
    'fulfilling.postal.delivered': { fa: 'مرسوله تحویل شد', en: 'Parcel delivered' },
    'fulfilling.postal.closedUndelivered': { fa: 'مرسوله تحویل نشد', en: 'Parcel not delivered' },
    'fulfilling.postal.none': { fa: 'بدون اقلام پستی', en: 'No postal items' },
    completed: { fa: 'تکمیل‌شده', en: 'Completed' },
    refundDue: { fa: 'در انتظار بازپرداخت', en: 'Refund due' },
    refunded: { fa: 'بازپرداخت‌شده', en: 'Refunded' },
    cancelled: { fa: 'لغوشده', en: 'Cancelled' },
    closed: { fa: 'بسته‌شده', en: 'Closed' },
  },
  events: {
    addLine: { fa: 'افزودن به سبد', en: 'Add to the cart' },
    removeLine: { fa: 'حذف از سبد', en: 'Remove from the cart' },
    place: { fa: 'ثبت سفارش', en: 'Place the order' },
    pay: { fa: 'پرداخت', en: 'Pay' },
    paymentVerified: { fa: 'تأیید پرداخت', en: 'Payment verified' },
    paymentFailed: { fa: 'پرداخت ناموفق', en: 'Payment failed' },
    cancel: { fa: 'لغو سفارش', en: 'Cancel the order' },
    ship: { fa: 'ثبت ارسال پستی', en: 'Ship' },
    markDelivered: { fa: 'ثبت تحویل مرسوله', en: 'Mark delivered' },
    markReturned: { fa: 'ثبت برگشت مرسوله', en: 'Mark returned' },
    reship: { fa: 'ارسال دوباره', en: 'Ship again' },
    closeShipment: { fa: 'بستن مرسوله', en: 'Close the shipment' },
    download: { fa: 'بارگیری', en: 'Download' },
    refund: { fa: 'بازپرداخت', en: 'Refund' },
  },
  roles: {
    customer: { fa: 'مشتری', en: 'Customer' },
    'shop-clerk': { fa: 'کارشناس فروشگاه', en: 'Shop clerk' },
    'finance-officer': { fa: 'کارشناس امور مالی', en: 'Finance officer' },
    supervisor: { fa: 'سرپرست', en: 'Supervisor' },
    system: { fa: 'سامانه', en: 'The system' },
  },
  citizenStatus: {
    cart: {
      phrase: { fa: 'سفارش شما هنوز ثبت نشده است.', en: 'Your order is not placed yet.' },
      next: { fa: 'اقلام را بررسی و سفارش را ثبت کنید.', en: 'Check the items and place the order.' },
      actor: 'customer',
    },
    awaitingPayment: { phrase: { fa: 'منتظر پرداخت شما هستیم.', en: 'We are waiting for your payment.' }, actor: 'customer' },
    'awaitingPayment.idle': {
      phrase: { fa: 'منتظر پرداخت شما هستیم.', en: 'We are waiting for your payment.' },
      next: { fa: 'از درگاه بانک مبلغ را بپردازید.', en: 'Pay through the bank gateway.' },
      actor: 'customer',
    },
    'awaitingPayment.paying': {
      phrase: { fa: 'پرداخت شما در جریان است.', en: 'Your payment is in progress.' },
      next: { fa: 'پس از پرداخت در درگاه بانک، نتیجه اینجا نمایش داده می‌شود.', en: 'Once you pay at the bank, the result appears here.' },
      actor: 'customer',
    },
    'awaitingPayment.closing': {
      phrase: { fa: 'در حال بستن پرداخت ناتمام هستیم.', en: 'We are closing an unfinished payment.' },
      actor: 'system',
    },
    fulfilling: { phrase: { fa: 'پرداخت انجام شد و سفارش در حال تحویل است.', en: 'Paid; your order is being delivered.' } },
    'fulfilling.digital': { phrase: { fa: 'پرونده‌های شما در حال آماده‌شدن است.', en: 'Your files are being prepared.' }, quietInParallel: true },
    'fulfilling.digital.routing': { phrase: { fa: 'پرونده‌های شما در حال آماده‌شدن است.', en: 'Your files are being prepared.' }, actor: 'system' },
    'fulfilling.digital.issued': {
      phrase: { fa: 'پرونده‌ها آمادهٔ بارگیری است.', en: 'Your files are ready to download.' },
      next: { fa: 'پیش از پایان مهلت پیوندها بارگیری کنید.', en: 'Download them before the links expire.' },
      actor: 'customer',
    },
    'fulfilling.digital.none': { phrase: { fa: 'این سفارش قلم الکترونیکی ندارد.', en: 'This order has no digital items.' }, quietInParallel: true },
    'fulfilling.postal': { phrase: { fa: 'مرسولهٔ شما در جریان ارسال است.', en: 'Your parcel is on its way.' }, quietInParallel: true },
    'fulfilling.postal.routing': { phrase: { fa: 'مرسولهٔ شما آماده می‌شود.', en: 'Your parcel is being prepared.' }, actor: 'system' },
    'fulfilling.postal.awaitingShipment': {
      phrase: { fa: 'مرسولهٔ شما در نوبت ارسال پستی است.', en: 'Your parcel is waiting to be posted.' },
      next: { fa: 'پس از ارسال، کد رهگیری پستی اینجا نمایش داده می‌شود.', en: 'Once posted, its tracking code appears here.' },
      actor: 'shop-clerk',
    },
    'fulfilling.postal.shipped': {
      phrase: { fa: 'مرسولهٔ شما با پست ارسال شد.', en: 'Your parcel was posted.' },
      next: { fa: 'با کد رهگیری، آن را در سامانهٔ پست پیگیری کنید.', en: "Follow it with the tracking code on the carrier's site." },
      actor: 'shop-clerk',
    },
    'fulfilling.postal.returned': {
      phrase: { fa: 'مرسولهٔ شما برگشت خورد.', en: 'Your parcel came back to us.' },
      next: { fa: 'فروشگاه آن را دوباره ارسال می‌کند.', en: 'The shop sends it again.' },
      actor: 'shop-clerk',
    },
    'fulfilling.postal.delivered': { phrase: { fa: 'مرسولهٔ شما تحویل شد.', en: 'Your parcel was delivered.' } },
    'fulfilling.postal.closedUndelivered': { phrase: { fa: 'مرسولهٔ شما تحویل نشد.', en: 'Your parcel could not be delivered.' } },
    'fulfilling.postal.none': { phrase: { fa: 'این سفارش قلم پستی ندارد.', en: 'This order has no postal items.' }, quietInParallel: true },
    completed: { phrase: { fa: 'سفارش شما تکمیل شد.', en: 'Your order is complete.' } },
    refundDue: {
      phrase: { fa: 'مبلغ سفارش به شما بازپرداخت می‌شود.', en: 'Your payment is being refunded.' },
      actor: 'finance-officer',
    },
    refunded: { phrase: { fa: 'مبلغ سفارش بازپرداخت شد.', en: 'Your payment was refunded.' } },
    cancelled: { phrase: { fa: 'سفارش لغو شد.', en: 'The order was cancelled.' } },
    closed: { phrase: { fa: 'سفارش بسته شد.', en: 'The order is closed.' } },
  },
};
