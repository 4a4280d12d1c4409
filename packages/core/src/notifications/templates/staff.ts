import type { TemplateBook } from '../template';
import type { Office } from '../office';
import { compose, type Sender } from './compose';

const ref = { token: '{{caseRef}}' };

/** Alerts to the office's own staff (see `staffAlertRules`), signed by the office's staff work queue. */
export const staffTemplates = (office: Office): TemplateBook => {
  const sender: Sender = {
    signature: { fa: `سامانه کارتابل کارکنان\n${office.name.fa}`, en: `Staff work queue\n${office.name.en}` },
    smsPrefix: { fa: `${office.name.fa}: `, en: `${office.name.en}: ` },
  };
  return {
  'staff.sla-warning': compose('staff.sla-warning', sender, ref, {
    fa: {
      subject: 'نزدیک شدن مهلت رسیدگی به پرونده {{caseRef}}',
      body: 'مهلت رسیدگی به پرونده {{caseRef}} رو به پایان است. لطفاً پیش از سررسید به آن رسیدگی کنید.',
      sms: 'مهلت رسیدگی به پرونده {{caseRef}} رو به پایان است.',
    },
    en: {
      subject: 'Case {{caseRef}} is close to its deadline',
      body: 'The service-level deadline of case {{caseRef}} is close. Please act on it before it falls due.',
      sms: 'case {{caseRef}} is close to its deadline.',
    },
  }),
  'staff.sla-breach': compose('staff.sla-breach', sender, ref, {
    fa: {
      subject: 'گذشت مهلت رسیدگی به پرونده {{caseRef}}',
      body: 'مهلت رسیدگی به پرونده {{caseRef}} گذشته است و پرونده به کارتابل سرپرست ارجاع شد.',
      sms: 'مهلت پرونده {{caseRef}} گذشت و به سرپرست ارجاع شد.',
    },
    en: {
      subject: 'Case {{caseRef}} passed its deadline',
      body: 'Case {{caseRef}} passed its service-level deadline and was escalated to the supervisors’ queue.',
      sms: 'case {{caseRef}} passed its deadline and was escalated.',
    },
  }),
  'staff.case-assigned': compose('staff.case-assigned', sender, ref, {
    fa: {
      subject: 'پرونده {{caseRef}} به شما ارجاع شد',
      body: 'پرونده {{caseRef}} به شما ارجاع شد و در کارتابل «ارجاع‌شده به من» قرار دارد.',
      sms: 'پرونده {{caseRef}} به شما ارجاع شد.',
    },
    en: {
      subject: 'Case {{caseRef}} was assigned to you',
      body: 'Case {{caseRef}} was assigned to you; it is in your “assigned to me” queue.',
      sms: 'case {{caseRef}} was assigned to you.',
    },
  }),
  'staff.new-order': compose('staff.new-order', sender, ref, {
    fa: {
      subject: 'سفارش اطلاعات تازه {{caseRef}}',
      body: 'سفارش اطلاعات {{caseRef}} ثبت شد و در انتظار بررسی کارشناس مشاوره است.',
      sms: 'سفارش اطلاعات تازه {{caseRef}} در انتظار بررسی است.',
    },
    en: {
      subject: 'New information order {{caseRef}}',
      body: 'Information order {{caseRef}} was submitted and waits for a consultant.',
      sms: 'new information order {{caseRef}} waits for review.',
    },
  }),
  'staff.receipt-to-verify': compose('staff.receipt-to-verify', sender, ref, {
    fa: {
      subject: 'فیش بانکی سفارش {{caseRef}} در انتظار تأیید',
      body: 'متقاضی فیش بانکی سفارش {{caseRef}} را بارگذاری کرده است؛ لطفاً آن را بررسی و تأیید یا رد کنید.',
      sms: 'فیش بانکی سفارش {{caseRef}} در انتظار تأیید است.',
    },
    en: {
      subject: 'Bank receipt of order {{caseRef}} to verify',
      body: 'The applicant uploaded the bank receipt of order {{caseRef}}; please verify or reject it.',
      sms: 'the receipt of order {{caseRef}} waits for verification.',
    },
  }),
  'staff.complainant-replied': compose('staff.complainant-replied', sender, ref, {
    fa: {
      subject: 'پاسخ شاکی در پرونده {{caseRef}}',
      body: 'شاکی به درخواست اطلاعات شما در پرونده {{caseRef}} پاسخ داد و رسیدگی از سر گرفته شد.',
      sms: 'شاکی در پرونده {{caseRef}} پاسخ داد.',
    },
    en: {
      subject: 'The complainant replied on case {{caseRef}}',
      body: 'The complainant answered your request for information on case {{caseRef}}; the review resumes.',
      sms: 'the complainant replied on case {{caseRef}}.',
    },
  }),
  };
};
