/**
 * What an applicant (or staff on their behalf) may write into a profile, validated with zod.
 * Every field is normalised first (Persian/Arabic digits, spacing), so `۰۰۱۲۳۴۵۶۷۹` and
 * `0012345679` are the same national ID. A failure names its field.
 */
import { z } from 'zod';
import { APPLICANT_CATEGORIES } from '../tariffs/request';
import { isValidNationalId, normalizeNationalId } from './national-id';
import { normalizeMobile } from './mobile';
import { normalizePostalCode } from './postal-code';

/** A national ID: Persian or Arabic digits accepted, normalised to 10 Latin digits, check digit verified. */
export const nationalIdSchema = z
  .string()
  .transform(normalizeNationalId)
  .refine(isValidNationalId, 'is not a valid national ID (10 digits with a correct check digit)');

/** An Iranian mobile number in any common spelling (+98, 0098, Persian digits), normalised to 09xxxxxxxxx. */
export const mobileSchema = z.string().transform((value, ctx) => {
  const mobile = normalizeMobile(value);
  if (mobile) return mobile;
  ctx.addIssue({ code: 'custom', message: 'is not an Iranian mobile number (09xxxxxxxxx)' });
  return z.NEVER;
});

/** A 10-digit postal code, normalised to Latin digits. */
export const postalCodeSchema = z.string().transform((value, ctx) => {
  const code = normalizePostalCode(value);
  if (code) return code;
  ctx.addIssue({ code: 'custom', message: 'is not a postal code (10 digits)' });
  return z.NEVER;
});

// Free text is kept as the person wrote it (their digits and letters), only trimmed.
const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max);

const fields = {
  nationalId: nationalIdSchema,
  fullName: text(200),
  email: z.string().trim().toLowerCase().pipe(z.email('is not an e-mail address')).optional(),
  mobile: mobileSchema,
  language: z.enum(['fa', 'en']).default('fa'),
  postalAddress: text(500).optional(),
  postalCode: postalCodeSchema.optional(),
  category: z.enum(APPLICANT_CATEGORIES).default('individual'),
};

/** A new profile. */
export const profileInputSchema = z.strictObject(fields);

/** A change: any subset of the fields (the national ID included, for typos staff correct). */
export const profileChangeSchema = z.strictObject({
  nationalId: fields.nationalId.optional(),
  fullName: fields.fullName.optional(),
  email: fields.email,
  mobile: fields.mobile.optional(),
  language: z.enum(['fa', 'en']).optional(),
  postalAddress: fields.postalAddress,
  postalCode: fields.postalCode,
  category: z.enum(APPLICANT_CATEGORIES).optional(),
});

/** What registering a profile takes (before normalisation). */
export type ProfileInput = z.input<typeof profileInputSchema>;
/** What a profile update may change (before normalisation). */
export type ProfileChange = z.input<typeof profileChangeSchema>;
