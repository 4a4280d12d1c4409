/**
 * Profile routes, over `options.profiles` (`createApplicantProfiles`): an applicant registers,
 * reads and changes their own profile and attaches a student card (uploaded first through
 * `POST /files`); staff verify or reject the claimed category. Validation, roles and the audit
 * trail are the profile service's; this file only maps requests to it.
 *
 * Registration never says whether a national ID is already registered: a new and an existing ID
 * get the same 202, so the route cannot be used to test IDs.
 */
import { isStatdeskError, NotFoundError, ValidationError, type ApplicantProfile, type ApplicantProfiles } from '@statdesk/core';
import { jsonResponse } from '../json';
import { readJsonObject } from '../read-json-body';
import type { RequestScope } from '../request-scope';

/** The route table entries, registered by the handler when `profiles` is configured. */
export const PROFILE_ROUTES = [
  ['POST', '/profiles', registerProfile],
  ['GET', '/profiles/me', readOwnProfile],
  ['PATCH', '/profiles/me', updateOwnProfile],
  ['POST', '/profiles/me/student-card', submitStudentCard],
  ['POST', '/profiles/:profileId/category/verify', verifyCategory],
  ['POST', '/profiles/:profileId/category/reject', rejectCategory],
] as const;

/** The one answer to a registration, whether the national ID was new or already registered. */
export const REGISTRATION_ACCEPTED = Object.freeze({ status: 'accepted', next: 'GET /profiles/me' });

function profilesOf(scope: RequestScope, route: string): ApplicantProfiles {
  const profiles = scope.runtime.options.profiles;
  if (!profiles) throw new NotFoundError('route', route);
  return profiles;
}

async function body(scope: RequestScope): Promise<Record<string, unknown>> {
  return readJsonObject(scope.request, scope.runtime.maxJsonBytes);
}

/** What the API shows of a profile: everything but the audit trail (staff read that elsewhere). */
function profileView(profile: ApplicantProfile): Omit<ApplicantProfile, 'audit'> {
  const { audit: _audit, ...view } = profile;
  return view;
}

function expectedVersion(scope: RequestScope, fromBody: unknown): number | undefined {
  const header = scope.request.headers.get('if-match');
  const raw = header !== null ? header.replace(/^W\//, '').replace(/"/g, '') : fromBody;
  if (raw === undefined || raw === null) return undefined;
  const version = Number(raw);
  if (!Number.isInteger(version) || version < 1) throw new ValidationError('profile', [{ path: 'expectedVersion', message: 'must be a whole number from 1' }]);
  return version;
}

/** `POST /profiles`: the caller registers their own profile; 202 whether or not the ID was registered. */
export async function registerProfile(scope: RequestScope): Promise<Response> {
  const profiles = profilesOf(scope, 'POST /profiles');
  const identity = await scope.requireIdentity();
  const input = await body(scope);
  try {
    await profiles.register({ tenantId: identity.tenantId, actor: identity.actor, input: input as never, profileId: identity.actor.id });
  } catch (error) {
    // Taken national ID or an existing profile: answered as a success, so nobody learns which IDs exist.
    const taken = isStatdeskError(error, 'CONFLICT') && (error.details.entity === 'profile-national-id' || error.details.entity === 'profile');
    if (!taken) throw error;
  }
  return jsonResponse(202, REGISTRATION_ACCEPTED);
}

/** `GET /profiles/me`: the caller's own profile. */
export async function readOwnProfile(scope: RequestScope): Promise<Response> {
  const profiles = profilesOf(scope, 'GET /profiles/me');
  const { tenantId, actor } = await scope.requireIdentity();
  const profile = await profiles.get({ tenantId, actor, profileId: actor.id });
  return jsonResponse(200, profileView(profile), { etag: `"${profile.version}"`, 'cache-control': 'private, no-store' });
}

/** `PATCH /profiles/me`: change some fields (`{ change, expectedVersion? }` or `If-Match`). */
export async function updateOwnProfile(scope: RequestScope): Promise<Response> {
  const profiles = profilesOf(scope, 'PATCH /profiles/me');
  const { tenantId, actor } = await scope.requireIdentity();
  const { change, expectedVersion: bodyVersion } = await body(scope);
  if (typeof change !== 'object' || change === null || Array.isArray(change)) throw new ValidationError('profile', [{ path: 'change', message: 'must be an object of the fields to change' }]);
  const version = expectedVersion(scope, bodyVersion);
  const profile = await profiles.update({ tenantId, actor, profileId: actor.id, change: change as never, ...(version === undefined ? {} : { expectedVersion: version }) });
  return jsonResponse(200, profileView(profile), { etag: `"${profile.version}"` });
}

/** `POST /profiles/me/student-card`: attach an uploaded student card (`{ file: { key } }`) as category evidence. */
export async function submitStudentCard(scope: RequestScope): Promise<Response> {
  const profiles = profilesOf(scope, 'POST /profiles/me/student-card');
  const { tenantId, actor } = await scope.requireIdentity();
  const { file } = await body(scope);
  const key = typeof file === 'object' && file !== null ? (file as { key?: unknown }).key : undefined;
  if (typeof key !== 'string' || !key) throw new ValidationError('profile', [{ path: 'file.key', message: 'the key POST /files answered with' }]);
  const profile = await profiles.submitCategoryEvidence({ tenantId, actor, profileId: actor.id, file: { key } });
  return jsonResponse(200, profileView(profile), { etag: `"${profile.version}"` });
}

/** `POST /profiles/:profileId/category/verify`: staff accept the category evidence. */
export async function verifyCategory(scope: RequestScope): Promise<Response> {
  const profiles = profilesOf(scope, 'POST /profiles/:profileId/category/verify');
  const { tenantId, actor } = await scope.requireIdentity();
  const profile = await profiles.verifyCategory({ tenantId, actor, profileId: scope.param('profileId') });
  return jsonResponse(200, { id: profile.id, category: profile.category, verification: profile.verification, version: profile.version });
}

/** `POST /profiles/:profileId/category/reject`: staff reject the evidence, with a reason (`{ reason }`) the applicant sees. */
export async function rejectCategory(scope: RequestScope): Promise<Response> {
  const profiles = profilesOf(scope, 'POST /profiles/:profileId/category/reject');
  const { tenantId, actor } = await scope.requireIdentity();
  const { reason } = await body(scope);
  if (typeof reason !== 'string' || !reason.trim()) throw new ValidationError('profile', [{ path: 'reason', message: 'say why, for the applicant' }]);
  const profile = await profiles.rejectCategory({ tenantId, actor, profileId: scope.param('profileId'), reason });
  return jsonResponse(200, { id: profile.id, category: profile.category, verification: profile.verification, version: profile.version });
}
