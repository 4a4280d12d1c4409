/** Who a session's user id is: a demo user, or an applicant who registered through the portal. */
import { CITIZEN_ROLES, demoUser } from './demo-users';
import type { PortalContext } from './portal-context';

export interface PortalUser {
  id: string;
  name: { fa: string; en: string };
  roles: readonly string[];
}

/** Ids of applicants who register through the portal (never a demo user's). */
export const REGISTERED_PREFIX = 'applicant-';

export async function findUser(context: Pick<PortalContext, 'profiles' | 'tenantId'>, id: string | undefined): Promise<PortalUser | undefined> {
  if (!id) return undefined;
  const demo = demoUser(id);
  if (demo) return demo;
  if (!id.startsWith(REGISTERED_PREFIX)) return undefined;
  const profile = await context.profiles.get(context.tenantId, id);
  return profile ? { id, name: { fa: profile.fullName, en: profile.fullName }, roles: CITIZEN_ROLES } : undefined;
}
