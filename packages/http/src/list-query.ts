import { z } from 'zod';
import { ValidationError, type InstanceStatus, type ValidationIssue } from '@statdesk/core';

export interface InstanceListParams {
  states?: string[];
  status?: InstanceStatus;
  /** An actor id, or `me` for the caller. */
  owner?: string;
  limit: number;
  cursor?: string;
}

const STATUSES = ['active', 'done'] as const satisfies readonly InstanceStatus[];

/**
 * Reads `?state=a,b&status=&owner=&limit=&cursor=` for a work queue. Pages are always bounded:
 * `limit` defaults to 50 and may not exceed the handler's page size.
 */
export function parseListQuery(query: URLSearchParams, maxPageSize: number): InstanceListParams {
  const schema = z.object({
    state: z
      .string()
      .trim()
      .min(1)
      .transform((s) => s.split(',').map((p) => p.trim()).filter(Boolean))
      .optional(),
    status: z.enum(STATUSES).optional(),
    owner: z.string().trim().min(1).max(200).optional(),
    limit: z.coerce.number().int().min(1).max(maxPageSize).default(Math.min(50, maxPageSize)),
    cursor: z.string().min(1).max(1000).optional(),
  });
  const raw: Record<string, string> = {};
  for (const name of ['state', 'status', 'owner', 'limit', 'cursor']) {
    const values = query.getAll(name);
    if (values.length) raw[name] = values.join(',');
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issues: ValidationIssue[] = parsed.error.issues.map((i) => ({ path: i.path.join('.') || 'query', message: i.message, code: i.code }));
    throw new ValidationError('list query', issues);
  }
  const { state, ...rest } = parsed.data;
  return { ...rest, ...(state?.length ? { states: state } : {}) };
}
