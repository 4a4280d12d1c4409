/**
 * What people read for a message's (complaint, question, criticism, suggestion) states, events
 * and roles, in Persian and English, and what its sender reads in each state.
 */
import type { WorkflowLabels } from '../../i18n/workflow-labels';

/** Every state node of the complaint machine, dotted. */
export type ComplaintStatePath =
  | 'stage1'
  | 'stage1.active'
  | 'stage1.active.filed'
  | 'stage1.active.acknowledged'
  | 'stage1.active.underReview'
  | 'stage1.awaitingComplainant'
  | 'stage2'
  | 'stage2.active'
  | 'stage2.active.escalated'
  | 'stage2.active.acknowledged'
  | 'stage2.active.underReview'
  | 'stage2.awaitingComplainant'
  | 'answered'
  | 'closed'
  | 'withdrawn'
  | 'archived';

/** Every event of the complaint workflow. */
export type ComplaintEventType = 'acknowledge' | 'assign' | 'requestInfo' | 'reply' | 'answer' | 'note' | 'accept' | 'escalate' | 'reopen' | 'withdraw' | 'rate' | 'sla.breach';

/** The default role names of the complaint workflow (see `DEFAULT_COMPLAINT_ROLES`). */
export type ComplaintRoleName = 'citizen' | 'complaints-officer' | 'supervisor' | 'system';

const waiting = {
  phrase: { fa: 'پیام شما ثبت شد و در نوبت رسیدگی است.', en: 'Your message was filed and is waiting to be handled.' },
  next: { fa: 'کارشناس دریافت آن را اعلام می‌کند.', en: 'An officer acknowledges it.' },
  actor: 'complaints-officer',
} as const;
const reviewing = {
  phrase: { fa: 'پیام شما در حال بررسی است.', en: 'Your message is being reviewed.' },
  next: { fa: 'پاسخ کارشناس اینجا نمایش داده می‌شود.', en: "The officer's answer will appear here." },
  actor: 'complaints-officer',
} as const;
const awaitingYou = {
  phrase: { fa: 'کارشناس اطلاعات بیشتری از شما خواسته است.', en: 'The officer asked you for more information.' },
  next: { fa: 'پاسخ دهید تا رسیدگی ادامه یابد.', en: 'Reply so the review can go on.' },
  actor: 'citizen',
} as const;

