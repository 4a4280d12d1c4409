import type { Language } from '../ports/notification';
import type { LocalizedText } from '../tariffs/localized-text';

/** Text in `language`. */
export function inLanguage(text: LocalizedText, language: Language): string {
  return text[language];
}
