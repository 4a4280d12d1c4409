/** What every page knows about the request: the language, the signed-in person and their CSRF token. */
import type { Language } from '@statdesk/example-express-portal/i18n';
import type { PortalUser } from '@statdesk/example-express-portal/users';
import { currentLanguage, currentUser, readSession } from './session';

export interface PageContext {
  lang: Language;
  user: PortalUser | undefined;
  /** For the JSON API calls the upload forms make (`x-csrf-token`). */
  csrf: string;
}

export async function pageContext(): Promise<PageContext> {
  const [lang, user, session] = await Promise.all([currentLanguage(), currentUser(), readSession()]);
  return { lang, user, csrf: session?.csrf ?? '' };
}
