/**
 * What people are told when something they asked for cannot be done: a Persian and an English
 * message for every error reason statdesk raises and every issue its schemas report, naming the
 * field as people call it and the state and action by their labels.
 */
import { isStatdeskError, type ValidationIssue } from '../errors';
import { toPersianDigits } from '../locale/digits';
import type { LocalizedText } from '../tariffs/localized-text';
import { fieldLabel } from './field-labels';
import { createLabelCatalogue, type LabelCatalogue } from './label-catalogue';

type Params = Readonly<Record<string, string | number>>;
type Wording = (field: LocalizedText, params: Params) => LocalizedText;

const FIELD_FALLBACK: LocalizedText = { fa: 'این مورد', en: 'This field' };

const num = (value: string | number | undefined, language: 'fa' | 'en') => (language === 'fa' ? toPersianDigits(String(value ?? '')) : String(value ?? ''));
const both = (fa: string, en: string): LocalizedText => ({ fa, en });

/** Length or size words by what was measured. */
function tooSmall(field: LocalizedText, params: Params): LocalizedText {
  const min = params.minimum;
  switch (params.origin) {
    case 'string':
      return Number(min) <= 1
        ? both(`${field.fa} را خالی نگذارید.`, `${field.en} must not be empty.`)
        : both(`${field.fa} دست‌کم ${num(min, 'fa')} نویسه باشد.`, `${field.en} must be at least ${min} characters.`);
    case 'array':
    case 'set':
      return both(`دست‌کم ${num(min, 'fa')} مورد برای ${field.fa} لازم است.`, `${field.en} needs at least ${min} item(s).`);
    default:
      return both(`${field.fa} دست‌کم ${num(min, 'fa')} باشد.`, `${field.en} must be at least ${min}.`);
  }
}

function tooBig(field: LocalizedText, params: Params): LocalizedText {
  const max = params.maximum;
  switch (params.origin) {
    case 'string':
      return both(`${field.fa} حداکثر ${num(max, 'fa')} نویسه باشد.`, `${field.en} must be at most ${max} characters.`);
    case 'array':
    case 'set':
      return both(`${field.fa} حداکثر ${num(max, 'fa')} مورد باشد.`, `${field.en} may have at most ${max} items.`);
    case 'file':
      return both(`${field.fa} بیش از اندازهٔ مجاز است.`, `${field.en} is larger than allowed.`);
    default:
      return both(`${field.fa} حداکثر ${num(max, 'fa')} باشد.`, `${field.en} must be at most ${max}.`);
  }
}

/** Hints for fields whose format people get wrong, used when a format check fails. */
const FORMAT_HINTS: Readonly<Record<string, LocalizedText>> = {
  nationalId: both('کد ملی درست نیست؛ ده رقم با رقم کنترل درست وارد کنید.', 'The national ID is not valid: enter its 10 digits.'),
  mobile: both('شمارهٔ همراه درست نیست؛ یازده رقم که با ۰۹ شروع شود وارد کنید.', 'The mobile number is not valid: 11 digits starting with 09.'),
  postalCode: both('کد پستی باید ده رقم باشد.', 'The postal code must be 10 digits.'),
  email: both('نشانی پست الکترونیکی درست نیست.', 'The e-mail address is not valid.'),
  paidOn: both('تاریخ واریز درست نیست.', 'The payment date is not a valid date.'),
  cardLastFour: both('چهار رقم آخر کارت را وارد کنید.', 'Enter the last four digits of the card.'),
  bankTracking: both('شمارهٔ پیگیری فیش را همان‌طور که روی فیش آمده وارد کنید (۴ تا ۴۰ حرف یا رقم).', 'Enter the tracking number as printed on the receipt (4–40 letters or digits).'),
  amount: both('مبلغ را به ریال و با عدد صحیح وارد کنید.', 'Enter the amount in whole Rial.'),
  amountRial: both('مبلغ را به ریال و با عدد صحیح وارد کنید.', 'Enter the amount in whole Rial.'),
  trackingCode: both('کد رهگیری پستی باید ۶ تا ۴۰ حرف یا رقم باشد.', 'The postal tracking code is 6–40 letters or digits.'),
  quantity: both('تعداد را با عدد صحیح وارد کنید.', 'Enter the quantity as a whole number.'),
  productUrl: both('نشانی محصول درست نیست.', 'The product address is not a valid web address.'),
};

function formatProblem(field: LocalizedText, path: string): LocalizedText {
  const leaf = path.split('.').filter((s) => !/^\d+$/.test(s)).at(-1) ?? '';
  return FORMAT_HINTS[leaf] ?? both(`${field.fa} درست نوشته نشده است.`, `${field.en} is not written correctly.`);
}

