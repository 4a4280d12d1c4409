/**
 * Arabic letter forms that Persian keyboards and older systems emit for Persian letters. Two
 * strings a Persian reader sees as equal ("علي" and "علی") differ in code points until these are
 * folded, which breaks search, deduplication and comparison.
 */

/** Arabic letter → the Persian letter it stands for. */
const ARABIC_TO_PERSIAN_LETTERS: Readonly<Record<string, string>> = {
  '\u064a': '\u06cc', // ARABIC LETTER YEH (ي) → FARSI YEH (ی)
  '\u0649': '\u06cc', // ARABIC LETTER ALEF MAKSURA (ى), typed for final yeh → FARSI YEH (ی)
  '\u0643': '\u06a9', // ARABIC LETTER KAF (ك) → KEHEH (ک)
};

const ARABIC_LETTER = /[\u064a\u0649\u0643]/g;

/**
 * Fold Arabic yeh/kaf (ي ى ك) to Persian yeh/keheh (ی ک). Zero-width non-joiners (U+200C) and
 * all other characters are kept: ZWNJ is part of correct Persian spelling ("می‌شود").
 */
export function toPersianLetters(text: string): string {
  return text.replace(ARABIC_LETTER, (ch) => ARABIC_TO_PERSIAN_LETTERS[ch] ?? ch);
}
