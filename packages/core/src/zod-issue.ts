import type { z } from 'zod';
import type { ValidationIssue } from './errors';

/**
 * A zod issue as a validation issue: its path, message and code, and the parameters a message
 * may quote (limits, the expected type or format; never the input).
 */
export function issueFromZod(issue: z.core.$ZodIssue): ValidationIssue {
  const params: Record<string, string | number> = {};
  const raw = issue as unknown as Record<string, unknown>;
  for (const key of ['minimum', 'maximum', 'expected', 'format', 'origin', 'divisor']) {
    const value = raw[key];
    if (typeof value === 'string' || typeof value === 'number') params[key] = value;
    else if (typeof value === 'bigint') params[key] = value.toString();
  }
  if (issue.code === 'custom' && issue.params) {
    for (const [key, value] of Object.entries(issue.params)) if (typeof value === 'string' || typeof value === 'number') params[key] = value;
  }
  if (issue.code === 'invalid_value') params.values = issue.values.map(String).join(', ');
  if (issue.code === 'unrecognized_keys') params.keys = issue.keys.join(', ');
  return {
    path: issue.path.map(String).join('.'),
    message: issue.message,
    code: issue.code,
    ...(Object.keys(params).length ? { params } : {}),
  };
}
