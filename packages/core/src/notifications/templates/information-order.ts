import type { TemplateBook } from '../template';
import { compose, type OfficeSenders } from './compose';

export const informationOrderTemplates = (senders: OfficeSenders): TemplateBook => ({
  'information-order.question-asked': compose('information-order.question-asked', senders.informationOrders, { token: '{{orderNumber}}' }, {
    fa: {
      subject: 'پرسش درباره سفارش اطلاعات {{orderNumber}}',
      body: 'کارشناس مشاوره درباره سفارش اطلاعات شما به شماره {{orderNumber}} پرسشی مطرح کرده است. برای ادامه رسیدگی، لطفاً پاسخ خود را در سامانه ثبت کنید:\n{{link}}',
      sms: 'درباره سفارش اطلاعات {{orderNumber}} از شما پرسشی شده است. لطفاً در سامانه پاسخ دهید: {{link}}',
    },
    en: {
      subject: 'A question about your information order {{orderNumber}}',
      body: 'Our consultant has a question about your information order {{orderNumber}}. Please reply in the portal so that we can continue:\n{{link}}',
      sms: 'we have a question about information order {{orderNumber}}. Please reply in the portal: {{link}}',
    },
  }),
  'information-order.quote-ready': compose(
    'information-order.quote-ready',
    senders.informationOrders,
    { token: '{{orderNumber}}', token2: '{{amount|toman}}', token3: '{{validUntil|date}}' },
    {
      fa: {
        subject: 'اعلام هزینه سفارش اطلاعات {{orderNumber}}',
        body:
          'هزینه آماده‌سازی اطلاعات سفارش {{orderNumber}} بر اساس تعرفه مصوب {{amount}} ({{amount|toman}}) است.\n' +
          'لطفاً تا {{validUntil}} مبلغ را پرداخت و تصویر فیش بانکی را در سامانه بارگذاری کنید:\n{{link}}\n' +
          'پس از این تاریخ اعتبار این اعلام هزینه به پایان می‌رسد.',
        sms: 'هزینه سفارش {{orderNumber}}: {{amount|toman}}. مهلت پرداخت و بارگذاری فیش: {{validUntil|date}}. {{link}}',
      },
      en: {
        subject: 'Cost of your information order {{orderNumber}}',
        body:
          'The cost of preparing the data for order {{orderNumber}}, under the approved tariff, is {{amount}} ({{amount|toman}}).\n' +
          'Please pay and upload a scan of the bank receipt by {{validUntil}}:\n{{link}}\n' +
          'After that date this quote expires.',
        sms: 'order {{orderNumber}} costs {{amount|toman}}. Pay and upload the receipt by {{validUntil|date}}. {{link}}',
      },
    },
  ),
  'information-order.receipt-rejected': compose(
    'information-order.receipt-rejected',
    senders.informationOrders,
    { token: '{{orderNumber}}', token2: '{{attemptsLeft}}' },
    {
      fa: {
        subject: 'فیش بانکی سفارش {{orderNumber}} تأیید نشد',
        body:
          'فیش بانکی بارگذاری‌شده برای سفارش اطلاعات {{orderNumber}} تأیید نشد.\nعلت: {{reason}}\n' +
          'می‌توانید تا {{attemptsLeft}} بار دیگر فیش معتبر بارگذاری کنید:\n{{link}}',
        sms: 'فیش بانکی سفارش {{orderNumber}} تأیید نشد. {{attemptsLeft}} فرصت دیگر برای بارگذاری دارید. {{link}}',
      },
      en: {
        subject: 'The bank receipt for order {{orderNumber}} was not accepted',
        body:
          'The bank receipt uploaded for information order {{orderNumber}} was not accepted.\nReason: {{reason}}\n' +
          'You may upload a valid receipt up to {{attemptsLeft}} more time(s):\n{{link}}',
        sms: 'the receipt for order {{orderNumber}} was not accepted. Attempts left: {{attemptsLeft}}. {{link}}',
      },
    },
  ),
  'information-order.payment-confirmed': compose(
    'information-order.payment-confirmed',
    senders.informationOrders,
    { token: '{{orderNumber}}', token2: '{{amount|toman}}' },
    {
      fa: {
        subject: 'پرداخت سفارش {{orderNumber}} تأیید شد',
        body: 'پرداخت {{amount}} برای سفارش اطلاعات {{orderNumber}} تأیید شد و آماده‌سازی اطلاعات آغاز شده است. پس از آماده شدن، پیوند دریافت برای شما فرستاده می‌شود.',
        sms: 'پرداخت {{amount|toman}} برای سفارش {{orderNumber}} تأیید شد؛ آماده‌سازی اطلاعات آغاز شد.',
      },
      en: {
        subject: 'Payment for order {{orderNumber}} confirmed',
        body: 'Your payment of {{amount}} for information order {{orderNumber}} has been confirmed and data preparation has started. We will send you a download link when the data is ready.',
        sms: 'payment of {{amount|toman}} for order {{orderNumber}} confirmed; data preparation has started.',
      },
    },
  ),
  'information-order.refund-due': compose(
    'information-order.refund-due',
    senders.informationOrders,
    { token: '{{orderNumber}}', token2: '{{amount|toman}}' },
    {
      fa: {
        subject: 'بازپرداخت مبلغ سفارش {{orderNumber}}',
        body: 'سفارش اطلاعات {{orderNumber}} انجام نمی‌شود و کل مبلغ پرداختی ({{amount}}) به شما بازپرداخت خواهد شد. پس از واریز، شماره پیگیری آن برای شما فرستاده می‌شود.',
        sms: 'سفارش {{orderNumber}} انجام نمی‌شود؛ مبلغ {{amount|toman}} به شما بازپرداخت خواهد شد.',
      },
      en: {
        subject: 'Refund for order {{orderNumber}}',
        body: 'Information order {{orderNumber}} will not be fulfilled and the whole amount you paid ({{amount}}) will be paid back to you. We will send you the transfer reference once it is made.',
        sms: 'order {{orderNumber}} will not be fulfilled; {{amount|toman}} will be paid back to you.',
      },
    },
  ),
  'information-order.refunded': compose(
    'information-order.refunded',
    senders.informationOrders,
    { token: '{{orderNumber}}', token2: '{{reference}}' },
    {
      fa: {
        subject: 'مبلغ سفارش {{orderNumber}} بازپرداخت شد',
        body: 'مبلغ {{amount}} سفارش اطلاعات {{orderNumber}} با شماره پیگیری {{reference}} به حساب شما واریز شد. واریز ممکن است چند روز کاری طول بکشد.',
        sms: 'مبلغ {{amount|toman}} سفارش {{orderNumber}} بازپرداخت شد؛ پیگیری {{reference}}.',
      },
      en: {
        subject: 'Order {{orderNumber}} refunded',
        body: 'We have paid {{amount}} for information order {{orderNumber}} back to your account, transfer reference {{reference}}. The bank may take a few working days.',
        sms: '{{amount|toman}} for order {{orderNumber}} refunded; reference {{reference}}.',
      },
    },
  ),
  'information-order.data-ready': compose(
    'information-order.data-ready',
    senders.informationOrders,
    { token: '{{orderNumber}}', token2: '{{expiresAt|date}}' },
    {
      fa: {
        subject: 'اطلاعات سفارش {{orderNumber}} آماده است',
        body:
          'اطلاعات سفارش {{orderNumber}} آماده شده است و از این پیوند قابل دریافت است:\n{{link}}\n' +
          'این پیوند تا {{expiresAt}} و حداکثر {{downloadLimit}} بار معتبر است.',
        sms: 'اطلاعات سفارش {{orderNumber}} آماده است. دریافت تا {{expiresAt|date}}: {{link}}',
      },
      en: {
        subject: 'The data for order {{orderNumber}} is ready',
        body:
          'The data for order {{orderNumber}} is ready to download:\n{{link}}\n' +
          'The link is valid until {{expiresAt}} for at most {{downloadLimit}} download(s).',
        sms: 'the data for order {{orderNumber}} is ready. Download by {{expiresAt|date}}: {{link}}',
      },
    },
  ),
});
