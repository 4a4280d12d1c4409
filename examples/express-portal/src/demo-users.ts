/**
 * The demo users, one for each role the workflows know. statdesk never signs anyone in: the
 * portal decides who a request comes from. This portal's "login" is picking one of these (or
 * registering a new applicant), which is for demonstration only.
 */
import type { ProfileInput } from '@statdesk/core';

export interface DemoUser {
  id: string;
  name: { fa: string; en: string };
  roles: readonly string[];
  /** Citizens have an applicant profile (their official contacts), seeded when missing. */
  profile?: ProfileInput & { verifiedStudentCard?: true };
}

/** What a citizen is to each workflow: applicant (orders), citizen (complaints), customer (shop). */
export const CITIZEN_ROLES = Object.freeze(['applicant', 'citizen', 'customer']);

export const DEMO_USERS: readonly DemoUser[] = Object.freeze([
  {
    id: 'citizen-maryam',
    name: { fa: 'مریم احمدی (شهروند)', en: 'Maryam Ahmadi (citizen)' },
    roles: CITIZEN_ROLES,
    profile: { nationalId: '0012345679', fullName: 'مریم احمدی', mobile: '09121234567', email: 'maryam@example.ir', language: 'fa', category: 'individual' },
  },
  {
    id: 'student-sara',
    name: { fa: 'سارا کریمی (دانشجو، کارت تأییدشده)', en: 'Sara Karimi (student, verified card)' },
    roles: CITIZEN_ROLES,
    profile: {
      nationalId: '0067749828',
      fullName: 'سارا کریمی',
      mobile: '09351234567',
      email: 'sara@example.ir',
      language: 'fa',
      category: 'student',
      postalAddress: 'تهران، خیابان فاطمی، پلاک ۱۲',
      postalCode: '1414714141',
      verifiedStudentCard: true,
    },
  },
  { id: 'consultant-ali', name: { fa: 'علی رضایی (مشاور)', en: 'Ali Rezaei (consultant)' }, roles: ['consultant'] },
  { id: 'pricing-neda', name: { fa: 'ندا موسوی (کارشناس تعرفه)', en: 'Neda Mousavi (pricing officer)' }, roles: ['pricing-officer'] },
  { id: 'finance-hamid', name: { fa: 'حمید صادقی (کارشناس مالی)', en: 'Hamid Sadeghi (finance officer)' }, roles: ['finance-officer'] },
  { id: 'preparer-leila', name: { fa: 'لیلا نوری (آماده‌سازی اطلاعات)', en: 'Leila Nouri (data preparer)' }, roles: ['data-preparer'] },
  { id: 'complaints-reza', name: { fa: 'رضا جعفری (کارشناس شکایات)', en: 'Reza Jafari (complaints officer)' }, roles: ['complaints-officer'] },
  { id: 'clerk-zahra', name: { fa: 'زهرا حسینی (کارشناس فروشگاه)', en: 'Zahra Hosseini (shop clerk)' }, roles: ['shop-clerk'] },
  { id: 'supervisor-mina', name: { fa: 'مینا کاظمی (سرپرست)', en: 'Mina Kazemi (supervisor)' }, roles: ['supervisor'] },
  { id: 'operator-omid', name: { fa: 'امید طاهری (اپراتور خدمات)', en: 'Omid Taheri (service operator)' }, roles: ['operator'] },
]);

export function demoUser(id: string): DemoUser | undefined {
  return DEMO_USERS.find((u) => u.id === id);
}

export function isStaff(roles: readonly string[]): boolean {
  return roles.some((r) => !CITIZEN_ROLES.includes(r));
}
