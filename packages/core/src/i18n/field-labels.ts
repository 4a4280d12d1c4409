/**
 * Field names as people call them, for every field a shipped schema validates. Keyed by the
 * field's dotted path without list positions (`lines.quantity` for `lines.2.quantity`); a path
 * not found whole is looked up by its last segments (`customer.mobile`, then `mobile`).
 */
import type { LocalizedText } from '../tariffs/localized-text';

/** The shipped field labels. A portal adds or replaces some with `describeIssue`'s `fields` option. */
export const FIELD_LABELS: Readonly<Record<string, LocalizedText>> = Object.freeze({
  // Profiles
  nationalId: { fa: 'کد ملی', en: 'National ID' },
  fullName: { fa: 'نام و نام خانوادگی', en: 'Full name' },
  mobile: { fa: 'تلفن همراه', en: 'Mobile number' },
  email: { fa: 'پست الکترونیکی', en: 'E-mail' },
  language: { fa: 'زبان', en: 'Language' },
  postalAddress: { fa: 'نشانی پستی', en: 'Postal address' },
  postalCode: { fa: 'کد پستی', en: 'Postal code' },
  category: { fa: 'گروه متقاضی', en: 'Applicant category' },
  profileId: { fa: 'شناسهٔ متقاضی', en: 'Applicant' },
  applicant: { fa: 'مشخصات متقاضی', en: 'Applicant profile' },
  verification: { fa: 'تأیید مدرک', en: 'Evidence review' },
  'verification.status': { fa: 'وضعیت تأیید مدرک', en: 'Evidence review' },
  erasedAt: { fa: 'مشخصات', en: 'Profile' },
  // Information orders
  request: { fa: 'درخواست', en: 'Request' },
  subject: { fa: 'موضوع', en: 'Subject' },
  description: { fa: 'شرح', en: 'Description' },
  geography: { fa: 'محدودهٔ جغرافیایی', en: 'Geography' },
  period: { fa: 'دورهٔ زمانی', en: 'Period' },
  format: { fa: 'قالب پرونده', en: 'File format' },
  text: { fa: 'متن', en: 'Text' },
  note: { fa: 'یادداشت', en: 'Note' },
  reason: { fa: 'علت', en: 'Reason' },
  productId: { fa: 'محصول', en: 'Product' },
  productUrl: { fa: 'نشانی محصول', en: 'Product address' },
  items: { fa: 'اقلام هزینه', en: 'Priced items' },
  records: { fa: 'تعداد رکورد', en: 'Number of records' },
  tables: { fa: 'جدول‌ها', en: 'Tables' },
  level: { fa: 'سطح جغرافیایی', en: 'Geographic level' },
  count: { fa: 'تعداد', en: 'Count' },
  expertTime: { fa: 'زمان کارشناسی', en: 'Expert time' },
  unit: { fa: 'واحد', en: 'Unit' },
  media: { fa: 'رسانه', en: 'Media' },
  medium: { fa: 'نوع رسانه', en: 'Medium' },
  copies: { fa: 'تعداد نسخه', en: 'Copies' },
  publications: { fa: 'نشریه‌ها', en: 'Publications' },
  pages: { fa: 'تعداد صفحه', en: 'Pages' },
  title: { fa: 'عنوان', en: 'Title' },
  quotedAt: { fa: 'تاریخ اعلام هزینه', en: 'Quote date' },
  bankTracking: { fa: 'شمارهٔ پیگیری فیش', en: 'Receipt tracking number' },
  amount: { fa: 'مبلغ واریزی', en: 'Amount paid' },
  paidOn: { fa: 'تاریخ واریز', en: 'Payment date' },
  cardLastFour: { fa: 'چهار رقم آخر کارت', en: 'Last four digits of the card' },
  scan: { fa: 'تصویر فیش', en: 'Receipt scan' },
  'scan.key': { fa: 'تصویر فیش', en: 'Receipt scan' },
  'scan.contentType': { fa: 'نوع پروندهٔ تصویر فیش', en: 'Receipt scan type' },
  'scan.size': { fa: 'اندازهٔ تصویر فیش', en: 'Receipt scan size' },
  acknowledgeDuplicates: { fa: 'تأیید فیش تکراری', en: 'Duplicate receipt confirmation' },
  file: { fa: 'پرونده', en: 'File' },
  'file.key': { fa: 'پرونده', en: 'File' },
  'file.contentType': { fa: 'نوع پرونده', en: 'File type' },
  'file.size': { fa: 'اندازهٔ پرونده', en: 'File size' },
  token: { fa: 'پیوند بارگیری', en: 'Download link' },
  fileKey: { fa: 'پرونده', en: 'File' },
  // Shop orders
  lines: { fa: 'اقلام سبد', en: 'Cart items' },
  quantity: { fa: 'تعداد', en: 'Quantity' },
  lineId: { fa: 'قلم سبد', en: 'Cart item' },
  customer: { fa: 'مشخصات خریدار', en: 'Customer details' },
  shipping: { fa: 'نشانی ارسال', en: 'Shipping address' },
  address: { fa: 'نشانی پستی', en: 'Postal address' },
  destination: { fa: 'مقصد پستی', en: 'Postal destination' },
  gateway: { fa: 'درگاه پرداخت', en: 'Payment gateway' },
  trackingCode: { fa: 'کد رهگیری', en: 'Tracking code' },
  amountRial: { fa: 'مبلغ (ریال)', en: 'Amount (Rial)' },
  reference: { fa: 'شمارهٔ مرجع', en: 'Reference number' },
  paymentId: { fa: 'پرداخت', en: 'Payment' },
  refId: { fa: 'شمارهٔ مرجع بانک', en: 'Bank reference' },
  iban: { fa: 'شماره شبا', en: 'IBAN (Sheba)' },
  // Complaints and incidents
  kind: { fa: 'نوع پیام', en: 'Kind of message' },
  body: { fa: 'متن پیام', en: 'Message text' },
  question: { fa: 'پرسش', en: 'Question' },
  attachments: { fa: 'پیوست‌ها', en: 'Attachments' },
  officerId: { fa: 'کارشناس', en: 'Officer' },
  officerName: { fa: 'نام کارشناس', en: "Officer's name" },
  score: { fa: 'امتیاز', en: 'Score' },
  comment: { fa: 'توضیح', en: 'Comment' },
  complaintCode: { fa: 'کد شکایت', en: 'Complaint code' },
  channel: { fa: 'کانال', en: 'Channel' },
  publicMessage: { fa: 'پیام عمومی', en: 'Public message' },
  cause: { fa: 'علت اختلال', en: 'Cause' },
  // SLA timers (sent by the engine)
  target: { fa: 'هدف زمانی', en: 'Deadline target' },
  dueAt: { fa: 'موعد', en: 'Due' },
  // Files
  key: { fa: 'پرونده', en: 'File' },
  sha256: { fa: 'اثر انگشت پرونده', en: 'File fingerprint' },
  size: { fa: 'اندازهٔ پرونده', en: 'File size' },
  contentType: { fa: 'نوع پرونده', en: 'File type' },
  content: { fa: 'محتوای پرونده', en: 'File content' },
  // Commands
  type: { fa: 'نوع اقدام', en: 'Action' },
  limit: { fa: 'تعداد', en: 'Count' },
});

/** The label of a field path, or undefined when neither it nor any of its tails is known. */
export function fieldLabel(path: string, fields: Readonly<Record<string, LocalizedText>> = FIELD_LABELS): LocalizedText | undefined {
  const segments = path.split('.').filter((s) => s !== '' && !/^\d+$/.test(s));
  for (let i = 0; i < segments.length; i++) {
    const found = fields[segments.slice(i).join('.')] ?? FIELD_LABELS[segments.slice(i).join('.')];
    if (found) return found;
  }
  return undefined;
}
