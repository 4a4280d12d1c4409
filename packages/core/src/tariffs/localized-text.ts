import { z } from 'zod';

/** Text shown to people, in both languages the service speaks. */
export interface LocalizedText {
  /** In Persian. */
  fa: string;
  /** In English. */
  en: string;
}

export const localizedTextSchema = z.object({
  fa: z.string().trim().min(1, 'Persian text is required'),
  en: z.string().trim().min(1, 'English text is required'),
});
