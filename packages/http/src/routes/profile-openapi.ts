/** The OpenAPI entries of the profile routes (see profile-routes.ts). */
import { profileChangeSchema, profileInputSchema } from '@statdesk/core';
import type { JsonSchema, OpenApiDocument } from '../openapi';

type Errors = (...types: ('VALIDATION' | 'UNAUTHENTICATED' | 'NOT_ALLOWED' | 'NOT_FOUND' | 'CONFLICT')[]) => Record<string, unknown>;

const json = (schema: JsonSchema) => ({ 'application/json': { schema } });
const convert = (schema: { toJSONSchema(params: { io: 'input'; unrepresentable: 'any' }): unknown }) => schema.toJSONSchema({ io: 'input', unrepresentable: 'any' }) as JsonSchema;
const PROFILE: JsonSchema = { type: 'object', description: 'The profile (without its audit trail); its ETag is its version' };
const CATEGORY: JsonSchema = {
  type: 'object',
  properties: { id: { type: 'string' }, category: { type: 'string' }, verification: { type: 'object' }, version: { type: 'integer' } },
  required: ['id', 'category', 'verification', 'version'],
};
const PROFILE_ID = { name: 'profileId', in: 'path', required: true, schema: { type: 'string' } };

/** Paths of the profile routes; `errors` is the document's error-response builder. */
export function profilePaths(errors: Errors): OpenApiDocument['paths'] {
  return {
    '/profiles': {
      post: {
        operationId: 'registerProfile',
        summary: "Register the caller's own profile. The same 202 whether or not the national ID was registered before: read it back with GET /profiles/me",
        requestBody: { required: true, content: json(convert(profileInputSchema)) },
        responses: { 202: { description: 'Accepted', content: json({ type: 'object', properties: { status: { const: 'accepted' }, next: { type: 'string' } }, required: ['status'] }) }, ...errors('VALIDATION', 'UNAUTHENTICATED', 'NOT_ALLOWED') },
      },
    },
    '/profiles/me': {
      get: {
        operationId: 'readOwnProfile',
        summary: "The caller's own profile",
        responses: { 200: { description: 'The profile', content: json(PROFILE) }, ...errors('UNAUTHENTICATED', 'NOT_FOUND') },
      },
      patch: {
        operationId: 'updateOwnProfile',
        summary: 'Change some fields; changing the category resets its verification. If-Match (or expectedVersion) pins the version',
        requestBody: { required: true, content: json({ type: 'object', properties: { change: convert(profileChangeSchema), expectedVersion: { type: 'integer', minimum: 1 } }, required: ['change'] }) },
        responses: { 200: { description: 'The changed profile', content: json(PROFILE) }, ...errors('VALIDATION', 'UNAUTHENTICATED', 'NOT_FOUND', 'CONFLICT') },
      },
    },
    '/profiles/me/student-card': {
      post: {
        operationId: 'submitStudentCard',
        summary: 'Attach the student card uploaded through POST /files as evidence of the student category',
        requestBody: { required: true, content: json({ type: 'object', properties: { file: { type: 'object', properties: { key: { type: 'string' } }, required: ['key'] } }, required: ['file'] }) },
        responses: { 200: { description: 'The profile, evidence pending review', content: json(PROFILE) }, ...errors('VALIDATION', 'UNAUTHENTICATED', 'NOT_FOUND') },
      },
    },
    '/profiles/{profileId}/category/verify': {
      post: {
        operationId: 'verifyCategory',
        summary: "Staff accept the profile's category evidence",
        parameters: [PROFILE_ID],
        responses: { 200: { description: 'Verified', content: json(CATEGORY) }, ...errors('VALIDATION', 'UNAUTHENTICATED', 'NOT_ALLOWED', 'NOT_FOUND') },
      },
    },
    '/profiles/{profileId}/category/reject': {
      post: {
        operationId: 'rejectCategory',
        summary: 'Staff reject the category evidence, with a reason the applicant sees',
        parameters: [PROFILE_ID],
        requestBody: { required: true, content: json({ type: 'object', properties: { reason: { type: 'string' } }, required: ['reason'] }) },
        responses: { 200: { description: 'Rejected', content: json(CATEGORY) }, ...errors('VALIDATION', 'UNAUTHENTICATED', 'NOT_ALLOWED', 'NOT_FOUND') },
      },
    },
  };
}
