import type { TemplateBook } from '../template';
import { complaintsDesk, compose } from './compose';

export const complaintTemplates: TemplateBook = {
  'complaint.filed': compose('complaint.filed', complaintsDesk, { token: '{{trackingCode}}', token2: '{{complaintCode}}' }, {
    fa: {
      subject: 'شکایت شما ثبت شد (کد رهگیری {{trackingCode}})',
      body:
        'شکایت شما ثبت شد. برای پیگیری، این دو کد را نگه دارید:\nکد رهگیری: {{trackingCode}}\nکد شکایت: {{complaintCode}}\n' +
        'وضعیت شکایت را با هر دو کد در سامانه ببینید:\n{{link}}',
      sms: 'شکایت شما ثبت شد. کد رهگیری: {{trackingCode}} کد شکایت: {{complaintCode}} پیگیری: {{link}}',
    },
    en: {
      subject: 'Your complaint has been filed (tracking code {{trackingCode}})',
      body:
        'Your complaint has been filed. Keep these two codes to follow it:\nTracking code: {{trackingCode}}\nComplaint code: {{complaintCode}}\n' +
        'Check its status with both codes in the portal:\n{{link}}',
      sms: 'complaint filed. Tracking code: {{trackingCode}} Complaint code: {{complaintCode}} Follow: {{link}}',
    },
  }),
  'complaint.acknowledged': compose('complaint.acknowledged', complaintsDesk, { token: '{{trackingCode}}', token2: '{{answerBy|date}}' }, {
    fa: {
      subject: 'شکایت {{trackingCode}} در دست بررسی است',
      body: 'شکایت شما با کد رهگیری {{trackingCode}} دریافت شد و در دست بررسی است. پاسخ تا {{answerBy}} اعلام می‌شود.',
      sms: 'شکایت {{trackingCode}} دریافت شد و در دست بررسی است. پاسخ تا {{answerBy|date}}.',
    },
    en: {
      subject: 'Complaint {{trackingCode}} is being reviewed',
      body: 'We have received your complaint (tracking code {{trackingCode}}) and are reviewing it. You will have our answer by {{answerBy}}.',
      sms: 'complaint {{trackingCode}} received and under review. Answer by {{answerBy|date}}.',
    },
  }),
  'complaint.answered': compose('complaint.answered', complaintsDesk, { token: '{{trackingCode}}' }, {
    fa: {
      subject: 'پاسخ شکایت {{trackingCode}}',
      body: 'به شکایت شما با کد رهگیری {{trackingCode}} پاسخ داده شد. پاسخ را در سامانه ببینید:\n{{link}}',
      sms: 'به شکایت {{trackingCode}} پاسخ داده شد. مشاهده: {{link}}',
    },
    en: {
      subject: 'Answer to complaint {{trackingCode}}',
      body: 'We have answered your complaint (tracking code {{trackingCode}}). Read the answer in the portal:\n{{link}}',
      sms: 'complaint {{trackingCode}} has been answered. Read it: {{link}}',
    },
  }),
  'complaint.awaiting-reply': compose('complaint.awaiting-reply', complaintsDesk, { token: '{{trackingCode}}', token2: '{{replyBy|date}}' }, {
    fa: {
      subject: 'شکایت {{trackingCode}} منتظر پاسخ شماست',
      body: 'برای رسیدگی به شکایت {{trackingCode}} به اطلاعات بیشتری از شما نیاز داریم. لطفاً تا {{replyBy}} در سامانه پاسخ دهید:\n{{link}}',
      sms: 'شکایت {{trackingCode}} منتظر پاسخ شماست. مهلت: {{replyBy|date}}. {{link}}',
    },
    en: {
      subject: 'Complaint {{trackingCode}} is waiting for your reply',
      body: 'We need more information from you to handle complaint {{trackingCode}}. Please reply in the portal by {{replyBy}}:\n{{link}}',
      sms: 'complaint {{trackingCode}} needs your reply by {{replyBy|date}}. {{link}}',
    },
  }),
  'complaint.escalated': compose('complaint.escalated', complaintsDesk, { token: '{{trackingCode}}' }, {
    fa: {
      subject: 'شکایت {{trackingCode}} به سرپرست ارجاع شد',
      body: 'رسیدگی به شکایت {{trackingCode}} از مهلت مقرر گذشت و برای پیگیری به سرپرست ارجاع شد. از شکیبایی شما سپاسگزاریم.',
      sms: 'شکایت {{trackingCode}} برای پیگیری به سرپرست ارجاع شد.',
    },
    en: {
      subject: 'Complaint {{trackingCode}} escalated to a supervisor',
      body: 'Complaint {{trackingCode}} passed its deadline and has been escalated to a supervisor. Thank you for your patience.',
      sms: 'complaint {{trackingCode}} has been escalated to a supervisor.',
    },
  }),
  'complaint.closed': compose('complaint.closed', complaintsDesk, { token: '{{trackingCode}}' }, {
    fa: {
      subject: 'شکایت {{trackingCode}} بسته شد',
      body: 'رسیدگی به شکایت {{trackingCode}} پایان یافت. لطفاً میزان رضایت خود را ثبت کنید؛ اگر پاسخ کافی نبود، می‌توانید شکایت را در مهلت مقرر دوباره باز کنید:\n{{link}}',
      sms: 'شکایت {{trackingCode}} بسته شد. ثبت رضایت یا بازگشایی: {{link}}',
    },
    en: {
      subject: 'Complaint {{trackingCode}} closed',
      body: 'Complaint {{trackingCode}} has been closed. Please rate how it was handled; if the answer was not enough, you can reopen it within the allowed period:\n{{link}}',
      sms: 'complaint {{trackingCode}} closed. Rate or reopen: {{link}}',
    },
  }),
};