/** Messages for zod's issue codes and statdesk's own ones. */
const ISSUE_WORDING: Readonly<Record<string, Wording>> = {
  invalid_type: (f) => both(`${f.fa} را وارد کنید.`, `Enter ${f.en.toLowerCase()}.`),
  required: (f) => both(`${f.fa} را وارد کنید.`, `Enter ${f.en.toLowerCase()}.`),
  too_small: tooSmall,
  too_big: (f, p) => tooBig(f, p),
  too_long: (f, p) => tooBig(f, { ...p, origin: 'string' }),
  not_multiple_of: (f, p) => both(`${f.fa} باید مضربی از ${num(p.divisor, 'fa')} باشد.`, `${f.en} must be a multiple of ${p.divisor}.`),
  invalid_value: (f) => both(`یکی از گزینه‌های ${f.fa} را انتخاب کنید.`, `Choose one of the options for ${f.en.toLowerCase()}.`),
  unrecognized_keys: () => both('فیلدهای ناشناخته فرستاده شده است.', 'Unknown fields were sent.'),
  invalid_key: (f) => both(`${f.fa} درست نیست.`, `${f.en} is not valid.`),
  invalid_element: (f) => both(`یکی از موارد ${f.fa} درست نیست.`, `One of the ${f.en.toLowerCase()} is not valid.`),
  invalid_characters: (f) => both(`${f.fa} نویسه‌های نادرست دارد.`, `${f.en} has characters that are not allowed.`),
  invalid_number: (f) => both(`${f.fa} باید عدد صحیح باشد.`, `${f.en} must be a whole number.`),
  invalid_check_digit: (f) => both(`${f.fa} درست نیست؛ آن را دوباره بررسی کنید.`, `${f.en} is not valid; check it again.`),
  invalid_length: (f) => both(`${f.fa} تعداد رقم درستی ندارد.`, `${f.en} has the wrong number of digits.`),
  mismatch: (f) => both(`${f.fa} با اطلاعات ثبت‌شده نمی‌خواند.`, `${f.en} does not match our records.`),
  not_found: () => both('موردی با این مشخصات پیدا نشد.', 'Nothing matches these details.'),
  in_future: (f) => both(`${f.fa} نمی‌تواند در آینده باشد.`, `${f.en} cannot be in the future.`),
  file_not_found: () => both('ابتدا پرونده را بارگذاری کنید.', 'Upload the file first.'),
  // Files
  empty: (f) => both(`${f.fa} خالی است.`, `${f.en} is empty.`),
  unknown_type: () => both('نوع پرونده شناخته نشد.', 'The file type was not recognised.'),
  type_not_allowed: () => both('این نوع پرونده پذیرفته نمی‌شود.', 'This kind of file is not accepted.'),
  type_mismatch: () => both('محتوای پرونده با نوع اعلام‌شده نمی‌خواند.', 'The file content does not match its declared type.'),
  invalid_content_type: () => both('نوع پرونده درست نیست.', 'The file type is not valid.'),
  // Orders
  empty_cart: () => both('سبد خرید خالی است.', 'The cart is empty.'),
  shipping_required: () => both('برای اقلام پستی، نشانی، کد پستی و مقصد را وارد کنید.', 'Items sent by post need an address, a postal code and a destination.'),
  pricing: () => both('هزینهٔ این سفارش محاسبه نشد؛ مقصد یا اقلام را بررسی کنید.', 'This order could not be priced; check the destination and items.'),
  unknown_product: () => both('این محصول در فهرست نیست.', 'This product is not in the catalogue.'),
  withdrawn: () => both('این محصول دیگر فروخته نمی‌شود.', 'This product is no longer sold.'),
  digital_quantity: () => both('محصول الکترونیکی یک بار خریده می‌شود (تعداد ۱).', 'A digital product is bought once (quantity 1).'),
  too_much: (f) => both(`${f.fa} بیش از حد مجاز است.`, `${f.en} is more than allowed.`),
  amount_mismatch: (_f, p) =>
    p.expected !== undefined
      ? both(`مبلغ واریزی با مبلغ اعلام‌شده (${num(p.expected, 'fa')} ریال) برابر نیست.`, `The amount paid is not the quoted ${p.expected} Rial.`)
      : both('مبلغ واریزی با مبلغ اعلام‌شده برابر نیست.', 'The amount paid is not the quoted amount.'),
  duplicate_receipt: () =>
    both('این فیش با فیش سفارش دیگری یکسان است؛ آن‌ها را بررسی و تأیید کنید.', 'This receipt matches another order’s; check them and confirm.'),
  unknown_link: () => both('این پیوند بارگیری معتبر نیست.', 'This download link is not valid.'),
  link_revoked: () => both('این پیوند بارگیری باطل شده است.', 'This download link was revoked.'),
  link_expired: () => both('مهلت این پیوند بارگیری گذشته است.', 'This download link has expired.'),
  download_limit: () => both('دفعات مجاز بارگیری با این پیوند تمام شده است.', 'This link has been used as many times as allowed.'),
  unknown_file: () => both('این پرونده جزو پرونده‌های تحویلی نیست.', 'This file is not one of the delivered files.'),
};

/** The statdesk-own issue codes and zod's, each with Persian and English wording. */
export const ISSUE_CODES: readonly string[] = Object.freeze(Object.keys(ISSUE_WORDING));

