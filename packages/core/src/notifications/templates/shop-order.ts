import type { TemplateBook } from '../template';
import { compose, type OfficeSenders } from './compose';

export const shopOrderTemplates = (senders: OfficeSenders): TemplateBook => ({
  'shop-order.order-placed': compose('shop-order.order-placed', senders.shop, { token: '{{orderNumber}}', token2: '{{total|toman}}' }, {
    fa: {
      subject: 'سفارش {{orderNumber}} ثبت شد',
      body: 'سفارش شما به شماره {{orderNumber}} با مبلغ {{total}} ({{total|toman}}) ثبت شد.\nلطفاً تا {{payBy}} پرداخت را انجام دهید؛ پس از آن سفارش لغو می‌شود:\n{{link}}',
      sms: 'سفارش {{orderNumber}} به مبلغ {{total|toman}} ثبت شد. مهلت پرداخت: {{payBy}}. {{link}}',
    },
    en: {
      subject: 'Order {{orderNumber}} placed',
      body: 'Your order {{orderNumber}} for {{total}} ({{total|toman}}) has been placed.\nPlease pay by {{payBy}}; after that the order is cancelled:\n{{link}}',
      sms: 'order {{orderNumber}} for {{total|toman}} placed. Pay by {{payBy}}. {{link}}',
    },
  }),
  'shop-order.payment-received': compose(
    'shop-order.payment-received',
    senders.shop,
    { token: '{{orderNumber}}', token2: '{{amount|toman}}', token3: '{{paymentReference}}' },
    {
      fa: {
        subject: 'پرداخت سفارش {{orderNumber}} انجام شد',
        body: 'پرداخت {{amount}} برای سفارش {{orderNumber}} با کد پیگیری {{paymentReference}} تأیید شد. از خرید شما سپاسگزاریم.',
        sms: 'پرداخت {{amount|toman}} برای سفارش {{orderNumber}} تأیید شد. کد پیگیری: {{paymentReference}}',
      },
      en: {
        subject: 'Payment for order {{orderNumber}} received',
        body: 'Your payment of {{amount}} for order {{orderNumber}} was verified (payment reference {{paymentReference}}). Thank you for your order.',
        sms: 'payment of {{amount|toman}} for order {{orderNumber}} verified. Reference: {{paymentReference}}',
      },
    },
  ),
  'shop-order.payment-failed': compose('shop-order.payment-failed', senders.shop, { token: '{{orderNumber}}' }, {
    fa: {
      subject: 'پرداخت سفارش {{orderNumber}} ناموفق بود',
      body: 'پرداخت سفارش {{orderNumber}} انجام نشد و مبلغی از حساب شما برداشت نشده است؛ اگر برداشت شده باشد، بانک آن را بازمی‌گرداند. می‌توانید دوباره پرداخت کنید:\n{{link}}',
      sms: 'پرداخت سفارش {{orderNumber}} ناموفق بود. پرداخت دوباره: {{link}}',
    },
    en: {
      subject: 'Payment for order {{orderNumber}} failed',
      body: 'The payment for order {{orderNumber}} did not go through; if your account was charged, the bank returns the amount. You can try again:\n{{link}}',
      sms: 'payment for order {{orderNumber}} failed. Try again: {{link}}',
    },
  }),
  'shop-order.shipped': compose('shop-order.shipped', senders.shop, { token: '{{orderNumber}}', token2: '{{postalTrackingCode}}' }, {
    fa: {
      subject: 'سفارش {{orderNumber}} ارسال شد',
      body: 'سفارش {{orderNumber}} به پست تحویل شد. کد رهگیری پستی: {{postalTrackingCode}}\nوضعیت مرسوله را می‌توانید با این کد در سامانه رهگیری پست دنبال کنید.',
      sms: 'سفارش {{orderNumber}} ارسال شد. کد رهگیری پستی: {{postalTrackingCode}}',
    },
    en: {
      subject: 'Order {{orderNumber}} shipped',
      body: 'Order {{orderNumber}} has been handed to the post office. Postal tracking code: {{postalTrackingCode}}\nYou can follow the parcel with this code on the post office tracking service.',
      sms: 'order {{orderNumber}} shipped. Postal tracking code: {{postalTrackingCode}}',
    },
  }),
  'shop-order.download-ready': compose('shop-order.download-ready', senders.shop, { token: '{{orderNumber}}', token2: '{{expiresAt|date}}' }, {
    fa: {
      subject: 'فایل‌های سفارش {{orderNumber}} آماده دریافت است',
      body: 'فایل‌های سفارش {{orderNumber}} از این پیوند قابل دریافت است:\n{{link}}\nاین پیوند تا {{expiresAt}} و حداکثر {{downloadLimit}} بار معتبر است.',
      sms: 'فایل‌های سفارش {{orderNumber}} آماده است. دریافت تا {{expiresAt|date}}: {{link}}',
    },
    en: {
      subject: 'Your files for order {{orderNumber}} are ready',
      body: 'The files of order {{orderNumber}} can be downloaded here:\n{{link}}\nThe link is valid until {{expiresAt}} for at most {{downloadLimit}} download(s).',
      sms: 'the files of order {{orderNumber}} are ready. Download by {{expiresAt|date}}: {{link}}',
    },
  }),
  'shop-order.refunded': compose('shop-order.refunded', senders.shop, { token: '{{orderNumber}}', token2: '{{amount|toman}}' }, {
    fa: {
      subject: 'بازپرداخت سفارش {{orderNumber}}',
      body: 'مبلغ {{amount}} ({{amount|toman}}) از سفارش {{orderNumber}} به شما بازپرداخت شد. واریز به حساب ممکن است چند روز کاری طول بکشد.',
      sms: 'مبلغ {{amount|toman}} از سفارش {{orderNumber}} بازپرداخت شد.',
    },
    en: {
      subject: 'Refund for order {{orderNumber}}',
      body: 'We have refunded {{amount}} ({{amount|toman}}) from order {{orderNumber}}. The bank may take a few working days to credit your account.',
      sms: '{{amount|toman}} from order {{orderNumber}} has been refunded.',
    },
  }),
});
