export { toLatinDigits, toPersianDigits, toArabicDigits, toDigitSet, type DigitSet } from './digits';
export { toPersianLetters } from './letters';
export { normalizePersianInput } from './normalize';
export { normalizeTypedInput, normalizeTypedNumber, typedCode, typedWholeNumber, typedRial } from './typed-input';