/** Options of {@link describeIssue} and {@link describeError}. */
export interface DescribeOptions {
  /** Field labels to add or replace (by dotted path without list positions). */
  fields?: Readonly<Record<string, LocalizedText>>;
  /** The labels to name states and actions with (default: the shipped ones). */
  labels?: LabelCatalogue;
}

/** One issue in words, naming its field. */
export function describeIssue(issue: ValidationIssue, options: DescribeOptions = {}): LocalizedText {
  const field = fieldLabel(issue.path, options.fields) ?? FIELD_FALLBACK;
  const params = issue.params ?? {};
  const code = issue.code ?? 'custom';
  // zod's format failures (regexes, e-mail, dates) and custom refinements: the field's own hint.
  if (code === 'invalid_format' || code === 'custom' || code === 'invalid_union') return formatProblem(field, issue.path);
  const wording = ISSUE_WORDING[code];
  return wording ? wording(field, params) : formatProblem(field, issue.path);
}

/** An error in words for people, with each field's problem when the input was at fault. */
export interface ErrorDescription {
  /** The stable reason (see `StatdeskError.reason`). */
  reason: string;
  /** The message, in both languages. */
  message: LocalizedText;
  /** Field problems, each with its path (for placing the message beside the field). */
  issues: { path: string; code?: string; message: LocalizedText }[];
}

const REASON_WORDING: Readonly<Record<string, LocalizedText>> = {
  validation: both('برخی از موارد درست وارد نشده است.', 'Some fields are not right.'),
  'not-allowed': both('شما اجازهٔ این کار را ندارید.', 'You may not do this.'),
  'not-found': both('موردی با این مشخصات پیدا نشد.', 'Nothing was found.'),
  'concurrent-change': both('این مورد هم‌زمان به دست کس دیگری تغییر کرد؛ صفحه را دوباره باز کنید و دوباره تلاش کنید.', 'Someone else changed this meanwhile; reload the page and try again.'),
  'already-registered': both('با این کد ملی پیش‌تر ثبت‌نام شده است.', 'This national ID is already registered.'),
  'duplicate-command': both('این درخواست پیش‌تر با محتوای دیگری فرستاده شده است.', 'This request was already sent with different content.'),
  'rate-limited': both('درخواست‌های شما بیش از حد مجاز است؛ کمی بعد دوباره تلاش کنید.', 'Too many requests; try again a little later.'),
  definition: both('پیکربندی سامانه ایراد دارد؛ با پشتیبانی تماس بگیرید.', 'The service is misconfigured; contact support.'),
  'permanent-delivery': both('پیام فرستاده نشد.', 'The message could not be sent.'),
  'delivery-deferred': both('ارسال پیام به تعویق افتاد.', 'Sending the message was postponed.'),
};

/** Every error reason statdesk raises, with its Persian and English message. */
export const ERROR_REASONS: readonly string[] = Object.freeze([...Object.keys(REASON_WORDING), 'state-refuses-event', 'file-required']);

/**
 * Any error in words for people: statdesk's typed errors by their reason (a refused action names
 * the state and the action by their labels), anything else as a generic failure.
 */
export function describeError(error: unknown, options: DescribeOptions = {}): ErrorDescription {
  if (!isStatdeskError(error)) {
    return { reason: 'internal', message: both('خطایی در سامانه رخ داد؛ کمی بعد دوباره تلاش کنید.', 'Something went wrong on our side; try again later.'), issues: [] };
  }
  const reason = error.reason;
  if (isStatdeskError(error, 'VALIDATION')) {
    return { reason, message: REASON_WORDING.validation!, issues: error.issues.map((issue) => ({ path: issue.path, ...(issue.code ? { code: issue.code } : {}), message: describeIssue(issue, options) })) };
  }
  if (isStatdeskError(error, 'INVALID_TRANSITION')) {
    const labels = options.labels ?? defaultCatalogue();
    const workflow = error.workflow ?? '';
    const state = { fa: labels.state(workflow, error.state, 'fa'), en: labels.state(workflow, error.state, 'en') };
    const action = { fa: labels.event(workflow, error.eventType, 'fa'), en: labels.event(workflow, error.eventType, 'en') };
    const message =
      reason === 'file-required'
        ? both(`برای «${action.fa}» ابتدا باید پرونده‌ای پیوست شود.`, `Attach a file first, then “${action.en}”.`)
        : both(`در وضعیت «${state.fa}» امکان «${action.fa}» نیست.`, `“${action.en}” is not possible while the case is “${state.en}”.`);
    return { reason, message, issues: reason === 'file-required' ? [{ path: 'file', message }] : [] };
  }
  const message = REASON_WORDING[reason] ?? both('این کار انجام نشد.', 'This could not be done.');
  const path = error.path;
  return { reason, message, issues: path ? [{ path, message }] : [] };
}

let shipped: LabelCatalogue | undefined;
function defaultCatalogue(): LabelCatalogue {
  shipped ??= createLabelCatalogue();
  return shipped;
}
