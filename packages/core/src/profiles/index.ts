export { normalizeNationalId, isValidNationalId } from './national-id';
export { normalizeMobile } from './mobile';
export { normalizePostalCode } from './postal-code';
export { nationalIdSchema, mobileSchema, postalCodeSchema, profileInputSchema, profileChangeSchema, type ProfileInput, type ProfileChange } from './profile.schema';
export { initialVerificationStatus, tariffApplicantOf } from './category';
export {
  createApplicantProfiles,
  DEFAULT_PROFILE_STAFF_ROLES,
  DEFAULT_VERIFIER_ROLES,
  DEFAULT_PRIVACY_ROLES,
  type ApplicantProfiles,
  type ApplicantProfilesOptions,
  type ProfileCommand,
} from './applicant-profiles';
export { staticProfileKeys, profileKeysFromEnv, PROFILE_KEY_VARIABLES, type StaticProfileKeysOptions, type ProfileKeyMaterial } from './static-profile-keys';
