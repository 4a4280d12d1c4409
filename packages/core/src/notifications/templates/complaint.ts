/**
 * Channel C's messages. One workflow serves questions, criticism, suggestions and complaints, so
 * the wording says "your message" (پیام شما) rather than guessing the kind; a portal that wants
 * the kind named overrides the wording.
 */
import type { TemplateBook } from '../template';
import { compose, type OfficeSenders } from './compose';

export const complaintTemplates = (senders: OfficeSenders): TemplateBook => ({
  'complaint.filed': compose('complaint.filed', senders.complaints, { token: '{{trackingCode}}', token2: '{{complaintCode}}' }, {
    fa: {
      subject: 'پیام شما ثبت شد (کد رهگیری {{trackingCode}})',
      body:
        'پیام شما ثبت شد. برای پیگیری، این دو کد را نگه دارید:\nکد رهگیری: {{trackingCode}}\nکد شکایت: {{complaintCode}}\n' +
        'وضعیت آن را با هر دو کد در سامانه ببینید:\n{{link}}',
      sms: 'پیام شما ثبت شد. کد رهگیری: {{trackingCode}} کد شکایت: {{complaintCode}} پیگیری: {{link}}',
    },
    en: {
      subject: 'Your message has been filed (tracking code {{trackingCode}})',
      body:
        'Your message has been filed. Keep these two codes to follow it:\nTracking code: {{trackingCode}}\nComplaint code: {{complaintCode}}\n' +
        'Check its status with both codes in the portal:\n{{link}}',
      sms: 'your message has been filed. Tracking code: {{trackingCode}} Complaint code: {{complaintCode}} Follow: {{link}}',
    },
  }),
  'complaint.message-filed': compose('complaint.message-filed', senders.complaints, { token: '{{trackingCode}}' }, {
    fa: {
      subject: 'پیام شما ثبت شد (کد رهگیری {{trackingCode}})',
      body: 'پیام شما ثبت شد. برای پیگیری، کد رهگیری {{trackingCode}} را نگه دارید و وضعیت آن را در سامانه ببینید:\n{{link}}',
      sms: 'پیام شما ثبت شد. کد رهگیری: {{trackingCode}} پیگیری: {{link}}',
    },
    en: {
      subject: 'Your message has been filed (tracking code {{trackingCode}})',
      body: 'Your message has been filed. Keep the tracking code {{trackingCode}} to follow it, and check its status in the portal:\n{{link}}',
      sms: 'your message has been filed. Tracking code: {{trackingCode}} Follow: {{link}}',
    },
  }),
  'complaint.acknowledged': compose('complaint.acknowledged', senders.complaints, { token: '{{trackingCode}}', token2: '{{answerBy|date}}' }, {
    fa: {
      subject: 'پیام {{trackingCode}} در دست بررسی است',
      body: 'پیام شما با کد رهگیری {{trackingCode}} دریافت شد و در دست بررسی است. پاسخ تا {{answerBy}} اعلام می‌شود.',
      sms: 'پیام {{trackingCode}} دریافت شد و در دست بررسی است. پاسخ تا {{answerBy|date}}.',
    },
    en: {
      subject: 'Message {{trackingCode}} is being reviewed',
      body: 'We have received your message (tracking code {{trackingCode}}) and are reviewing it. You will have our answer by {{answerBy}}.',
      sms: 'message {{trackingCode}} received and under review. Answer by {{answerBy|date}}.',
    },
  }),
  'complaint.answered': compose('complaint.answered', senders.complaints, { token: '{{trackingCode}}' }, {
    fa: {
      subject: 'پاسخ پیام {{trackingCode}}',
      body: 'به پیام شما با کد رهگیری {{trackingCode}} پاسخ داده شد. پاسخ را در سامانه ببینید:\n{{link}}',
      sms: 'به پیام {{trackingCode}} پاسخ داده شد. مشاهده: {{link}}',
    },
    en: {
      subject: 'Answer to message {{trackingCode}}',
      body: 'We have answered your message (tracking code {{trackingCode}}). Read the answer in the portal:\n{{link}}',
      sms: 'message {{trackingCode}} has been answered. Read it: {{link}}',
    },
  }),
  'complaint.awaiting-reply': compose('complaint.awaiting-reply', senders.complaints, { token: '{{trackingCode}}' }, {
    fa: {
      subject: 'پیام {{trackingCode}} منتظر پاسخ شماست',
      body: 'برای رسیدگی به پیام {{trackingCode}} به اطلاعات بیشتری از شما نیاز داریم. لطفاً در سامانه پاسخ دهید؛ تا پاسخ شما، مهلت رسیدگی متوقف است:\n{{link}}',
      sms: 'پیام {{trackingCode}} منتظر پاسخ شماست. {{link}}',
    },
    en: {
      subject: 'Message {{trackingCode}} is waiting for your reply',
      body: 'We need more information from you to handle message {{trackingCode}}. Please reply in the portal; our deadline waits until you do:\n{{link}}',
      sms: 'message {{trackingCode}} needs your reply. {{link}}',
    },
  }),
  'complaint.escalated': compose('complaint.escalated', senders.complaints, { token: '{{trackingCode}}' }, {
    fa: {
      subject: 'پیام {{trackingCode}} به سرپرست ارجاع شد',
      body: 'پیام شما با کد رهگیری {{trackingCode}} برای بررسی دوباره به سرپرست ارجاع شد. نتیجه از همین راه به شما اعلام می‌شود.',
      sms: 'پیام {{trackingCode}} برای بررسی به سرپرست ارجاع شد.',
    },
    en: {
      subject: 'Message {{trackingCode}} referred to a supervisor',
      body: 'Your message (tracking code {{trackingCode}}) has been referred to a supervisor for another review. We will tell you the outcome the same way.',
      sms: 'message {{trackingCode}} has been referred to a supervisor.',
    },
  }),
  'complaint.closed': compose('complaint.closed', senders.complaints, { token: '{{trackingCode}}' }, {
    fa: {
      subject: 'پیام {{trackingCode}} بسته شد',
      body: 'رسیدگی به پیام {{trackingCode}} پایان یافت. لطفاً میزان رضایت خود را در سامانه ثبت کنید؛ اگر بازگشایی برای این پیام ممکن باشد، آنجا می‌توانید آن را در مهلت مقرر دوباره باز کنید:\n{{link}}',
      sms: 'پیام {{trackingCode}} بسته شد. ثبت رضایت: {{link}}',
    },
    en: {
      subject: 'Message {{trackingCode}} closed',
      body: 'Message {{trackingCode}} has been closed. Please rate how it was handled in the portal; where this message can be reopened, you can do that there within the allowed period:\n{{link}}',
      sms: 'message {{trackingCode}} closed. Rate it: {{link}}',
    },
  }),
  'complaint.withdrawn': compose('complaint.withdrawn', senders.complaints, { token: '{{trackingCode}}' }, {
    fa: {
      subject: 'پیام {{trackingCode}} پس گرفته شد',
      body: 'پیام شما با کد رهگیری {{trackingCode}} به درخواست خودتان پس گرفته شد و رسیدگی به آن پایان یافت.',
      sms: 'پیام {{trackingCode}} به درخواست شما پس گرفته شد.',
    },
    en: {
      subject: 'Message {{trackingCode}} withdrawn',
      body: 'Your message (tracking code {{trackingCode}}) was withdrawn at your request, and we have stopped handling it.',
      sms: 'message {{trackingCode}} withdrawn at your request.',
    },
  }),
});
