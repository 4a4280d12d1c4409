import type { ApplicantProfile, CategoryVerificationStatus } from '../ports/profiles';
import type { ApplicantCategory } from '../tariffs/request';

/** Where verification starts for a category: individuals have nothing to prove. */
export function initialVerificationStatus(category: ApplicantCategory): CategoryVerificationStatus {
  return category === 'individual' ? 'not-required' : 'unverified';
}

/**
 * The applicant as the tariff engine sees it: a student or organisation price applies only
 * when staff verified the evidence; everyone else is priced as claimed with `verified: false`,
 * which the tariff engine prices without the category discount (and notes why).
 */
export function tariffApplicantOf(profile: Pick<ApplicantProfile, 'category' | 'verification'>): { category: ApplicantCategory; verified: boolean } {
  return { category: profile.category, verified: profile.category === 'individual' || profile.verification.status === 'verified' };
}
