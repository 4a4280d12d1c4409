import { toJalaali } from 'jalaali-js';
import { toPersianDigits } from '../locale/digits';
import { formatMoney } from '../money/format';
import type { Money } from '../money/money';
import { TEHRAN, toZoned } from '../time/zoned';
import { formatBasisPoints } from './components/category-discount';
import type { LocalizedText } from './localized-text';
import type { QuantityUnit, Quote, QuoteLine } from './quote';

type Lang = 'fa' | 'en';

const UNIT_NAMES: Record<QuantityUnit, LocalizedText> = {
  order: { fa: 'سفارش', en: 'order' },
  record: { fa: 'رکورد', en: 'record(s)' },
  table: { fa: 'جدول', en: 'table(s)' },
  hour: { fa: 'ساعت', en: 'hour(s)' },
  copy: { fa: 'نسخه', en: 'copy(ies)' },
  page: { fa: 'صفحه', en: 'page(s)' },
  item: { fa: 'عدد', en: 'item(s)' },
  shipment: { fa: 'مرسوله', en: 'shipment(s)' },
  amount: { fa: '', en: '' },
};

const CATEGORY_NAMES: Record<Quote['applicant']['category'], LocalizedText> = {
  individual: { fa: 'شخص حقیقی', en: 'individual' },
  student: { fa: 'دانشجو', en: 'student' },
  organisation: { fa: 'سازمان', en: 'organisation' },
};

const MODE_NAMES: Record<string, LocalizedText> = {
  nearest: { fa: 'نزدیک‌ترین مضرب', en: 'nearest' },
  up: { fa: 'مضرب بالاتر', en: 'next (up)' },
  down: { fa: 'مضرب پایین‌تر', en: 'previous (down)' },
};

function rial(m: Money, lang: Lang): string {
  return formatMoney(m, { language: lang });
}

function signed(m: Money, lang: Lang): string {
  return m.amount > 0n ? `+${rial(m, lang)}` : rial(m, lang);
}

function count(n: bigint, lang: Lang): string {
  const text = n.toString().replace(/\B(?=(\d{3})+(?!\d))/g, lang === 'fa' ? '\u066c' : ',');
  return lang === 'fa' ? toPersianDigits(text) : text;
}

/** The quote instant as a Solar Hijri wall-clock reading in Tehran, e.g. `1403/01/15 10:00`. */
export function formatQuoteInstant(at: Date, lang: Lang): string {
  const z = toZoned(at, TEHRAN);
  const j = toJalaali(z.year, z.month, z.day);
  const pad = (n: number) => String(n).padStart(2, '0');
  const text = `${j.jy}/${pad(j.jm)}/${pad(j.jd)} ${pad(z.hour)}:${pad(z.minute)}`;
  return lang === 'fa' ? toPersianDigits(text) : `${text} (Asia/Tehran)`;
}

function chargeLine(line: QuoteLine, lang: Lang): string {
  const unit = UNIT_NAMES[line.unit][lang];
  return `- ${line.description[lang]}: ${count(line.quantity, lang)} ${unit} × ${rial(line.unitPrice, lang)} = ${rial(line.subtotal, lang)}`;
}

function rateLine(line: QuoteLine, lang: Lang): string {
  if (!line.rate) return `- ${line.description[lang]}: ${signed(line.subtotal, lang)}`;
  const of = lang === 'fa' ? 'از' : 'of';
  return `- ${line.description[lang]}: ${formatBasisPoints(line.rate.basisPoints, lang)} ${of} ${rial(line.rate.base, lang)} = ${signed(line.subtotal, lang)}`;
}

function roundingLine(line: QuoteLine, lang: Lang): string {
  const r = line.rounding;
  if (!r) return `- ${line.description[lang]}: ${signed(line.subtotal, lang)}`;
  const rule =
    lang === 'fa'
      ? `به ${MODE_NAMES[r.mode]!.fa} ${rial(r.increment, lang)}، ${r.point === 'total' ? 'روی مبلغ نهایی' : 'پیش از مالیات'}`
      : `rounded to the ${MODE_NAMES[r.mode]!.en} ${rial(r.increment, lang)} ${r.point === 'total' ? 'on the total' : 'before VAT'}`;
  return `- ${line.description[lang]} (${rule}): ${signed(line.subtotal, lang)}`;
}

function explainIn(quote: Omit<Quote, 'explanation'>, lang: Lang): string {
  const fa = lang === 'fa';
  const out: string[] = [];
  out.push(fa ? `اعلام هزینه بر پایه تعرفه «${quote.bookId}» نسخه ${quote.bookVersion}` : `Quote from tariff book "${quote.bookId}", version ${quote.bookVersion}`);
  if (quote.bookIsSample) out.push(fa ? 'توجه: مبالغ این تعرفه نمونه‌اند و تعرفه رسمی مرکز آمار نیستند.' : 'Note: this book holds SAMPLE amounts, not the office’s approved tariff.');
  const category = CATEGORY_NAMES[quote.applicant.category][lang];
  const status = quote.applicant.category === 'individual' ? '' : quote.applicant.verified ? (fa ? ' (تأییدشده)' : ' (verified)') : fa ? ' (تأییدنشده)' : ' (not verified)';
  out.push(fa ? `زمان محاسبه: ${formatQuoteInstant(quote.quotedAt, lang)}؛ متقاضی: ${category}${status}` : `Priced at ${formatQuoteInstant(quote.quotedAt, lang)} for an applicant of category ${category}${status}.`);

  out.push(fa ? 'هزینه‌ها:' : 'Charges:');
  if (quote.lines.length === 0) out.push(fa ? '- (هیچ)' : '- (none)');
  for (const line of quote.lines) out.push(chargeLine(line, lang));
  out.push(fa ? `جمع پیش از تخفیف: ${rial(quote.subtotal, lang)}` : `Subtotal before discounts: ${rial(quote.subtotal, lang)}`);

  if (quote.discounts.length > 0) {
    out.push(fa ? 'تخفیف‌ها:' : 'Discounts:');
    for (const line of quote.discounts) out.push(rateLine(line, lang));
  }
  for (const note of quote.notes) out.push(`${fa ? 'یادداشت' : 'Note'}: ${note[lang]}`);
  if (quote.waiver) out.push(`- ${quote.waiver.description[lang]}: ${signed(quote.waiver.subtotal, lang)}`);

  const roundingFirst = quote.rounding?.rounding?.point === 'before-vat';
  if (roundingFirst && quote.rounding) out.push(roundingLine(quote.rounding, lang));
  if (quote.vat) {
    out.push(fa ? `خالص پیش از مالیات: ${rial(quote.vat.rate?.base ?? quote.subtotal, lang)}` : `Net before VAT: ${rial(quote.vat.rate?.base ?? quote.subtotal, lang)}`);
    out.push(rateLine(quote.vat, lang));
  }
  if (!roundingFirst && quote.rounding) out.push(roundingLine(quote.rounding, lang));

  const toman = formatMoney(quote.total, { language: lang, unit: 'toman' });
  out.push(fa ? `مبلغ قابل پرداخت: ${rial(quote.total, lang)} (${toman})` : `Total payable: ${rial(quote.total, lang)} (${toman})`);
  return out.join('\n');
}

/** A plain-text, line-by-line explanation of how the total was reached, in Persian and English. */
export function explainQuote(quote: Omit<Quote, 'explanation'>): LocalizedText {
  return { fa: explainIn(quote, 'fa'), en: explainIn(quote, 'en') };
}