/** The complaint workflow's labels in Persian and English. */
export const complaintLabels: WorkflowLabels<ComplaintStatePath, ComplaintEventType, ComplaintRoleName> = {
  workflow: { fa: 'پرسش، انتقاد، پیشنهاد و شکایت', en: 'Question, criticism, suggestion or complaint' },
  states: {
    stage1: { fa: 'رسیدگی مرحلهٔ اول', en: 'First-stage review' },
    'stage1.active': { fa: 'در حال رسیدگی', en: 'Being handled' },
    'stage1.active.filed': { fa: 'ثبت‌شده', en: 'Filed' },
    'stage1.active.acknowledged': { fa: 'دریافت اعلام شد', en: 'Acknowledged' },
    'stage1.active.underReview': { fa: 'در حال بررسی', en: 'Under review' },
    'stage1.awaitingComplainant': { fa: 'در انتظار پاسخ فرستنده', en: 'Waiting for the sender' },
    stage2: { fa: 'رسیدگی مرحلهٔ دوم', en: 'Second-stage review' },
    'stage2.active': { fa: 'در حال رسیدگی (مرحلهٔ دوم)', en: 'Being handled (second stage)' },
    'stage2.active.escalated': { fa: 'ارجاع به مرحلهٔ دوم', en: 'Escalated' },
    'stage2.active.acknowledged': { fa: 'دریافت اعلام شد (مرحلهٔ دوم)', en: 'Acknowledged (second stage)' },
    'stage2.active.underReview': { fa: 'در حال بررسی (مرحلهٔ دوم)', en: 'Under review (second stage)' },
    'stage2.awaitingComplainant': { fa: 'در انتظار پاسخ فرستنده (مرحلهٔ دوم)', en: 'Waiting for the sender (second stage)' },
    answered: { fa: 'پاسخ داده شد', en: 'Answered' },
    closed: { fa: 'بسته‌شده', en: 'Closed' },
    withdrawn: { fa: 'انصراف فرستنده', en: 'Withdrawn' },
    archived: { fa: 'بایگانی‌شده', en: 'Archived' },
  },
  events: {
    acknowledge: { fa: 'اعلام دریافت', en: 'Acknowledge' },
    assign: { fa: 'ارجاع به کارشناس', en: 'Assign to an officer' },
    requestInfo: { fa: 'درخواست اطلاعات بیشتر', en: 'Ask for more information' },
    reply: { fa: 'پاسخ فرستنده', en: 'Reply' },
    answer: { fa: 'پاسخ به پیام', en: 'Answer' },
    note: { fa: 'یادداشت داخلی', en: 'Internal note' },
    accept: { fa: 'پذیرش پاسخ', en: 'Accept the answer' },
    escalate: { fa: 'درخواست رسیدگی در مرحلهٔ دوم', en: 'Ask for a second-stage review' },
    reopen: { fa: 'بازگشایی', en: 'Reopen' },
    withdraw: { fa: 'انصراف', en: 'Withdraw' },
    rate: { fa: 'امتیاز به رسیدگی', en: 'Rate the handling' },
    'sla.breach': { fa: 'گذشتن از مهلت', en: 'Deadline missed' },
  },
  roles: {
    citizen: { fa: 'شهروند', en: 'Citizen' },
    'complaints-officer': { fa: 'کارشناس رسیدگی به شکایات', en: 'Complaints officer' },
    supervisor: { fa: 'سرپرست', en: 'Supervisor' },
    system: { fa: 'سامانه', en: 'The system' },
  },
  citizenStatus: {
    stage1: reviewing,
    'stage1.active': reviewing,
    'stage1.active.filed': waiting,
    'stage1.active.acknowledged': { ...reviewing, phrase: { fa: 'دریافت پیام شما اعلام شد.', en: 'Your message was acknowledged.' } },
    'stage1.active.underReview': reviewing,
    'stage1.awaitingComplainant': awaitingYou,
    stage2: { ...reviewing, actor: 'supervisor' },
    'stage2.active': { ...reviewing, actor: 'supervisor' },
    'stage2.active.escalated': {
      phrase: { fa: 'پیام شما برای رسیدگی در مرحلهٔ دوم ارجاع شد.', en: 'Your message went to a second-stage review.' },
      next: { fa: 'سرپرست دریافت آن را اعلام می‌کند.', en: 'A supervisor acknowledges it.' },
      actor: 'supervisor',
    },
    'stage2.active.acknowledged': { ...reviewing, phrase: { fa: 'سرپرست دریافت پیام شما را اعلام کرد.', en: 'A supervisor acknowledged your message.' }, actor: 'supervisor' },
    'stage2.active.underReview': { ...reviewing, actor: 'supervisor' },
    'stage2.awaitingComplainant': awaitingYou,
    answered: {
      phrase: { fa: 'به پیام شما پاسخ داده شد.', en: 'Your message was answered.' },
      next: { fa: 'اگر پاسخ قانع‌کننده نیست، رسیدگی در مرحلهٔ دوم را بخواهید.', en: 'If the answer does not settle it, ask for a second-stage review.' },
      actor: 'citizen',
    },
    closed: {
      phrase: { fa: 'رسیدگی به پیام شما پایان یافت.', en: 'Handling of your message is finished.' },
      next: { fa: 'می‌توانید به رسیدگی امتیاز دهید.', en: 'You may rate the handling.' },
      actor: 'citizen',
    },
    withdrawn: { phrase: { fa: 'از پیام خود انصراف دادید.', en: 'You withdrew your message.' } },
    archived: { phrase: { fa: 'پیام شما بایگانی شد.', en: 'Your message is archived.' } },
  },
};
