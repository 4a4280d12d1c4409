import { toLatinDigits } from '../locale/digits';
import { InvalidAmountError } from './errors';
import { type Money, rial } from './money';

const TOMAN_WORDS = /(تومان|toman)$/i;
const RIAL_WORDS = /(ریال|ريال|rials?)$/i;
// Thousands separators people type: comma, Arabic comma, Arabic thousands separator, spaces.
const GROUP_SEPARATORS = /[,\u060c\u066c\s\u200c]/g;

/**
 * Read an amount as a person types it ("۱۲٬۰۰۰ ریال", "1,200 Toman", "۱۲۰۰"): any digit set,
 * grouping separators, an optional unit word (Rial when absent). Toman may carry one decimal
 * digit (0.1 Toman = 1 Rial); anything finer is rejected rather than rounded.
 */
export function parseMoneyText(text: string): Money {
  let t = toLatinDigits(text).trim();
  let unit: 'rial' | 'toman' = 'rial';
  if (TOMAN_WORDS.test(t)) {
    unit = 'toman';
    t = t.replace(TOMAN_WORDS, '');
  } else {
    t = t.replace(RIAL_WORDS, '');
  }
  t = t.replace(GROUP_SEPARATORS, '').replace('\u066b', '.');
  const match = /^(-?)(\d+)(?:\.(\d))?$/.exec(t);
  if (!match) throw new InvalidAmountError(`Cannot read ${JSON.stringify(text)} as an amount`, text);
  const [, sign, whole, tenth] = match;
  if (tenth !== undefined && unit === 'rial') {
    throw new InvalidAmountError(`Rial amounts are whole numbers: ${JSON.stringify(text)}`, text);
  }
  let amount = BigInt(whole ?? '0');
  if (unit === 'toman') amount = amount * 10n + BigInt(tenth ?? '0');
  return rial(sign === '-' ? -amount : amount);
}
