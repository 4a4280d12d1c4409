import { toPersianDigits } from '../locale/digits';
import type { Money } from './money';

/** Display unit: Rial is the legal unit; Toman (10 Rial) is what people say and read. */
export type MoneyUnit = 'rial' | 'toman';

/** Options of `formatMoney`. */
export interface FormatMoneyOptions {
  /** Default `rial`. Toman is for display only: amounts are always stored in Rial. */
  unit?: MoneyUnit;
  /** Language of the unit name and separators. Default `fa`. */
  language?: 'fa' | 'en';
  /** Digit set. Default: Persian for `fa`, Latin for `en`. */
  digits?: 'persian' | 'latin';
  /** Thousands grouping. Default true. */
  grouping?: boolean;
  /** Append the unit name. Default true. */
  withUnit?: boolean;
}

const UNIT_NAMES: Record<'fa' | 'en', Record<MoneyUnit, string>> = {
  fa: { rial: 'ریال', toman: 'تومان' },
  en: { rial: 'Rial', toman: 'Toman' },
};

// Persian typography uses the Arabic thousands separator (U+066C) and decimal separator (U+066B).
const SEPARATORS = {
  fa: { group: '\u066c', decimal: '\u066b' },
  en: { group: ',', decimal: '.' },
} as const;

function group(digits: string, separator: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, separator);
}

/**
 * Format an IRR amount, for example `۱۲٬۳۴۵ ریال`, `1,234.5 Toman`. Toman values that are not
 * whole (an amount not divisible by 10 Rial) keep their single decimal digit rather than rounding,
 * so the display never disagrees with the amount charged.
 */
export function formatMoney(m: Money, options: FormatMoneyOptions = {}): string {
  if (m.currency !== 'IRR') throw new RangeError(`formatMoney: no display rules for ${m.currency}`);
  const unit = options.unit ?? 'rial';
  const language = options.language ?? 'fa';
  const digitSet = options.digits ?? (language === 'fa' ? 'persian' : 'latin');
  const separators = SEPARATORS[language];
  const negative = m.amount < 0n;
  const magnitude = negative ? -m.amount : m.amount;

  let whole: bigint;
  let fraction = '';
  if (unit === 'toman') {
    whole = magnitude / 10n;
    const tenth = magnitude % 10n;
    if (tenth !== 0n) fraction = tenth.toString();
  } else {
    whole = magnitude;
  }

  let text = whole.toString();
  if (options.grouping ?? true) text = group(text, separators.group);
  if (fraction) text += separators.decimal + fraction;
  if (negative) text = '-' + text;
  if (digitSet === 'persian') text = toPersianDigits(text);
  if (options.withUnit ?? true) text += ' ' + UNIT_NAMES[language][unit];
  return text;
}

/** Shorthand for `formatMoney(m, { unit: 'toman', ...options })`. */
export function formatToman(m: Money, options: Omit<FormatMoneyOptions, 'unit'> = {}): string {
  return formatMoney(m, { ...options, unit: 'toman' });
}
