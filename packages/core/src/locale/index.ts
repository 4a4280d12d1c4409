export { toLatinDigits, toPersianDigits, toArabicDigits, toDigitSet, type DigitSet } from './digits';
export { toPersianLetters } from './letters';
export { normalizePersianInput } from './normalize';
